package dev.affinity.training.knn;

/**
 * Hyperparameters of item-kNN. {@code sim(i, j) = co(i, j) / (sqrt(n_i) * sqrt(n_j) + shrinkage)},
 * where {@code co} sums the product of the two items' weights over every row (user or basket) and
 * {@code n_i} sums item i's squared weights.
 *
 * @param neighbors neighbours kept per item (default 100)
 * @param shrinkage damps similarities resting on few co-occurrences (default 10)
 * @param binary whether to count each interaction as 1 rather than its confidence (default true)
 */
public record ItemKnnParameters(int neighbors, double shrinkage, boolean binary) {
    /** 100 neighbours, shrinkage 10, binary. */
    public static final ItemKnnParameters DEFAULT = new ItemKnnParameters(100, 10, true);

    /** Checks the fields. */
    public ItemKnnParameters {
        if (neighbors < 1) {
            throw new IllegalArgumentException("neighbors must be >= 1, got " + neighbors);
        }
        if (!(shrinkage >= 0) || !Double.isFinite(shrinkage)) {
            throw new IllegalArgumentException("shrinkage must be finite and >= 0, got " + shrinkage);
        }
    }
}
