package dev.affinity.models.churn;

/**
 * Where the tiers start on the 0-100 churn score: LOW below {@code mediumFrom}, MEDIUM from {@code
 * mediumFrom} to {@code highAbove} inclusive, HIGH above {@code highAbove}. The defaults follow
 * Braze's predictive churn: Low &lt; 50, Medium 50-75, High &gt; 75.
 *
 * @param mediumFrom the lowest score in the MEDIUM tier
 * @param highAbove the highest score still MEDIUM; scores above it are HIGH
 */
public record RiskTiers(int mediumFrom, int highAbove) {
    /** Low &lt; 50, Medium 50-75, High &gt; 75. */
    public static final RiskTiers DEFAULT = new RiskTiers(50, 75);

    /** Checks 0 &lt; mediumFrom &lt;= highAbove &lt; 100. */
    public RiskTiers {
        if (mediumFrom <= 0 || highAbove >= 100 || mediumFrom > highAbove) {
            throw new IllegalArgumentException("risk tiers need 0 < mediumFrom <= highAbove < 100, got mediumFrom="
                    + mediumFrom + ", highAbove=" + highAbove);
        }
    }

    /** The tier of a 0-100 score. */
    public RiskTier tierOf(int score) {
        if (score > highAbove) {
            return RiskTier.HIGH;
        }
        return score >= mediumFrom ? RiskTier.MEDIUM : RiskTier.LOW;
    }
}
