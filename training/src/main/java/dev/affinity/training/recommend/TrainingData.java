package dev.affinity.training.recommend;

import dev.affinity.features.interactions.InteractionMatrix;
import dev.affinity.models.artifact.IdIndex;
import dev.affinity.models.artifact.SparseRows;
import dev.affinity.training.als.Csr;
import java.util.Objects;

/**
 * What recommender trainers learn from: a users x items confidence matrix with its ids and,
 * optionally, when each interaction last happened (for trainers that read a user's items in time
 * order, such as item2vec).
 *
 * @param users user ids, one per row
 * @param items item ids, one per column
 * @param interactions confidences, rows ascending in item position
 * @param lastAtMillis per entry of {@code interactions}, the time of its latest interaction in epoch
 *     milliseconds, or {@code null} when the source has no times
 */
public record TrainingData(IdIndex users, IdIndex items, Csr interactions, long[] lastAtMillis) {
    /** Checks that the ids and times match the matrix. */
    public TrainingData {
        Objects.requireNonNull(interactions, "interactions");
        if (users.size() != interactions.rows() || items.size() != interactions.cols()) {
            throw new IllegalArgumentException(
                    "ids do not match a " + interactions.rows() + " x " + interactions.cols() + " interaction matrix");
        }
        if (lastAtMillis != null && lastAtMillis.length != interactions.nnz()) {
            throw new IllegalArgumentException(
                    lastAtMillis.length + " times for " + interactions.nnz() + " interactions");
        }
    }

    /** Data without interaction times. */
    public TrainingData(IdIndex users, IdIndex items, Csr interactions) {
        this(users, items, interactions, null);
    }

    /** The training data of a warehouse interaction matrix, with its times. */
    public static TrainingData of(InteractionMatrix m) {
        return new TrainingData(
                new IdIndex(m.users()),
                new IdIndex(m.items()),
                new Csr(m.users().size(), m.items().size(), m.indptr(), m.indices(), m.values()),
                m.lastAtMillis());
    }

    /** Whether each interaction has a time. */
    public boolean hasTimes() {
        return lastAtMillis != null;
    }

    /**
     * This data with another matrix of the same shape (a training split); each entry of {@code
     * split} keeps the time of the same (user, item) entry here.
     *
     * @throws IllegalArgumentException when the shape differs, or (with times) when {@code split}
     *     has an entry this data does not
     */
    public TrainingData with(Csr split) {
        if (split.rows() != interactions.rows() || split.cols() != interactions.cols()) {
            throw new IllegalArgumentException("a split must keep the " + interactions.rows() + " x "
                    + interactions.cols() + " shape, got " + split.rows() + " x " + split.cols());
        }
        if (lastAtMillis == null) {
            return new TrainingData(users, items, split);
        }
        long[] times = new long[split.nnz()];
        for (int u = 0; u < split.rows(); u++) {
            int from = interactions.indptr()[u];
            int to = interactions.indptr()[u + 1];
            for (int e = split.indptr()[u]; e < split.indptr()[u + 1]; e++) {
                int at = java.util.Arrays.binarySearch(interactions.indices(), from, to, split.indices()[e]);
                if (at < 0) {
                    throw new IllegalArgumentException(
                            "split entry (" + u + ", " + split.indices()[e] + ") is not in the data it splits");
                }
                times[e] = lastAtMillis[at];
            }
        }
        return new TrainingData(users, items, split, times);
    }

    /** The interactions as the models module stores them. */
    public SparseRows userItems() {
        return new SparseRows(
                interactions.rows(), interactions.indptr(), interactions.indices(), interactions.values());
    }

    /** Per item, the number of users who interacted with it: the popularity that cold start falls back on. */
    public float[] popularity() {
        float[] counts = new float[interactions.cols()];
        for (int i : interactions.indices()) {
            counts[i]++;
        }
        return counts;
    }
}
