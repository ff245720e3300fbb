package dev.affinity.models.churn;

/** Churn risk tiers on the 0-100 score. */
public enum RiskTier {
    /** Below the medium threshold (default: score < 50). */
    LOW,
    /** From the medium threshold up to the high threshold (default: 50-75). */
    MEDIUM,
    /** Above the high threshold (default: score > 75). */
    HIGH
}
