package dev.affinity.training.churn;

import java.util.Arrays;

/**
 * Probability-quality figures of churn predictions against labels.
 *
 * @param customers rows scored
 * @param baseRate share of rows that churned
 * @param rocAuc area under the ROC curve (ties count one half)
 * @param prAuc average precision: the mean of the precision at each churner's rank (ties broken
 *     pessimistically: churners after stayers of equal score)
 * @param logLoss mean negative log-likelihood, probabilities clipped to [1e-15, 1 - 1e-15]
 * @param brier mean squared difference of probability and label
 */
public record ChurnMetrics(int customers, double baseRate, double rocAuc, double prAuc, double logLoss, double brier) {

    /** The figures of probabilities {@code p} against labels {@code churned}. */
    public static ChurnMetrics of(double[] p, boolean[] churned) {
        int n = p.length;
        if (n != churned.length || n == 0) {
            throw new IllegalArgumentException("need as many probabilities as labels, at least one");
        }
        int positives = 0;
        double logLoss = 0;
        double brier = 0;
        for (int i = 0; i < n; i++) {
            double y = churned[i] ? 1 : 0;
            positives += churned[i] ? 1 : 0;
            double q = Math.min(Math.max(p[i], 1e-15), 1 - 1e-15);
            logLoss -= y * Math.log(q) + (1 - y) * Math.log(1 - q);
            brier += (p[i] - y) * (p[i] - y);
        }
        return new ChurnMetrics(
                n,
                positives / (double) n,
                rocAuc(p, churned, positives),
                averagePrecision(p, churned, positives),
                logLoss / n,
                brier / n);
    }

    /** Row indices sorted by decreasing probability; equal probabilities keep stayers first. */
    static Integer[] byDecreasingScore(double[] p, boolean[] churned) {
        Integer[] order = new Integer[p.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (a, b) -> {
            int c = Double.compare(p[b], p[a]);
            return c != 0 ? c : Boolean.compare(churned[a], churned[b]);
        });
        return order;
    }

    private static double rocAuc(double[] p, boolean[] churned, int positives) {
        int negatives = p.length - positives;
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        Integer[] order = new Integer[p.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (a, b) -> Double.compare(p[a], p[b]));
        // Mann-Whitney U with mid-ranks for ties.
        double rankSum = 0;
        int i = 0;
        while (i < order.length) {
            int j = i;
            while (j + 1 < order.length && p[order[j + 1]] == p[order[i]]) {
                j++;
            }
            double midRank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                if (churned[order[k]]) {
                    rankSum += midRank;
                }
            }
            i = j + 1;
        }
        return (rankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
    }

    private static double averagePrecision(double[] p, boolean[] churned, int positives) {
        if (positives == 0) {
            return Double.NaN;
        }
        Integer[] order = byDecreasingScore(p, churned);
        double sum = 0;
        int hits = 0;
        for (int k = 0; k < order.length; k++) {
            if (churned[order[k]]) {
                hits++;
                sum += hits / (double) (k + 1);
            }
        }
        return sum / positives;
    }
}
