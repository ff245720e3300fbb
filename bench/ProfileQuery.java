import dev.affinity.features.warehouse.Warehouse;
import dev.affinity.features.warehouse.WarehouseSql;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Times one variant of the profile SQL on an existing warehouse, to compare query changes in the
 * same session. Writes the result to /tmp/profile-query.parquet so two variants can be diffed.
 * Run: java -cp "training/target/lib/*" bench/ProfileQuery.java WAREHOUSE SQL_FILE AS_OF [SETTING]
 * e.g. ... /tmp/bench-1m features/src/main/resources/dev/affinity/features/profiles/customer_profiles.sql
 *      2026-09-01 "SET memory_limit='2GB'"
 */
public class ProfileQuery {
    public static void main(String[] args) throws Exception {
        Warehouse warehouse = Warehouse.open(Path.of(args[0]));
        String sql = Files.readString(Path.of(args[1])).replace("${as_of}", "TIMESTAMP '" + args[2] + " 00:00:00'");
        try (WarehouseSql session = WarehouseSql.open(warehouse)) {
            if (args.length > 3) {
                session.execute(args[3]);
            }
            long start = System.nanoTime();
            session.execute("COPY (" + sql + ") TO '/tmp/profile-query.parquet' (FORMAT parquet, COMPRESSION zstd)");
            System.out.printf("{\"elapsedSeconds\":%.1f}%n", (System.nanoTime() - start) / 1e9);
        }
    }
}
