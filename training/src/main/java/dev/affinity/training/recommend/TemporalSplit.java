package dev.affinity.training.recommend;

import dev.affinity.features.interactions.InteractionMatrix;
import dev.affinity.features.interactions.InteractionWeights;
import dev.affinity.features.warehouse.Warehouse;
import dev.affinity.features.warehouse.WarehouseSql;
import dev.affinity.training.evaluation.EvaluationSplit;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The temporal protocol: train on the warehouse's interactions before a cutoff, and evaluate each
 * user seen before it on the merchandise they bought in {@code [cutoff, cutoff + horizon)} and had
 * not interacted with before (already-seen items are excluded from both ranking and relevance).
 *
 * @param data the training data as of the cutoff
 * @param split the training matrix and each user's relevant items
 * @param cutoff the cutoff date (midnight UTC)
 * @param horizonDays the length of the test window in days
 */
public record TemporalSplit(TrainingData data, EvaluationSplit split, LocalDate cutoff, int horizonDays) {

    /** Builds the split from {@code warehouse}. */
    public static TemporalSplit of(Warehouse warehouse, LocalDate cutoff, int horizonDays, InteractionWeights weights) {
        checkHorizon(horizonDays);
        TrainingData data = TrainingData.of(InteractionMatrix.build(warehouse, cutoff, weights));
        String sql = "SELECT DISTINCT o.customer_id, o.product_id FROM orders o"
                + " JOIN products p ON p.product_id = o.product_id"
                + " WHERE p.is_merchandise AND o.customer_id IS NOT NULL AND o.ordered_at >= ? AND o.ordered_at < ?"
                + " ORDER BY o.customer_id, o.product_id";
        return of(warehouse, data, sql, cutoff, horizonDays);
    }

    /**
     * The temporal protocol on an imported interaction dataset: train on its rows before the cutoff,
     * test on the items each user seen before it interacts with in the window, with the same weight
     * threshold.
     */
    public static TemporalSplit ofDataset(
            Warehouse warehouse, String dataset, double minWeight, boolean binary, LocalDate cutoff, int horizonDays) {
        checkHorizon(horizonDays);
        TrainingData data = TrainingData.of(InteractionMatrix.ofDataset(warehouse, dataset, minWeight, binary, cutoff));
        String sql = "SELECT DISTINCT user_id, item_id FROM interactions WHERE dataset = "
                + WarehouseSql.literal(dataset) + " AND weight >= " + minWeight
                + " AND occurred_at >= ? AND occurred_at < ? ORDER BY user_id, item_id";
        return of(warehouse, data, sql, cutoff, horizonDays);
    }

    private static void checkHorizon(int horizonDays) {
        if (horizonDays < 1) {
            throw new IllegalArgumentException("horizonDays must be >= 1, got " + horizonDays);
        }
    }

    /** The split of {@code data} against the (user, item) pairs that {@code sql} selects in the window. */
    private static TemporalSplit of(
            Warehouse warehouse, TrainingData data, String sql, LocalDate cutoff, int horizonDays) {
        Map<String, TreeSet<Integer>> bought = new HashMap<>();
        Map<String, Integer> unseenItems = new LinkedHashMap<>();
        try (WarehouseSql session = WarehouseSql.open(warehouse);
                PreparedStatement s = session.connection().prepareStatement(sql)) {
            s.setTimestamp(1, Timestamp.valueOf(cutoff.atStartOfDay()));
            s.setTimestamp(2, Timestamp.valueOf(cutoff.plusDays(horizonDays).atStartOfDay()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String user = rs.getString(1);
                    if (data.users().indexOf(user) < 0) {
                        continue; // only users seen before the cutoff are evaluated
                    }
                    String item = rs.getString(2);
                    int position = data.items().indexOf(item);
                    if (position < 0) { // new since the cutoff: relevant, but no model can know it
                        position = data.items().size() + unseenItems.computeIfAbsent(item, k -> unseenItems.size());
                    }
                    bought.computeIfAbsent(user, k -> new TreeSet<>()).add(position);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("test window query failed: " + e.getMessage(), e);
        }
        var train = data.interactions();
        List<int[]> relevant = new ArrayList<>(train.rows());
        for (int u = 0; u < train.rows(); u++) {
            TreeSet<Integer> items = bought.getOrDefault(data.users().id(u), new TreeSet<>());
            for (int e = train.indptr()[u]; e < train.indptr()[u + 1]; e++) {
                items.remove(train.indices()[e]);
            }
            relevant.add(items.stream().mapToInt(Integer::intValue).toArray());
        }
        return new TemporalSplit(
                data, new EvaluationSplit(train, relevant, List.copyOf(unseenItems.keySet())), cutoff, horizonDays);
    }

    /** Number of users with at least one relevant item. */
    public long evaluatedUsers() {
        return split.heldOut().stream().filter(r -> r.length > 0).count();
    }
}
