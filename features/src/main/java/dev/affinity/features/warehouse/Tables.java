package dev.affinity.features.warehouse;

import static dev.affinity.features.warehouse.Column.optional;
import static dev.affinity.features.warehouse.Column.required;
import static dev.affinity.features.warehouse.ColumnType.BOOLEAN;
import static dev.affinity.features.warehouse.ColumnType.DATE;
import static dev.affinity.features.warehouse.ColumnType.DOUBLE;
import static dev.affinity.features.warehouse.ColumnType.INT;
import static dev.affinity.features.warehouse.ColumnType.LONG;
import static dev.affinity.features.warehouse.ColumnType.STRING;
import static dev.affinity.features.warehouse.ColumnType.TIMESTAMP;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every warehouse table's schema, declared in this one place. Bump {@link #SCHEMA_VERSION} when a
 * schema changes incompatibly.
 */
public final class Tables {
    /** Version of the schemas below, recorded in the warehouse manifest. */
    public static final int SCHEMA_VERSION = 1;

    /** CRM customers. Consent flags are {@code null} when the source does not say. */
    public static final TableSchema CUSTOMERS = new TableSchema(
            "customers",
            List.of(
                    required("customer_id", STRING),
                    optional("email", STRING),
                    optional("first_name", STRING),
                    optional("last_name", STRING),
                    optional("city", STRING),
                    optional("country", STRING),
                    optional("signup_date", DATE),
                    optional("email_opt_in", BOOLEAN),
                    optional("do_not_sell", BOOLEAN)));

    /** The product catalog. Non-merchandise lines (postage, fees) have {@code is_merchandise = false}. */
    public static final TableSchema PRODUCTS = new TableSchema(
            "products",
            List.of(
                    required("product_id", STRING),
                    optional("title", STRING),
                    optional("description", STRING),
                    optional("category", STRING),
                    optional("price", DOUBLE),
                    optional("url", STRING),
                    optional("image_url", STRING),
                    optional("in_stock", BOOLEAN),
                    required("is_merchandise", BOOLEAN)));

    /** Order lines. A {@code null} customer is a guest (anonymous) purchase. */
    public static final TableSchema ORDERS = new TableSchema(
            "orders",
            List.of(
                    required("order_id", STRING),
                    required("line_number", INT),
                    optional("customer_id", STRING),
                    required("product_id", STRING),
                    required("quantity", INT),
                    required("unit_price", DOUBLE),
                    required("ordered_at", TIMESTAMP),
                    optional("country", STRING),
                    optional("channel", STRING)));

    /** Returned or cancelled order lines; quantities are positive. */
    public static final TableSchema RETURNS = new TableSchema(
            "returns",
            List.of(
                    required("return_id", STRING),
                    optional("order_id", STRING),
                    optional("customer_id", STRING),
                    required("product_id", STRING),
                    required("quantity", INT),
                    optional("unit_price", DOUBLE),
                    required("returned_at", TIMESTAMP),
                    optional("country", STRING),
                    optional("reason", STRING)));

    /** Web and app events; see {@link EventType} for the allowed {@code event_type} values. */
    public static final TableSchema EVENTS = new TableSchema(
            "events",
            List.of(
                    required("event_id", STRING),
                    optional("customer_id", STRING),
                    optional("session_id", STRING),
                    required("event_type", STRING),
                    optional("product_id", STRING),
                    optional("search_query", STRING),
                    required("occurred_at", TIMESTAMP),
                    optional("channel", STRING)));

    /** E-mail events; see {@link EmailEventType} for the allowed {@code event_type} values. */
    public static final TableSchema EMAIL_EVENTS = new TableSchema(
            "email_events",
            List.of(
                    required("customer_id", STRING),
                    required("campaign_id", STRING),
                    optional("variant", STRING),
                    required("event_type", STRING),
                    required("occurred_at", TIMESTAMP)));

    /** Third-party attributes, one key-value pair per row. */
    public static final TableSchema ENRICHMENT = new TableSchema(
            "enrichment",
            List.of(
                    required("customer_id", STRING),
                    required("attribute", STRING),
                    optional("value", STRING),
                    optional("provider", STRING),
                    optional("observed_at", TIMESTAMP)));

    /**
     * User-item interactions imported from outside the shop's own tables (a data scientist's event
     * log, a public data set such as MovieLens), one named {@code dataset} per import feed. Kept apart
     * from orders and events so that they never leak into the shop's profiles or models.
     */
    public static final TableSchema INTERACTIONS = new TableSchema(
            "interactions",
            List.of(
                    required("dataset", STRING),
                    required("user_id", STRING),
                    required("item_id", STRING),
                    required("weight", DOUBLE),
                    optional("occurred_at", TIMESTAMP)));

    /** Rows refused on the way in, kept whole with the reason so nothing is silently dropped. */
    public static final TableSchema QUARANTINE = new TableSchema(
            "quarantine",
            List.of(
                    required("target_table", STRING),
                    required("source", STRING),
                    required("line_number", LONG),
                    optional("raw_row", STRING),
                    required("reason_code", STRING),
                    optional("detail", STRING)));

    /** Every base table, in load order. */
    public static final List<TableSchema> ALL =
            List.of(CUSTOMERS, PRODUCTS, ORDERS, RETURNS, EVENTS, EMAIL_EVENTS, ENRICHMENT, INTERACTIONS, QUARANTINE);

    private static final Map<String, TableSchema> BY_NAME =
            ALL.stream().collect(Collectors.toMap(TableSchema::name, Function.identity()));

    private Tables() {}

    /** The schema of table {@code name}; throws {@link IllegalArgumentException} naming the table. */
    public static TableSchema byName(String name) {
        TableSchema schema = BY_NAME.get(name);
        if (schema == null) {
            throw new IllegalArgumentException("unknown table '" + name + "' (known: "
                    + ALL.stream().map(TableSchema::name).collect(Collectors.joining(", ")) + ")");
        }
        return schema;
    }
}
