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
 * @param roc the ROC curve, at most {@link #CURVE_POINTS} points from (0, 0) to (1, 1), one per
 *     distinct score threshold when there are few, else evenly spaced over the thresholds; empty
 *     when the rows hold only churners or only stayers
 * @param precisionRecall the precision-recall curve at the same thresholds, by increasing recall;
 *     empty when no row churned
 */
public record ChurnReport(
        ChurnMetrics metrics,
        List<Decile> deciles,
        List<CalibrationBin> calibration,
        List<Confusion> confusion,
        List<RocPoint> roc,
        List<PrPoint> precisionRecall) {

    /** The most points kept per curve, so that a report's JSON stays small. */
    public static final int CURVE_POINTS = 101;

    /** Copies the lists. */
    public ChurnReport {
        deciles = List.copyOf(deciles);
        calibration = List.copyOf(calibration);
        confusion = List.copyOf(confusion);
        roc = List.copyOf(roc);
        precisionRecall = List.copyOf(precisionRecall);
    }

    /**
     * One point of the ROC curve: flagging every customer whose probability is at least a threshold.
     *
     * @param fpr stayers flagged over stayers
     * @param tpr churners flagged over churners
     */
    public record RocPoint(double fpr, double tpr) {}

    /**
     * One point of the precision-recall curve.
     *
     * @param recall churners flagged over churners
     * @param precision churners flagged over customers flagged
     */
    public record PrPoint(double recall, double precision) {}

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
        return curves(p, churned, order, metrics, deciles, bins, confusion);
    }

    /** Adds the ROC and precision-recall curves, one candidate point per distinct threshold. */
    private static ChurnReport curves(
            double[] p,
            boolean[] churned,
            Integer[] order,
            ChurnMetrics metrics,
            List<Decile> deciles,
            List<CalibrationBin> bins,
            List<Confusion> confusion) {
        int n = p.length;
        // After each run of equal probabilities: how many churners and stayers are flagged.
        List<int[]> counts = new ArrayList<>();
        int tp = 0;
        int fp = 0;
        for (int k = 0; k < n; k++) {
            if (churned[order[k]]) {
                tp++;
            } else {
                fp++;
            }
            if (k == n - 1 || p[order[k + 1]] != p[order[k]]) {
                counts.add(new int[] {tp, fp});
            }
        }
        int positives = tp;
        int negatives = fp;
        List<RocPoint> roc = new ArrayList<>();
        List<PrPoint> pr = new ArrayList<>();
        int kept = Math.min(counts.size(), CURVE_POINTS - 1);
        if (positives > 0 && negatives > 0) {
            roc.add(new RocPoint(0, 0));
        }
        for (int j = 1; j <= kept; j++) {
            // Evenly spaced thresholds, always ending with the last (everyone flagged).
            int[] c = counts.get((int) ((long) j * counts.size() / kept) - 1);
            if (positives > 0 && negatives > 0) {
                roc.add(new RocPoint(round(c[1] / (double) negatives), round(c[0] / (double) positives)));
            }
            if (positives > 0) {
                pr.add(new PrPoint(round(c[0] / (double) positives), round(c[0] / (double) (c[0] + c[1]))));
            }
        }
        return new ChurnReport(metrics, deciles, bins, confusion, roc, pr);
    }

    private static double round(double x) {
        return Math.round(x * 1e4) / 1e4;
    }
}
