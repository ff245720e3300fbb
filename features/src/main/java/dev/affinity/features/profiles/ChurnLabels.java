package dev.affinity.features.profiles;

import dev.affinity.features.warehouse.Warehouse;
import dev.affinity.features.warehouse.WarehouseSql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Churn labels for a cutoff T and a horizon H: for every customer with at least one purchase before
 * T, {@code true} (churned) when they make no purchase in (T, T + H].
 *
 * @param cutoff T, at midnight UTC
 * @param horizonDays H in days
 * @param windowComplete whether the warehouse holds orders up to T + H; labels from an incomplete
 *     window overstate churn and must not be used for evaluation
 * @param labels per customer id, whether they churned
 */
public record ChurnLabels(LocalDate cutoff, int horizonDays, boolean windowComplete, Map<String, Boolean> labels) {
    /** Copies the map, sorted by customer id so that iteration order is stable. */
    public ChurnLabels {
        if (horizonDays < 1) {
            throw new IllegalArgumentException("horizonDays must be at least 1, got " + horizonDays);
        }
        labels = Collections.unmodifiableMap(new TreeMap<>(labels));
    }

    /** Computes the labels from the orders in {@code warehouse}. */
    public static ChurnLabels of(Warehouse warehouse, LocalDate cutoff, int horizonDays) {
        String t = WarehouseSql.midnight(cutoff);
        String end = t + " + INTERVAL " + horizonDays + " DAY";
        String query = "SELECT b.customer_id, NOT EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = b.customer_id"
                + " AND o.ordered_at > " + t + " AND o.ordered_at <= " + end + ") AS churned"
                + " FROM (SELECT DISTINCT customer_id FROM orders WHERE ordered_at < " + t
                + " AND customer_id IS NOT NULL) b";
        Map<String, Boolean> labels = new TreeMap<>();
        try (WarehouseSql sql = WarehouseSql.open(warehouse);
                Statement s = sql.connection().createStatement()) {
            try (ResultSet rs = s.executeQuery(query)) {
                while (rs.next()) {
                    labels.put(rs.getString(1), rs.getBoolean(2));
                }
            }
            boolean complete;
            try (ResultSet rs = s.executeQuery("SELECT max(ordered_at) FROM orders")) {
                rs.next();
                Object last = CustomerProfiles.javaValue(rs.getObject(1));
                complete = last instanceof LocalDateTime l
                        && !l.isBefore(cutoff.atStartOfDay().plusDays(horizonDays));
            }
            return new ChurnLabels(cutoff, horizonDays, complete, labels);
        } catch (SQLException e) {
            throw new IllegalStateException("churn label query failed: " + e.getMessage(), e);
        }
    }

    /** The share of labelled customers who churned, or NaN when there are none. */
    public double churnRate() {
        return labels.isEmpty()
                ? Double.NaN
                : labels.values().stream().filter(b -> b).count() / (double) labels.size();
    }
}
