package dev.affinity.training.knn;

/**
 * Each item's nearest neighbours, strongest first, in compressed sparse row form: item {@code i}'s
 * neighbours are {@code indices[indptr[i], indptr[i + 1])} with similarities {@code values}.
 *
 * @param items number of items
 * @param indptr row offsets, {@code items + 1} of them
 * @param indices neighbour item positions
 * @param values similarities, positive, non-increasing within a row
 */
public record ItemNeighbors(int items, int[] indptr, int[] indices, float[] values) {
    /** Checks the shape. */
    public ItemNeighbors {
        if (indptr.length != items + 1 || indptr[items] != indices.length || indices.length != values.length) {
            throw new IllegalArgumentException("inconsistent neighbour lists for " + items + " items");
        }
    }

    /** The similarity of {@code j} as a neighbour of {@code i}, or 0 when it is not one. */
    public float similarity(int i, int j) {
        for (int e = indptr[i]; e < indptr[i + 1]; e++) {
            if (indices[e] == j) {
                return values[e];
            }
        }
        return 0;
    }
}
