package dev.affinity.serving.models;

import dev.affinity.features.profiles.CustomerProfiles;
import dev.affinity.features.warehouse.Warehouse;
import dev.affinity.features.warehouse.WarehouseSql;
import dev.affinity.models.recommend.CatalogItem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads what serving needs from the warehouse with one DuckDB session: the product catalog, the
 * customers' token fields and do-not-personalize flag joined with the latest customer profile
 * snapshot, and a popularity ranking from the orders for when no recommender is loaded.
 */
public final class WarehouseFacts {
    /** The token names the warehouse fills in; other configured tokens always use their default. */
    public static final List<String> TOKEN_SOURCES = List.of("first_name", "city", "country", "favourite_category");

    private static final Logger LOG = LoggerFactory.getLogger(WarehouseFacts.class);
    private static final Set<String> NUMERIC_TYPES =
            Set.of("DOUBLE", "FLOAT", "INTEGER", "BIGINT", "SMALLINT", "TINYINT", "HUGEINT", "UBIGINT", "UINTEGER");

    private final Warehouse warehouse;

    /** Facts of {@code warehouse}. */
    public WarehouseFacts(Warehouse warehouse) {
        this.warehouse = warehouse;
    }

    /**
     * What identifies the data loaded: the warehouse fingerprint and the latest profile snapshot. When
     * it is unchanged, nothing needs reloading.
     */
    public String stateKey() {
        Path latest = latestProfiles();
        return warehouse.fingerprint() + "|"
                + (latest == null ? "-" : latest.getParent().getFileName());
    }

    /** The latest profile snapshot's Parquet file, or {@code null} when there is none. */
    public Path latestProfiles() {
        Path dir = warehouse.root().resolve(CustomerProfiles.TABLE);
        if (!Files.isDirectory(dir)) {
            return null;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(p -> p.getFileName().toString().matches("as_of=\\d{4}-\\d{2}-\\d{2}"))
                    .map(p -> p.resolve("part-00000.parquet"))
                    .filter(Files::isRegularFile)
                    .max((a, b) -> a.getParent()
                            .getFileName()
                            .toString()
                            .compareTo(b.getParent().getFileName().toString()))
                    .orElse(null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    /** The products table as a catalog with display facts. */
    public ProductFacts products() {
        List<CatalogItem> items = new ArrayList<>();
        Map<String, ProductFacts.Display> display = new HashMap<>();
        String sql = "SELECT product_id, any_value(title), any_value(category), any_value(price), any_value(url),"
                + " any_value(image_url), coalesce(bool_or(in_stock), true), bool_or(is_merchandise)"
                + " FROM products GROUP BY product_id";
        try (WarehouseSql session = WarehouseSql.open(warehouse);
                Statement s = session.connection().createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                String id = rs.getString(1);
                String title = rs.getString(2);
                String category = rs.getString(3);
                double price = rs.getDouble(4);
                if (rs.wasNull() || price < 0 || Double.isInfinite(price)) {
                    price = Double.NaN;
                }
                items.add(new CatalogItem(
                        id,
                        title == null ? id : title,
                        category == null || category.isEmpty() ? null : category,
                        price,
                        rs.getBoolean(7),
                        rs.getBoolean(8)));
                String url = rs.getString(5);
                String image = rs.getString(6);
                if (url != null || image != null) {
                    display.put(id, new ProductFacts.Display(url, image));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read products of " + warehouse.root() + ": " + e.getMessage(), e);
        }
        return new ProductFacts(items, display);
    }

    /** Distinct buyers per product (guests counted per order), for serving without a recommender. */
    public Map<String, Float> popularity() {
        Map<String, Float> popularity = new LinkedHashMap<>();
        String sql = "SELECT product_id, count(DISTINCT coalesce(customer_id, 'order:' || order_id)) AS buyers"
                + " FROM orders GROUP BY product_id ORDER BY buyers DESC, product_id";
        try (WarehouseSql session = WarehouseSql.open(warehouse);
                Statement s = session.connection().createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                popularity.put(rs.getString(1), (float) rs.getLong(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count orders of " + warehouse.root() + ": " + e.getMessage(), e);
        }
        return popularity;
    }

    /**
     * Customers from the customers table and the latest profile snapshot, with the token fields, the
     * do-not-personalize flag ({@code customers.do_not_sell}) and the numeric profile fields named.
     * A field the snapshot lacks, or that is not numeric, is held as missing ({@code NaN}) and logged.
     */
    public CustomerFacts customers(List<String> numericFields) {
        Path profiles = latestProfiles();
        try (WarehouseSql session = WarehouseSql.open(warehouse)) {
            Connection c = session.connection();
            Map<String, String> profileColumns = profiles == null ? Map.of() : columns(c, profiles);
            List<String> numeric = new ArrayList<>();
            StringBuilder select = new StringBuilder("SELECT coalesce(c.customer_id, p.customer_id), c.first_name,"
                    + " coalesce(c.do_not_sell, false), coalesce(p.city, c.city), coalesce(p.country, c.country), "
                    + (profileColumns.containsKey("favourite_category") ? "p.favourite_category" : "NULL::VARCHAR")
                    + ", p.customer_id IS NOT NULL");
            for (String field : numericFields) {
                String type = profileColumns.get(field);
                if (type != null && NUMERIC_TYPES.contains(type)) {
                    select.append(", CAST(p.\"").append(field.replace("\"", "")).append("\" AS DOUBLE)");
                } else {
                    LOG.warn(
                            "profile field '{}' is {} in the latest snapshot; the churn model will impute it",
                            field,
                            type == null ? "missing" : "not numeric (" + type + ")");
                    select.append(", NULL::DOUBLE");
                }
                numeric.add(field);
            }
            String profileSource = profiles == null
                    ? "(SELECT NULL::VARCHAR AS customer_id, NULL::VARCHAR AS city, NULL::VARCHAR AS country WHERE false)"
                    : "read_parquet(" + WarehouseSql.literal(profiles.toString()) + ")";
            select.append(" FROM (SELECT customer_id, any_value(first_name) AS first_name, any_value(city) AS city,"
                            + " any_value(country) AS country, bool_or(do_not_sell) AS do_not_sell"
                            + " FROM customers GROUP BY customer_id) c FULL OUTER JOIN ")
                    .append(profileSource)
                    .append(" p ON p.customer_id = c.customer_id");
            return read(c, select.toString(), numeric, profiles);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "cannot read customers and profiles of " + warehouse.root() + ": " + e.getMessage(), e);
        }
    }

    private static CustomerFacts read(Connection c, String sql, List<String> numeric, Path profiles)
            throws SQLException {
        Map<String, Integer> rows = new HashMap<>();
        int tokens = TOKEN_SOURCES.size();
        List<Dictionary> dictionaries = new ArrayList<>();
        for (int t = 0; t < tokens; t++) {
            dictionaries.add(new Dictionary());
        }
        IntColumns codes = new IntColumns(tokens);
        List<double[]> values = new ArrayList<>();
        boolean[] dnp = new boolean[1024];
        boolean[] hasProfile = new boolean[1024];
        DoubleColumns numbers = new DoubleColumns(numeric.size());
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            int n = 0;
            while (rs.next()) {
                String id = rs.getString(1);
                if (id == null || rows.putIfAbsent(id, n) != null) {
                    continue;
                }
                if (n == dnp.length) {
                    dnp = java.util.Arrays.copyOf(dnp, n * 2);
                    hasProfile = java.util.Arrays.copyOf(hasProfile, n * 2);
                }
                codes.add(n, t -> {
                    try {
                        return dictionaries.get(t).code(rs.getString(t == 0 ? 2 : t + 3));
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                });
                dnp[n] = rs.getBoolean(3);
                hasProfile[n] = rs.getBoolean(7);
                for (int j = 0; j < numeric.size(); j++) {
                    double v = rs.getDouble(8 + j);
                    numbers.set(j, n, rs.wasNull() ? Double.NaN : v);
                }
                n++;
            }
            String[][] dicts = new String[tokens][];
            for (int t = 0; t < tokens; t++) {
                dicts[t] = dictionaries.get(t).values();
            }
            values.clear();
            String asOf = profiles == null
                    ? null
                    : profiles.getParent().getFileName().toString().substring("as_of=".length());
            return new CustomerFacts(
                    rows,
                    TOKEN_SOURCES,
                    codes.trim(n),
                    dicts,
                    java.util.Arrays.copyOf(dnp, n),
                    numeric,
                    numbers.trim(n),
                    java.util.Arrays.copyOf(hasProfile, n),
                    asOf);
        }
    }

    private static Map<String, String> columns(Connection c, Path file) throws SQLException {
        Map<String, String> columns = new HashMap<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "DESCRIBE SELECT * FROM read_parquet(" + WarehouseSql.literal(file.toString()) + ")")) {
            while (rs.next()) {
                columns.put(rs.getString(1), rs.getString(2));
            }
        }
        return columns;
    }

    /** Dictionary coding of a string column: -1 for null. */
    private static final class Dictionary {
        private final Map<String, Integer> codes = new HashMap<>();
        private final List<String> values = new ArrayList<>();

        int code(String value) {
            if (value == null || value.isEmpty()) {
                return -1;
            }
            return codes.computeIfAbsent(value, v -> {
                values.add(v);
                return values.size() - 1;
            });
        }

        String[] values() {
            return values.toArray(new String[0]);
        }
    }

    /** Growable int columns. */
    private static final class IntColumns {
        private int[][] data;

        IntColumns(int columns) {
            data = new int[columns][1024];
        }

        void add(int row, java.util.function.IntUnaryOperator valueOfColumn) {
            for (int t = 0; t < data.length; t++) {
                if (row == data[t].length) {
                    data[t] = java.util.Arrays.copyOf(data[t], row * 2);
                }
                data[t][row] = valueOfColumn.applyAsInt(t);
            }
        }

        int[][] trim(int rows) {
            int[][] out = new int[data.length][];
            for (int t = 0; t < data.length; t++) {
                out[t] = java.util.Arrays.copyOf(data[t], rows);
            }
            return out;
        }
    }

    /** Growable double columns. */
    private static final class DoubleColumns {
        private final double[][] data;

        DoubleColumns(int columns) {
            data = new double[columns][1024];
        }

        void set(int column, int row, double value) {
            if (row >= data[column].length) {
                data[column] = java.util.Arrays.copyOf(data[column], Math.max(row + 1, data[column].length * 2));
            }
            data[column][row] = value;
        }

        double[][] trim(int rows) {
            double[][] out = new double[data.length][];
            for (int j = 0; j < data.length; j++) {
                out[j] = java.util.Arrays.copyOf(data[j], rows);
            }
            return out;
        }
    }
}
