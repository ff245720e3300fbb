package dev.affinity.training.churn;

/**
 * Settings shared by the gradient-boosted tree candidates (XGBoost and Smile). The defaults were
 * chosen on the validation rows of the Online Retail protocol (depth 2, 3 and 4; learning rate 0.02
 * with 400 trees and 0.05 with 150; minimum leaf 20 and 50): shallow trees won for both libraries.
 *
 * @param trees boosting rounds (default 150)
 * @param maxDepth depth limit of each tree (default 2)
 * @param learningRate shrinkage of each tree (default 0.05)
 * @param subsample share of rows each tree sees (default 0.8)
 * @param minLeafSize XGBoost's minimum child weight and Smile's node size (default 50)
 * @param seed sampling seed
 */
public record BoostingParameters(
        int trees, int maxDepth, double learningRate, double subsample, int minLeafSize, long seed) {
    /** Checks the ranges. */
    public BoostingParameters {
        if (trees < 1 || trees > 10_000) {
            throw new IllegalArgumentException("trees must be 1..10000, got " + trees);
        }
        if (maxDepth < 1 || maxDepth > 16) {
            throw new IllegalArgumentException("maxDepth must be 1..16, got " + maxDepth);
        }
        if (!(learningRate > 0 && learningRate <= 1)) {
            throw new IllegalArgumentException("learningRate must be in (0, 1], got " + learningRate);
        }
        if (!(subsample > 0 && subsample <= 1)) {
            throw new IllegalArgumentException("subsample must be in (0, 1], got " + subsample);
        }
        if (minLeafSize < 1) {
            throw new IllegalArgumentException("minLeafSize must be at least 1, got " + minLeafSize);
        }
    }

    /** The defaults with {@code seed}. */
    public static BoostingParameters defaults(long seed) {
        return new BoostingParameters(150, 2, 0.05, 0.8, 50, seed);
    }
}
