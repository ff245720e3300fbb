package dev.affinity.features.segments;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fields a rule may read, each with its type and its index in a profile row. A row is an
 * {@code Object[]} of {@code Double}, {@code String}, {@code Boolean} and {@code LocalDateTime}
 * values ({@code null} when missing); {@link #row} converts a profile map to one.
 */
public final class ProfileFields {
    /** The churn fields that the caller fills from a churn model, when it has one. */
    public static final Map<String, ValueType> CHURN =
            Map.of("churn_score", ValueType.NUMBER, "churn_tier", ValueType.STRING);

    private final Map<String, Integer> index = new LinkedHashMap<>();
    private final List<ValueType> types = new ArrayList<>();

    /** Fields in order, with their types. */
    public ProfileFields(Map<String, ValueType> fields) {
        fields.forEach((name, type) -> {
            index.put(name, types.size());
            types.add(type);
        });
    }

    /**
     * The fields of the {@code customer_profiles} snapshot, plus {@link #CHURN}: numbers for counts
     * and amounts, text for ids and places, timestamps for dates.
     */
    public static ProfileFields customerProfiles() {
        Map<String, ValueType> f = new LinkedHashMap<>();
        f.put("customer_id", ValueType.STRING);
        f.put("as_of", ValueType.TIMESTAMP);
        f.put("country", ValueType.STRING);
        f.put("city", ValueType.STRING);
        f.put("signup_date", ValueType.TIMESTAMP);
        f.put("first_order_at", ValueType.TIMESTAMP);
        f.put("last_order_at", ValueType.TIMESTAMP);
        f.put("last_activity_at", ValueType.TIMESTAMP);
        for (String n : List.of(
                "recency_days",
                "frequency",
                "monetary",
                "avg_order_value",
                "tenure_days",
                "distinct_products",
                "orders_30d",
                "orders_90d",
                "orders_365d",
                "return_rate")) {
            f.put(n, ValueType.NUMBER);
        }
        f.put("favourite_category", ValueType.STRING);
        for (String n : List.of(
                "emails_sent",
                "email_open_rate",
                "email_click_rate",
                "add_to_cart_count",
                "abandoned_carts",
                "r_score",
                "f_score",
                "m_score")) {
            f.put(n, ValueType.NUMBER);
        }
        for (String n : List.of(
                "first_name",
                "last_name",
                "last_purchased_product_id",
                "last_purchased_item",
                "last_purchase_category")) {
            f.put(n, ValueType.STRING);
        }
        f.put("email_opt_in", ValueType.BOOLEAN);
        f.put("do_not_sell", ValueType.BOOLEAN);
        f.put("churn_score", ValueType.NUMBER);
        f.put("churn_tier", ValueType.STRING);
        return new ProfileFields(f);
    }

    /** The field names, in row order. */
    public List<String> names() {
        return Collections.unmodifiableList(new ArrayList<>(index.keySet()));
    }

    /** The index of {@code name}, or -1. */
    public int indexOf(String name) {
        Integer i = index.get(name);
        return i == null ? -1 : i;
    }

    /** The type of the field at {@code i}. */
    public ValueType type(int i) {
        return types.get(i);
    }

    /** Number of fields. */
    public int size() {
        return types.size();
    }

    /**
     * A row from a profile map (as {@code CustomerProfiles.read} gives it, or a serving cache): numbers
     * become {@code Double}, dates midnight timestamps; fields the map lacks are missing.
     *
     * @throws IllegalArgumentException naming a field whose value has the wrong type
     */
    public Object[] row(Map<String, ?> profile) {
        Object[] row = new Object[types.size()];
        index.forEach((name, i) -> row[i] = convert(name, types.get(i), profile.get(name)));
        return row;
    }

    private static Object convert(String name, ValueType type, Object v) {
        if (v == null) {
            return null;
        }
        Object out = switch (type) {
            case NUMBER -> v instanceof Number n ? Double.valueOf(n.doubleValue()) : null;
            case STRING -> v instanceof String ? v : null;
            case BOOLEAN -> v instanceof Boolean ? v : null;
            case TIMESTAMP -> v instanceof LocalDateTime ? v : v instanceof LocalDate d ? d.atStartOfDay() : null;
        };
        if (out == null) {
            throw new IllegalArgumentException("profile field '" + name + "' should be a " + type.label() + ", got "
                    + v.getClass().getSimpleName());
        }
        if (out instanceof Double d && d.isNaN()) {
            return null;
        }
        return out;
    }
}
