import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * Baseline for the features benchmark: the least work any per-customer profile needs, a DuckDB
 * GROUP BY customer_id count over orders, events and e-mail events of the same warehouse.
 * Run: java -cp "training/target/lib/*" bench/ScanBaseline.java WAREHOUSE_DIR
 */
public class ScanBaseline {
    public static void main(String[] args) throws Exception {
        String wh = args[0];
        long start = System.nanoTime();
        long groups = 0;
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                Statement s = c.createStatement()) {
            for (String table : new String[] {"orders", "events", "email_events"}) {
                try (ResultSet rs = s.executeQuery("SELECT count(*) FROM (SELECT customer_id, count(*) FROM read_parquet('"
                        + wh + "/" + table + "/*.parquet') GROUP BY customer_id)")) {
                    rs.next();
                    groups += rs.getLong(1);
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("{\"groups\":%d,\"elapsedSeconds\":%.3f}%n", groups, seconds);
    }
}
