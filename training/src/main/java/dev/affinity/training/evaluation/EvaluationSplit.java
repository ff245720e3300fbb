package dev.affinity.training.evaluation;

import dev.affinity.training.als.Csr;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A training matrix and, per user row, the items that user is evaluated on. No held-out interaction
 * is in the training matrix, so no trainer can see it.
 *
 * @param train the training matrix
 * @param heldOut per user row, the relevant item positions (empty when the user is not evaluated);
 *     position {@code train.cols() + j} stands for {@code unseenItems.get(j)}, an item the training
 *     data never saw: relevant, and reachable only by models that know items without interactions
 *     (content-based)
 * @param unseenItems ids of the relevant items the training data never saw
 * @param foldIn per user row, the items a held-out user is folded in from (known at question
 *     time, never trained on); empty when no user is held out, else one array per row, empty for
 *     users who are in training
 */
public record EvaluationSplit(Csr train, List<int[]> heldOut, List<String> unseenItems, List<int[]> foldIn) {
    /** Copies the lists and checks that fold-in, when present, has one entry per row. */
    public EvaluationSplit {
        heldOut = List.copyOf(heldOut);
        unseenItems = List.copyOf(unseenItems);
        foldIn = List.copyOf(foldIn);
        if (!foldIn.isEmpty() && foldIn.size() != train.rows()) {
            throw new IllegalArgumentException("foldIn needs one entry per user row");
        }
    }

    /** A split where every evaluated user is in training (no fold-in). */
    public EvaluationSplit(Csr train, List<int[]> heldOut, List<String> unseenItems) {
        this(train, heldOut, unseenItems, List.of());
    }

    /** The fold-in items of user row {@code u}; empty for a user who is in training. */
    public int[] foldIn(int u) {
        return foldIn.isEmpty() ? new int[0] : foldIn.get(u);
    }

    /**
     * The held-out-users protocol: a seeded share of the users with at least {@code minItems} items
     * leaves training entirely; each of them is folded in from the rest of their items at question
     * time and evaluated on a seeded share of their items. Models are judged on users they never
     * trained on, as serving meets new customers between retrains.
     *
     * @param userFraction share of eligible users held out, in (0, 1)
     * @param itemFraction share of a held-out user's items to evaluate on (at least one), in (0, 1)
     * @param minItems users need at least this many items to be held out
     * @param seed the random seed
     */
    public static EvaluationSplit heldOutUsers(
            Csr data, double userFraction, double itemFraction, int minItems, long seed) {
        if (!(userFraction > 0 && userFraction < 1)) {
            throw new IllegalArgumentException("userFraction must be in (0, 1), got " + userFraction);
        }
        if (!(itemFraction > 0 && itemFraction < 1)) {
            throw new IllegalArgumentException("itemFraction must be in (0, 1), got " + itemFraction);
        }
        SplittableRandom root = new SplittableRandom(seed);
        int[] eligible = java.util.stream.IntStream.range(0, data.rows())
                .filter(u -> data.indptr()[u + 1] - data.indptr()[u] >= minItems)
                .toArray();
        int[] order = shuffled(eligible.length, root.split());
        boolean[] heldUser = new boolean[data.rows()];
        int heldUsers = (int) Math.round(eligible.length * userFraction);
        for (int h = 0; h < heldUsers; h++) {
            heldUser[eligible[order[h]]] = true;
        }
        int[] indptr = new int[data.rows() + 1];
        int[] indices = new int[data.nnz()];
        float[] values = new float[data.nnz()];
        List<int[]> heldOut = new ArrayList<>(data.rows());
        List<int[]> foldIn = new ArrayList<>(data.rows());
        int nnz = 0;
        for (int u = 0; u < data.rows(); u++) {
            SplittableRandom random = root.split();
            int from = data.indptr()[u];
            int length = data.indptr()[u + 1] - from;
            if (!heldUser[u]) {
                System.arraycopy(data.indices(), from, indices, nnz, length);
                System.arraycopy(data.values(), from, values, nnz, length);
                nnz += length;
                heldOut.add(new int[0]);
                foldIn.add(new int[0]);
            } else {
                int held = Math.max(1, (int) Math.round(length * itemFraction));
                int[] shuffled = shuffled(length, random);
                int[] test = new int[held];
                int[] known = new int[length - held];
                for (int j = 0; j < length; j++) {
                    int item = data.indices()[from + shuffled[j]];
                    if (j < held) {
                        test[j] = item;
                    } else {
                        known[j - held] = item;
                    }
                }
                Arrays.sort(test);
                Arrays.sort(known);
                heldOut.add(test);
                foldIn.add(known);
            }
            indptr[u + 1] = nnz;
        }
        return new EvaluationSplit(
                new Csr(data.rows(), data.cols(), indptr, Arrays.copyOf(indices, nnz), Arrays.copyOf(values, nnz)),
                heldOut,
                List.of(),
                foldIn);
    }

    /**
     * A seeded per-user random hold-out: for every user with at least {@code minItems} interactions,
     * a fraction of their items (at least one) leaves the training matrix and becomes that user's
     * relevant set. Users with fewer items stay whole in training and are not evaluated.
     *
     * @param fraction share of each eligible user's items held out, in (0, 1)
     * @param minItems users need at least this many items to be split
     * @param seed the random seed; each user draws from its own stream, so the split of one user
     *     does not depend on the others
     */
    public static EvaluationSplit randomPerUser(Csr data, double fraction, int minItems, long seed) {
        if (!(fraction > 0 && fraction < 1)) {
            throw new IllegalArgumentException("fraction must be in (0, 1), got " + fraction);
        }
        int[] indptr = new int[data.rows() + 1];
        int[] indices = new int[data.nnz()];
        float[] values = new float[data.nnz()];
        List<int[]> heldOut = new ArrayList<>(data.rows());
        int nnz = 0;
        SplittableRandom root = new SplittableRandom(seed);
        for (int u = 0; u < data.rows(); u++) {
            SplittableRandom random = root.split();
            int from = data.indptr()[u];
            int length = data.indptr()[u + 1] - from;
            boolean[] out = new boolean[length];
            int held = length >= minItems ? Math.max(1, (int) Math.round(length * fraction)) : 0;
            int[] order = shuffled(length, random);
            for (int h = 0; h < held; h++) {
                out[order[h]] = true;
            }
            int[] test = new int[held];
            int t = 0;
            for (int e = 0; e < length; e++) {
                if (out[e]) {
                    test[t++] = data.indices()[from + e];
                } else {
                    indices[nnz] = data.indices()[from + e];
                    values[nnz++] = data.values()[from + e];
                }
            }
            Arrays.sort(test);
            heldOut.add(test);
            indptr[u + 1] = nnz;
        }
        return new EvaluationSplit(
                new Csr(data.rows(), data.cols(), indptr, Arrays.copyOf(indices, nnz), Arrays.copyOf(values, nnz)),
                heldOut,
                List.of());
    }

    private static int[] shuffled(int n, SplittableRandom random) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int tmp = order[i];
            order[i] = order[j];
            order[j] = tmp;
        }
        return order;
    }
}
