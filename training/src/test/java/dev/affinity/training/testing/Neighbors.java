package dev.affinity.training.testing;

import dev.affinity.models.artifact.SparseRows;

/** Reading neighbour lists in tests. */
public final class Neighbors {
    private Neighbors() {}

    /** The weight of {@code j} in item {@code i}'s neighbour row, or 0 when it is not a neighbour. */
    public static float weight(SparseRows neighbors, int i, int j) {
        for (int e = neighbors.indptr()[i]; e < neighbors.indptr()[i + 1]; e++) {
            if (neighbors.indices()[e] == j) {
                return neighbors.values()[e];
            }
        }
        return 0;
    }
}
