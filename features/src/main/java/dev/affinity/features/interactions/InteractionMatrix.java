package dev.affinity.features.interactions;

import dev.affinity.features.warehouse.Warehouse;
import dev.affinity.features.warehouse.WarehouseSql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A sparse user x item confidence matrix in compressed sparse row form: user {@code u} interacted
 * with items {@code indices[indptr[u], indptr[u + 1])} (ascending) with confidences {@code values}
 * at the same positions. Users and items are sorted by id.
 *
 * @param asOf the cutoff: only rows strictly before its midnight count ({@code null}: no cutoff)
 * @param users customer ids, one per row
 * @param items product ids, one per column
 * @param indptr row offsets, {@code users.size() + 1} of them
 * @param indices item column of each entry
 * @param values confidence of each entry, positive
 * @param lastAtMillis time of each entry's latest purchase, add-to-cart or view before the cutoff, in
 *     epoch milliseconds (UTC), for trainers that read a user's items in time order
 */
public record InteractionMatrix(
        LocalDate asOf,
        List<String> users,
        List<String> items,
        int[] indptr,
        int[] indices,
        float[] values,
        long[] lastAtMillis) {

    private static final String SQL = WarehouseSql.resource(InteractionMatrix.class, "interactions.sql");
    private static final Pattern DECAY = Pattern.compile("\\$\\{decay\\((\\w+)\\)}");

    /** Copies the id lists and checks the shape. */
    public InteractionMatrix {
        users = List.copyOf(users);
        items = List.copyOf(items);
        if (indptr.length != users.size() + 1
                || indptr[users.size()] != indices.length
                || indices.length != values.length
                || indices.length != lastAtMillis.length) {
            throw new IllegalArgumentException("inconsistent interaction matrix");
        }
    }

    /** Number of stored interactions. */
    public int nnz() {
        return indices.length;
    }

    /** The confidence of ({@code user}, {@code item}) by id, or 0 when absent. */
    public float confidence(String user, String item) {
        int u = users.indexOf(user);
        int i = items.indexOf(item);
        if (u < 0 || i < 0) {
            return 0;
        }
        int at = Arrays.binarySearch(indices, indptr[u], indptr[u + 1], i);
        return at >= 0 ? values[at] : 0;
    }

    /** The SQL that computes the confidences, for a cutoff and weights. */
    public static String sql(LocalDate asOf, InteractionWeights w) {
        String cutoff = WarehouseSql.midnight(asOf);
        Matcher m = DECAY.matcher(SQL);
        StringBuilder sql = new StringBuilder();
        while (m.find()) {
            String decay = w.halfLifeDays() == 0
                    ? "1"
                    : String.format(
                            Locale.ROOT,
                            "pow(0.5, (epoch(%s) - epoch(%s)) / 86400.0 / %s)",
                            cutoff,
                            m.group(1),
                            w.halfLifeDays());
            m.appendReplacement(sql, Matcher.quoteReplacement(decay));
        }
        m.appendTail(sql);
        return sql.toString()
                .replace("${as_of}", cutoff)
                .replace("${purchase}", Double.toString(w.purchase()))
                .replace("${addToCart}", Double.toString(w.addToCart()))
                .replace("${view}", Double.toString(w.view()));
    }

    /** Builds the matrix from {@code warehouse} as of {@code asOf}. */
    public static InteractionMatrix build(Warehouse warehouse, LocalDate asOf, InteractionWeights weights) {
        return query(warehouse, asOf, sql(asOf, weights));
    }

    /**
     * The SQL that reads an imported interaction dataset: one entry per (user, item) among the rows
     * with weight at least {@code minWeight} (and before {@code asOf}'s midnight when given), with
     * confidence 1 ({@code binary}) or the sum of the weights.
     */
    public static String datasetSql(String dataset, double minWeight, boolean binary, LocalDate asOf) {
        return "SELECT user_id, item_id, " + (binary ? "1.0" : "sum(weight)") + " AS confidence,"
                + " coalesce(epoch_ms(max(occurred_at)), 0) AS last_at_ms"
                + " FROM interactions WHERE dataset = " + WarehouseSql.literal(dataset)
                + " AND weight >= " + Double.toString(minWeight)
                + (asOf == null ? "" : " AND occurred_at < " + WarehouseSql.midnight(asOf))
                + " GROUP BY user_id, item_id HAVING confidence > 0 ORDER BY user_id";
    }

    /**
     * Builds the matrix of an imported interaction dataset (see {@link #datasetSql}).
     *
     * @param asOf a cutoff, or {@code null} for every row; rows without a time are kept only without one
     * @throws IllegalArgumentException when the dataset has no rows at all
     */
    public static InteractionMatrix ofDataset(
            Warehouse warehouse, String dataset, double minWeight, boolean binary, LocalDate asOf) {
        InteractionMatrix m = query(warehouse, asOf, datasetSql(dataset, minWeight, binary, asOf));
        if (m.nnz() == 0) {
            throw new IllegalArgumentException("interaction dataset '" + dataset + "' has no rows with weight >= "
                    + minWeight + (asOf == null ? "" : " before " + asOf)
                    + " (import one with: affinity import interactions --dataset " + dataset + " ...)");
        }
        return m;
    }

    private static InteractionMatrix query(Warehouse warehouse, LocalDate asOf, String sql) {
        List<String> users = new ArrayList<>();
        Map<String, Integer> itemIndex = new HashMap<>();
        List<String> items = new ArrayList<>();
        List<Integer> rowStarts = new ArrayList<>();
        IntList cols = new IntList();
        FloatList vals = new FloatList();
        LongList times = new LongList();
        try (WarehouseSql session = WarehouseSql.open(warehouse);
                Statement s = session.connection().createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            String current = null;
            while (rs.next()) {
                String user = rs.getString(1);
                if (!user.equals(current)) {
                    users.add(user);
                    rowStarts.add(cols.size);
                    current = user;
                }
                String item = rs.getString(2);
                Integer i = itemIndex.get(item);
                if (i == null) {
                    i = items.size();
                    itemIndex.put(item, i);
                    items.add(item);
                }
                cols.add(i);
                vals.add(rs.getFloat(3));
                times.add(rs.getLong(4));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("interaction query failed as of " + asOf + ": " + e.getMessage(), e);
        }
        return sortedByItemId(asOf, users, items, rowStarts, cols.toArray(), vals.toArray(), times.toArray());
    }

    /** Renumbers items in id order and sorts each row's entries by the new numbers. */
    private static InteractionMatrix sortedByItemId(
            LocalDate asOf,
            List<String> users,
            List<String> items,
            List<Integer> rowStarts,
            int[] cols,
            float[] vals,
            long[] times) {
        Integer[] order = new Integer[items.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> items.get(a).compareTo(items.get(b)));
        int[] renumber = new int[order.length];
        List<String> sortedItems = new ArrayList<>(order.length);
        for (int rank = 0; rank < order.length; rank++) {
            renumber[order[rank]] = rank;
            sortedItems.add(items.get(order[rank]));
        }
        int[] indptr = new int[users.size() + 1];
        for (int u = 0; u < users.size(); u++) {
            indptr[u] = rowStarts.get(u);
        }
        indptr[users.size()] = cols.length;
        int[] indices = new int[cols.length];
        float[] values = new float[cols.length];
        long[] lastAt = new long[cols.length];
        for (int u = 0; u < users.size(); u++) {
            int from = indptr[u];
            int to = indptr[u + 1];
            long[] packed = new long[to - from];
            for (int k = from; k < to; k++) {
                packed[k - from] = ((long) renumber[cols[k]] << 32) | (k & 0xffffffffL);
            }
            Arrays.sort(packed);
            for (int k = 0; k < packed.length; k++) {
                indices[from + k] = (int) (packed[k] >>> 32);
                values[from + k] = vals[(int) packed[k]];
                lastAt[from + k] = times[(int) packed[k]];
            }
        }
        return new InteractionMatrix(asOf, users, sortedItems, indptr, indices, values, lastAt);
    }

    /** A growable int array, to avoid boxing millions of entries. */
    private static final class IntList {
        int[] data = new int[1024];
        int size;

        void add(int v) {
            if (size == data.length) {
                data = Arrays.copyOf(data, size * 2);
            }
            data[size++] = v;
        }

        int[] toArray() {
            return Arrays.copyOf(data, size);
        }
    }

    /** A growable long array. */
    private static final class LongList {
        long[] data = new long[1024];
        int size;

        void add(long v) {
            if (size == data.length) {
                data = Arrays.copyOf(data, size * 2);
            }
            data[size++] = v;
        }

        long[] toArray() {
            return Arrays.copyOf(data, size);
        }
    }

    /** A growable float array. */
    private static final class FloatList {
        float[] data = new float[1024];
        int size;

        void add(float v) {
            if (size == data.length) {
                data = Arrays.copyOf(data, size * 2);
            }
            data[size++] = v;
        }

        float[] toArray() {
            return Arrays.copyOf(data, size);
        }
    }
}
