package dev.affinity.serving.models;

import dev.affinity.features.products.ProductRow;
import dev.affinity.features.products.ProductRows;
import dev.affinity.features.profiles.CustomerProfiles;
import dev.affinity.features.segments.ProfileFields;
import dev.affinity.features.segments.ValueType;
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
 * customers joined with the latest customer profile snapshot (every profile field), and a popularity ranking from the orders for when no recommender is loaded.
 */
public final class WarehouseFacts {
    /** The customers-table columns that fill a profile field the snapshot lacks. */
    static final List<String> CUSTOMER_COLUMNS =
            List.of("first_name", "last_name", "city", "country", "signup_date", "email_opt_in", "do_not_sell");

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
        for (ProductRow p : ProductRows.read(warehouse)) {
            items.add(new CatalogItem(p.id(), p.title(), p.category(), p.price(), p.inStock(), p.merchandise()));
            if (p.url() != null || p.imageUrl() != null) {
                display.put(p.id(), new ProductFacts.Display(p.url(), p.imageUrl()));
            }
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
     * Customers from the customers table and the latest profile snapshot: every field of {@link
     * ProfileFields#customerProfiles()} (the snapshot's value, else the customers table's for names,
     * places, sign-up date and consent flags), the do-not-personalize flag ({@code
     * customers.do_not_sell}), and {@code churnFeatures} that are not profile fields. A field the
     * snapshot lacks, or whose values do not convert to the field's type, is missing; it is logged.
     * The churn fields are left missing (see {@link CustomerFacts#withChurn}).
     */
    public CustomerFacts customers(List<String> churnFeatures) {
        Path profiles = latestProfiles();
        ProfileFields fields = ProfileFields.customerProfiles();
        try (WarehouseSql session = WarehouseSql.open(warehouse)) {
            Connection c = session.connection();
            Map<String, String> profileColumns = profiles == null ? Map.of() : columns(c, profiles);
            StringBuilder select = new StringBuilder("SELECT coalesce(c.customer_id, "
                    + (profiles == null ? "NULL" : "p.customer_id") + "), coalesce(c.do_not_sell, false), "
                    + (profiles == null ? "false" : "p.customer_id IS NOT NULL"));
            List<String> missing = new ArrayList<>();
            for (int f = 0; f < fields.size(); f++) {
                String name = fields.names().get(f);
                select.append(", ").append(fieldSql(name, fields.type(f), profileColumns, missing));
            }
            if (!missing.isEmpty()) {
                LOG.warn("profile fields not in the latest snapshot (rules and tokens see them missing): {}", missing);
            }
            List<String> extra = new ArrayList<>();
            for (String feature : churnFeatures) {
                if (fields.indexOf(feature) >= 0) {
                    continue;
                }
                String type = profileColumns.get(feature);
                if (type != null && NUMERIC_TYPES.contains(type)) {
                    select.append(", CAST(p.").append(quote(feature)).append(" AS DOUBLE)");
                } else {
                    LOG.warn(
                            "churn feature '{}' is {} in the latest snapshot; the churn model will impute it",
                            feature,
                            type == null ? "missing" : "not numeric (" + type + ")");
                    select.append(", NULL::DOUBLE");
                }
                extra.add(feature);
            }
            String profileSource = profiles == null
                    ? ""
                    : " FULL OUTER JOIN read_parquet(" + WarehouseSql.literal(profiles.toString())
                            + ") p ON p.customer_id = c.customer_id";
            select.append(" FROM (SELECT customer_id, ")
                    .append(String.join(
                            ", ",
                            CUSTOMER_COLUMNS.stream()
                                    .map(n -> (n.equals("signup_date")
                                                    ? "min"
                                                    : n.equals("email_opt_in") || n.equals("do_not_sell")
                                                            ? "bool_or"
                                                            : "any_value")
                                            + "(" + n + ") AS " + n)
                                    .toList()))
                    .append(" FROM customers GROUP BY customer_id) c")
                    .append(profileSource);
            String asOf = profiles == null
                    ? null
                    : profiles.getParent().getFileName().toString().substring("as_of=".length());
            return CustomerColumns.read(c, select.toString(), fields, extra, asOf);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "cannot read customers and profiles of " + warehouse.root() + ": " + e.getMessage(), e);
        }
    }

    /** The SQL of one profile field, converted to its column type (see {@link CustomerColumns}). */
    private static String fieldSql(
            String name, ValueType type, Map<String, String> profileColumns, List<String> missing) {
        if (ProfileFields.CHURN.containsKey(name)) {
            return "NULL";
        }
        boolean inProfile = profileColumns.containsKey(name);
        boolean inCustomers = CUSTOMER_COLUMNS.contains(name);
        String q = quote(name);
        String source = inProfile && inCustomers
                ? "coalesce(p." + q + ", c." + q + ")"
                : inProfile ? "p." + q : inCustomers ? "c." + q : null;
        if (source == null) {
            missing.add(name);
            return "NULL";
        }
        return switch (type) {
            case NUMBER -> "TRY_CAST(" + source + " AS DOUBLE)";
            case STRING -> "CAST(" + source + " AS VARCHAR)";
            case BOOLEAN -> "TRY_CAST(" + source + " AS BOOLEAN)";
            case TIMESTAMP -> "CAST(epoch(TRY_CAST(" + source + " AS TIMESTAMP)) AS BIGINT)";
        };
    }

    private static String quote(String name) {
        return "\"" + name.replace("\"", "") + "\"";
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
}
