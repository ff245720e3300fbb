package dev.affinity.features.profiles;

import dev.affinity.features.progress.Progress;
import dev.affinity.features.warehouse.Warehouse;
import dev.affinity.features.warehouse.WarehouseSql;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Computes the {@code customer_profiles} table as of a cutoff with the SQL in {@code
 * customer_profiles.sql} (the feature definitions), and writes it as one ZSTD Parquet file per
 * cutoff: {@code <warehouse>/customer_profiles/as_of=YYYY-MM-DD/part-00000.parquet}.
 */
public final class CustomerProfiles {
    /** The directory of profile snapshots inside the warehouse. */
    public static final String TABLE = "customer_profiles";

    private static final String SQL = WarehouseSql.resource(CustomerProfiles.class, "customer_profiles.sql");

    private final Warehouse warehouse;
    private final Progress progress;

    /** Profiles of {@code warehouse}; {@code progress} hears of each step. */
    public CustomerProfiles(Warehouse warehouse, Progress progress) {
        this.warehouse = warehouse;
        this.progress = progress;
    }

    /**
     * A written snapshot.
     *
     * @param asOf the cutoff: every figure uses data strictly before its midnight (UTC)
     * @param file the Parquet file
     * @param customers rows (one per customer)
     */
    public record Snapshot(LocalDate asOf, Path file, long customers) {}

    /** The Parquet file of the snapshot as of {@code asOf} (it may not exist). */
    public Path snapshotFile(LocalDate asOf) {
        return warehouse.root().resolve(TABLE).resolve("as_of=" + asOf).resolve("part-00000.parquet");
    }

    /** The profile SQL for a cutoff, with the cutoff as a timestamp literal at midnight. */
    public static String sql(LocalDate asOf) {
        return SQL.replace("${as_of}", WarehouseSql.midnight(asOf));
    }

    /** Computes and writes the snapshot as of {@code asOf}, replacing an earlier one atomically. */
    public Snapshot compute(LocalDate asOf) {
        Path file = snapshotFile(asOf);
        Path tmp = file.resolveSibling(".part-00000.parquet.tmp");
        try (WarehouseSql sql = WarehouseSql.open(warehouse)) {
            Files.createDirectories(file.getParent());
            progress.update("features as of " + asOf + ": computing profiles", 0, 1);
            sql.execute("COPY (" + sql(asOf) + ") TO " + WarehouseSql.literal(tmp.toString())
                    + " (FORMAT parquet, COMPRESSION zstd)");
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            long rows = count(sql, file);
            progress.update("features as of " + asOf + ": computing profiles", 1, 1);
            return new Snapshot(asOf, file, rows);
        } catch (SQLException e) {
            throw new IllegalStateException("profile query failed as of " + asOf + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /**
     * Reads a written snapshot into memory, keyed by customer id, each profile a column-to-value map
     * (timestamps as {@link java.time.LocalDateTime}, dates as {@link LocalDate}, missing as {@code
     * null}). For tests and small warehouses; large consumers should query the Parquet file.
     */
    public Map<String, Map<String, Object>> read(LocalDate asOf) {
        Path file = snapshotFile(asOf);
        if (!Files.exists(file)) {
            throw new IllegalArgumentException(
                    "no profiles as of " + asOf + " (run: affinity features --as-of " + asOf + ")");
        }
        Map<String, Map<String, Object>> profiles = new LinkedHashMap<>();
        try (WarehouseSql sql = WarehouseSql.open(warehouse);
                PreparedStatement s = sql.connection().prepareStatement("SELECT * FROM read_parquet(?)")) {
            s.setString(1, file.toString());
            try (ResultSet rs = s.executeQuery()) {
                ResultSetMetaData meta = rs.getMetaData();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        row.put(meta.getColumnName(i), javaValue(rs.getObject(i)));
                    }
                    profiles.put((String) row.get("customer_id"), row);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return profiles;
    }

    /** A JDBC value as profiles hold it: timestamps as {@code LocalDateTime}, dates as {@code LocalDate}. */
    public static Object javaValue(Object v) {
        if (v instanceof Timestamp t) {
            return t.toLocalDateTime();
        }
        if (v instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        return v;
    }

    private static long count(WarehouseSql sql, Path file) throws SQLException {
        try (Statement s = sql.connection().createStatement();
                ResultSet rs = s.executeQuery(
                        "SELECT count(*) FROM read_parquet(" + WarehouseSql.literal(file.toString()) + ")")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
