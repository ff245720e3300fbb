package dev.affinity.models.churn;

/**
 * How much one feature moved a customer's churn score.
 *
 * @param feature the profile field
 * @param value the customer's value ({@code NaN} when missing and imputed)
 * @param effect the contribution in log-odds: positive raises the churn probability, negative
 *     lowers it
 */
public record Contribution(String feature, double value, double effect) {
    /** Whether this feature raises the churn probability. */
    public boolean raisesChurn() {
        return effect > 0;
    }
}
