package dev.affinity.models.churn;

import java.util.List;
import java.util.Map;

/** Scores customers for churn from their profile fields. Implementations are immutable and thread-safe. */
public interface ChurnScorer {
    /** How many reasons {@link #score} returns unless asked otherwise. */
    int DEFAULT_REASONS = 3;

    /** The profile fields the model reads, in its order. */
    List<String> features();

    /** The tier thresholds stored with the model. */
    RiskTiers tiers();

    /**
     * Scores one profile.
     *
     * @param profile profile fields by name; a missing field or {@code NaN} is imputed as the model
     *     was trained to (the training mean); in a linear model it then contributes nothing to the
     *     explanation, in a tree model it is reported with value {@code NaN}
     * @param reasons how many top contributing features to return
     */
    ChurnScore score(Map<String, Double> profile, int reasons);

    /** Scores one profile with {@link #DEFAULT_REASONS} reasons. */
    default ChurnScore score(Map<String, Double> profile) {
        return score(profile, DEFAULT_REASONS);
    }
}
