package dev.affinity.training.recommend;

import dev.affinity.features.warehouse.Warehouse;
import dev.affinity.features.warehouse.WarehouseSql;
import dev.affinity.models.artifact.IdIndex;
import dev.affinity.models.recommend.PopularityModel;
import dev.affinity.models.recommend.RecommenderModel;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

/**
 * Popularity over a recent window: merchandise ranked by the number of distinct buyers in the
 * {@code windowDays} before the cutoff, guests counted once per order, so that the cold-start
 * fallback follows what sells now rather than over all time. Items of the training data that did
 * not sell in the window stay in the model with popularity 0.
 */
public final class RecentPopularityTrainer implements RecommenderTrainer {
    private final Warehouse warehouse;
    private final LocalDate asOf;
    private final int windowDays;

    /** Popularity of the {@code windowDays} before {@code asOf} in {@code warehouse}. */
    public RecentPopularityTrainer(Warehouse warehouse, LocalDate asOf, int windowDays) {
        if (windowDays < 1) {
            throw new IllegalArgumentException("windowDays must be >= 1, got " + windowDays);
        }
        this.warehouse = warehouse;
        this.asOf = asOf;
        this.windowDays = windowDays;
    }

    @Override
    public String name() {
        return "popularity-recent";
    }

    @Override
    public Map<String, Object> hyperparameters() {
        return Map.of("windowDays", windowDays, "score", "distinct buyers in the window, guests per order");
    }

    @Override
    public RecommenderModel train(TrainingData data) {
        TreeMap<String, Float> counts = new TreeMap<>();
        data.items().ids().forEach(id -> counts.put(id, 0f));
        String sql = "SELECT o.product_id, count(DISTINCT coalesce(o.customer_id, 'order:' || o.order_id))"
                + " FROM orders o JOIN products p ON p.product_id = o.product_id"
                + " WHERE p.is_merchandise AND o.ordered_at >= ? AND o.ordered_at < ? GROUP BY o.product_id";
        try (WarehouseSql session = WarehouseSql.open(warehouse);
                PreparedStatement s = session.connection().prepareStatement(sql)) {
            s.setTimestamp(1, Timestamp.valueOf(asOf.minusDays(windowDays).atStartOfDay()));
            s.setTimestamp(2, Timestamp.valueOf(asOf.atStartOfDay()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    counts.put(rs.getString(1), (float) rs.getLong(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("recent popularity query failed: " + e.getMessage(), e);
        }
        float[] popularity = new float[counts.size()];
        int i = 0;
        for (float c : counts.values()) {
            popularity[i++] = c;
        }
        return new PopularityModel(new IdIndex(java.util.List.copyOf(counts.keySet())), popularity);
    }
}
