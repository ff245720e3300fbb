package dev.affinity.training.item2vec;

import dev.affinity.training.als.Csr;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Each user's items as a sequence in time order, the "sentences" item2vec learns from. A user's
 * sequence holds each of their items once, at the time of its latest interaction (purchase,
 * add-to-cart or view); items at the same time (one basket) follow item position. Without times,
 * a sequence is in item position order.
 */
public final class ItemSequences {
    private ItemSequences() {}

    /**
     * One sequence of item positions per row of {@code interactions}, oldest first; a user without
     * items gets an empty sequence.
     *
     * @param lastAtMillis per entry, its time, or {@code null}
     */
    public static List<int[]> of(Csr interactions, long[] lastAtMillis) {
        List<int[]> sequences = new ArrayList<>(interactions.rows());
        for (int u = 0; u < interactions.rows(); u++) {
            int from = interactions.indptr()[u];
            int n = interactions.indptr()[u + 1] - from;
            Integer[] order = new Integer[n];
            for (int k = 0; k < n; k++) {
                order[k] = from + k;
            }
            if (lastAtMillis != null) {
                // Entries are ascending in item position, so a stable sort by time breaks ties by position.
                Arrays.sort(order, (a, b) -> Long.compare(lastAtMillis[a], lastAtMillis[b]));
            }
            int[] sequence = new int[n];
            for (int k = 0; k < n; k++) {
                sequence[k] = interactions.indices()[order[k]];
            }
            sequences.add(sequence);
        }
        return sequences;
    }
}
