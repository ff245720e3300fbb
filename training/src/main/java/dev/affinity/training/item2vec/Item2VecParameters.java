package dev.affinity.training.item2vec;

/**
 * Hyperparameters of item2vec.
 *
 * @param dimensions length of each item vector (default 64)
 * @param window items on each side of an item that count as its context (default 5)
 * @param negativeSamples random negative items drawn per positive pair (default 5)
 * @param epochs passes over all sequences (default 50: on MovieLens 100K, 5 and 20 epochs left the
 *     vectors far from converged, validation NDCG@10 0.03 and 0.07 against 0.21 at 50)
 * @param minCount items occurring fewer times than this over all sequences get no vector (default 1)
 * @param learningRate starting learning rate, decayed linearly to 1e-4 (default 0.05)
 * @param seed seed of the initial vectors and of negative sampling
 * @param halfLife recency half-life of the user vector, in positions: the user's most recent item
 *     weighs 1 and the item {@code j} places before it {@code 0.5^(j / halfLife)} (default 50: a
 *     long memory; on MovieLens's random hold-out a flat mean beat a half-life of 5, 0.21 against
 *     0.14 validation NDCG@10)
 * @param threads DL4J workers; 1 gives the same vectors on every run for a seed (default 1)
 */
public record Item2VecParameters(
        int dimensions,
        int window,
        int negativeSamples,
        int epochs,
        int minCount,
        double learningRate,
        long seed,
        double halfLife,
        int threads) {

    /** The defaults above with {@code seed}. */
    public static Item2VecParameters defaults(long seed) {
        return new Item2VecParameters(64, 5, 5, 50, 1, 0.05, seed, 50, 1);
    }

    /** Checks every field, naming the one out of range. */
    public Item2VecParameters {
        atLeast("dimensions", dimensions, 1);
        atLeast("window", window, 1);
        atLeast("negativeSamples", negativeSamples, 1);
        atLeast("epochs", epochs, 1);
        atLeast("minCount", minCount, 1);
        atLeast("threads", threads, 1);
        if (!(learningRate > 0 && learningRate <= 1)) {
            throw new IllegalArgumentException("learningRate must be in (0, 1], got " + learningRate);
        }
        if (!(halfLife > 0) || !Double.isFinite(halfLife)) {
            throw new IllegalArgumentException("halfLife must be finite and > 0 positions, got " + halfLife);
        }
    }

    private static void atLeast(String field, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException(field + " must be >= " + min + ", got " + value);
        }
    }
}
