package dev.affinity.training.churn;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;

/** Seeded splits of a churn table. */
public final class ChurnSplits {
    private ChurnSplits() {}

    /**
     * A seeded split of whole groups (customers): about {@code validationShare} of the groups, with
     * all their rows, go to validation, so no customer is on both sides.
     *
     * @return {training, validation}
     */
    public static ChurnTable[] byGroup(ChurnTable table, double validationShare, long seed) {
        if (!(validationShare > 0 && validationShare < 1)) {
            throw new IllegalArgumentException("validation share must be in (0, 1), got " + validationShare);
        }
        List<String> groups = new ArrayList<>(new TreeSet<>(table.groups()));
        Collections.shuffle(groups, new Random(seed));
        var held = new java.util.HashSet<>(groups.subList(0, (int) Math.round(groups.size() * validationShare)));
        List<Integer> train = new ArrayList<>();
        List<Integer> validation = new ArrayList<>();
        for (int r = 0; r < table.size(); r++) {
            (held.contains(table.groups().get(r)) ? validation : train).add(r);
        }
        return new ChurnTable[] {table.rows(toArray(train)), table.rows(toArray(validation))};
    }

    /**
     * A seeded split stratified by label: within churners and within stayers separately, the
     * shuffled rows are cut at {@code trainShare} and {@code trainShare + validationShare}.
     *
     * @return {training, validation, test}
     */
    public static ChurnTable[] stratified(ChurnTable table, double trainShare, double validationShare, long seed) {
        int[][] parts = stratifiedRows(table.churned(), trainShare, validationShare, seed);
        return new ChurnTable[] {table.rows(parts[0]), table.rows(parts[1]), table.rows(parts[2])};
    }

    /** The row indices of {@link #stratified}, each part sorted: {training, validation, test}. */
    public static int[][] stratifiedRows(boolean[] churned, double trainShare, double validationShare, long seed) {
        if (!(trainShare > 0 && validationShare > 0 && trainShare + validationShare < 1)) {
            throw new IllegalArgumentException("train and validation shares must be positive and sum below 1, got "
                    + trainShare + " and " + validationShare);
        }
        Map<Boolean, List<Integer>> byLabel = new LinkedHashMap<>();
        byLabel.put(true, new ArrayList<>());
        byLabel.put(false, new ArrayList<>());
        for (int r = 0; r < churned.length; r++) {
            byLabel.get(churned[r]).add(r);
        }
        Random random = new Random(seed);
        List<List<Integer>> parts = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (List<Integer> rows : byLabel.values()) {
            Collections.shuffle(rows, random);
            int a = (int) Math.round(rows.size() * trainShare);
            int b = (int) Math.round(rows.size() * (trainShare + validationShare));
            parts.get(0).addAll(rows.subList(0, a));
            parts.get(1).addAll(rows.subList(a, b));
            parts.get(2).addAll(rows.subList(b, rows.size()));
        }
        int[][] out = new int[3][];
        for (int k = 0; k < 3; k++) {
            List<Integer> rows = parts.get(k);
            Collections.sort(rows);
            out[k] = toArray(rows);
        }
        return out;
    }

    private static int[] toArray(List<Integer> rows) {
        return rows.stream().mapToInt(Integer::intValue).toArray();
    }
}
