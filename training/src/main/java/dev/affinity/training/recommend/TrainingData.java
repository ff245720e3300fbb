package dev.affinity.training.recommend;

import dev.affinity.features.interactions.InteractionMatrix;
import dev.affinity.models.artifact.IdIndex;
import dev.affinity.models.artifact.SparseRows;
import dev.affinity.training.als.Csr;
import java.util.Objects;

/**
 * What recommender trainers learn from: a users x items confidence matrix with its ids.
 *
 * @param users user ids, one per row
 * @param items item ids, one per column
 * @param interactions confidences, rows ascending in item position
 */
public record TrainingData(IdIndex users, IdIndex items, Csr interactions) {
    /** Checks that the ids match the matrix. */
    public TrainingData {
        Objects.requireNonNull(interactions, "interactions");
        if (users.size() != interactions.rows() || items.size() != interactions.cols()) {
            throw new IllegalArgumentException(
                    "ids do not match a " + interactions.rows() + " x " + interactions.cols() + " interaction matrix");
        }
    }

    /** The training data of a warehouse interaction matrix. */
    public static TrainingData of(InteractionMatrix m) {
        return new TrainingData(
                new IdIndex(m.users()),
                new IdIndex(m.items()),
                new Csr(m.users().size(), m.items().size(), m.indptr(), m.indices(), m.values()));
    }

    /** This data with another matrix of the same shape (a training split). */
    public TrainingData with(Csr split) {
        return new TrainingData(users, items, split);
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
