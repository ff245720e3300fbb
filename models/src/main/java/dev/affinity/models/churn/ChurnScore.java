package dev.affinity.models.churn;

import java.util.List;

/**
 * A customer's churn score.
 *
 * @param probability calibrated probability of no purchase in the horizon, in [0, 1]
 * @param score {@code round(100 * probability)}, 0-100
 * @param tier the risk tier of {@code score}
 * @param topReasons the features with the largest effect, largest first
 */
public record ChurnScore(double probability, int score, RiskTier tier, List<Contribution> topReasons) {
    /** Checks the ranges and copies the list. */
    public ChurnScore {
        if (!(probability >= 0 && probability <= 1) || score < 0 || score > 100) {
            throw new IllegalArgumentException("probability " + probability + " or score " + score + " out of range");
        }
        topReasons = List.copyOf(topReasons);
    }
}
