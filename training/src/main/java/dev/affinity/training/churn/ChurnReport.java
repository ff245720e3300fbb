package dev.affinity.training.churn;

import dev.affinity.models.churn.RiskTiers;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything a data scientist checks on one model's out-of-time predictions.
 *
 * @param metrics ROC-AUC, PR-AUC, log loss, Brier score and base rate
 * @param deciles customers sorted by decreasing probability, in ten equal parts
 * @param calibration predicted against observed churn in ten equal-width probability bins
 * @param confusion the confusion matrix when "churner" means a score at or above each tier's start
 */
public record ChurnReport(
        ChurnMetrics metrics, List<Decile> deciles, List<CalibrationBin> calibration, List<Confusion> confusion) {

    /**
     * One decile of customers by predicted risk.
     *
     * @param decile 1 is the riskiest tenth
     * @param customers customers in it
     * @param churners churners in it
     * @param churnRate churners / customers
     * @param lift churn rate over the base rate
     * @param cumulativeGain share of all churners found in deciles 1..this one
     */
    public record Decile(
            int decile, int customers, int churners, double churnRate, double lift, double cumulativeGain) {}

    /**
     * One probability bin.
     *
     * @param from lower bound (inclusive)
     * @param to upper bound (exclusive, except 1.0)
     * @param customers customers predicted in it
     * @param meanPredicted their mean probability (NaN when empty)
     * @param observedRate the share of them who churned (NaN when empty)
     */
    public record CalibrationBin(double from, double to, int customers, double meanPredicted, double observedRate) {}

    /**
     * Churner or not at one threshold of the 0-100 score.
     *
     * @param threshold "churner" when the score is at least this
     * @param truePositives churners flagged
     * @param falsePositives stayers flagged
     * @param trueNegatives stayers not flagged
     * @param falseNegatives churners not flagged
     */
    public record Confusion(
            int threshold, int truePositives, int falsePositives, int trueNegatives, int falseNegatives) {
        /** Flagged churners over flagged customers (NaN when none is flagged). */
        public double precision() {
            return truePositives + falsePositives == 0
                    ? Double.NaN
                    : truePositives / (double) (truePositives + falsePositives);
        }

        /** Flagged churners over churners (NaN when there are none). */
        public double recall() {
            return truePositives + falseNegatives == 0
                    ? Double.NaN
                    : truePositives / (double) (truePositives + falseNegatives);
        }
    }

    /** The report of probabilities {@code p} against labels; {@code tiers} give the confusion thresholds. */
    public static ChurnReport of(double[] p, boolean[] churned, RiskTiers tiers) {
        ChurnMetrics metrics = ChurnMetrics.of(p, churned);
        int n = p.length;
        int positives = (int) Math.round(metrics.baseRate() * n);
        Integer[] order = ChurnMetrics.byDecreasingScore(p, churned);
        List<Decile> deciles = new ArrayList<>();
        int found = 0;
        for (int d = 0; d < 10; d++) {
            int from = (int) ((long) n * d / 10);
            int to = (int) ((long) n * (d + 1) / 10);
            int churners = 0;
            for (int k = from; k < to; k++) {
                churners += churned[order[k]] ? 1 : 0;
            }
            found += churners;
            double rate = to > from ? churners / (double) (to - from) : Double.NaN;
            deciles.add(new Decile(
                    d + 1,
                    to - from,
                    churners,
                    rate,
                    rate / metrics.baseRate(),
                    positives == 0 ? Double.NaN : found / (double) positives));
        }
        List<CalibrationBin> bins = new ArrayList<>();
        for (int b = 0; b < 10; b++) {
            double lo = b / 10.0;
            double hi = (b + 1) / 10.0;
            int count = 0;
            double sum = 0;
            int churners = 0;
            for (int i = 0; i < n; i++) {
                if (p[i] >= lo && (p[i] < hi || (b == 9 && p[i] <= 1))) {
                    count++;
                    sum += p[i];
                    churners += churned[i] ? 1 : 0;
                }
            }
            bins.add(new CalibrationBin(
                    lo,
                    hi,
                    count,
                    count == 0 ? Double.NaN : sum / count,
                    count == 0 ? Double.NaN : churners / (double) count));
        }
        List<Confusion> confusion = new ArrayList<>();
        for (int threshold : new int[] {tiers.mediumFrom(), tiers.highAbove() + 1}) {
            int tp = 0;
            int fp = 0;
            int tn = 0;
            int fn = 0;
            for (int i = 0; i < n; i++) {
                boolean flagged = Math.round(100 * p[i]) >= threshold;
                if (flagged && churned[i]) {
                    tp++;
                } else if (flagged) {
                    fp++;
                } else if (churned[i]) {
                    fn++;
                } else {
                    tn++;
                }
            }
            confusion.add(new Confusion(threshold, tp, fp, tn, fn));
        }
        return new ChurnReport(metrics, deciles, bins, confusion);
    }
}
