package dev.affinity.features.warehouse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Collectors;

/**
 * An embedded DuckDB session over the warehouse: one view per table over its committed parts (an
 * empty table of the right schema when it has none). DuckDB streams the Parquet files and spills
 * to {@code <warehouse>/_tmp} when a query outgrows memory. Close it when done.
 */
public final class WarehouseSql implements AutoCloseable {
    private final Connection connection;

    private WarehouseSql(Connection connection) {
        this.connection = connection;
    }

    /** Opens a session over the tables committed in {@code warehouse} now. */
    public static WarehouseSql open(Warehouse warehouse) {
        try {
            Connection c = DriverManager.getConnection("jdbc:duckdb:");
            try (Statement s = c.createStatement()) {
                Path tmp = warehouse.root().resolve("_tmp");
                Files.createDirectories(tmp);
                s.execute("SET temp_directory = " + literal(tmp.toString()));
                s.execute("SET preserve_insertion_order = false");
                s.execute("SET memory_limit = " + literal(memoryLimit()));
                for (TableSchema table : Tables.ALL) {
                    s.execute(viewSql(table, warehouse.parts(table)));
                }
            }
            return new WarehouseSql(c);
        } catch (SQLException | java.io.IOException e) {
            throw new IllegalStateException(
                    "cannot open DuckDB over warehouse " + warehouse.root() + ": " + e.getMessage(), e);
        }
    }

    /**
     * DuckDB's memory limit: {@code $AFFINITY_DUCKDB_MEMORY} (such as {@code 8GB}) or 2GB. Queries
     * that need more spill to disk, so the limit bounds memory, not the size of the warehouse.
     */
    static String memoryLimit() {
        String configured = System.getenv("AFFINITY_DUCKDB_MEMORY");
        return configured == null || configured.isBlank() ? "2GB" : configured;
    }

    /** The JDBC connection, for queries over the table views. */
    public Connection connection() {
        return connection;
    }

    /** Executes one statement. */
    public void execute(String sql) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute(sql);
        }
    }

    /** The SQL timestamp literal of midnight (UTC) at the start of {@code date}: a cutoff. */
    public static String midnight(java.time.LocalDate date) {
        return "TIMESTAMP '" + date + " 00:00:00'";
    }

    /**
     * The text of a SQL file kept as a class-path resource beside {@code owner}.
     *
     * @throws IllegalStateException when the resource is missing from the build
     */
    public static String resource(Class<?> owner, String name) {
        try (java.io.InputStream in = owner.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name + " beside " + owner.getName());
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A SQL string literal of {@code text}, with quotes doubled. */
    public static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    static String viewSql(TableSchema table, List<Path> parts) {
        if (parts.isEmpty()) {
            String columns = table.columns().stream()
                    .map(c -> c.name() + " " + sqlType(c.type()))
                    .collect(Collectors.joining(", "));
            return "CREATE TABLE " + table.name() + " (" + columns + ")";
        }
        String files = parts.stream().map(p -> literal(p.toString())).collect(Collectors.joining(", "));
        return "CREATE VIEW " + table.name() + " AS SELECT * FROM read_parquet([" + files + "])";
    }

    private static String sqlType(ColumnType type) {
        return switch (type) {
            case STRING -> "VARCHAR";
            case INT -> "INTEGER";
            case LONG -> "BIGINT";
            case DOUBLE -> "DOUBLE";
            case BOOLEAN -> "BOOLEAN";
            case DATE -> "DATE";
            case TIMESTAMP -> "TIMESTAMP";
        };
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot close DuckDB session", e);
        }
    }
}
