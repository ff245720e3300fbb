package dev.affinity.training.churn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.affinity.models.churn.Calibration;
import dev.affinity.models.churn.ChurnScorer;
import dev.affinity.models.churn.RiskTiers;
import org.junit.jupiter.api.Test;

class CalibrationAndMetricsTest {
    @Test
    void metricsByHand() {
        // Scores 0.9 (churn), 0.8 (stay), 0.7 (churn), 0.2 (stay): of the 4 churn/stay pairs, 3 are
        // ordered right, so ROC-AUC 0.75; precision at the churners' ranks 1/1 and 2/3, AP 0.8333.
        double[] p = {0.9, 0.8, 0.7, 0.2};
        boolean[] y = {true, false, true, false};
        ChurnMetrics m = ChurnMetrics.of(p, y);
        assertThat(m.rocAuc()).isEqualTo(0.75);
        assertThat(m.prAuc()).isCloseTo((1 + 2 / 3.0) / 2, within(1e-12));
        assertThat(m.baseRate()).isEqualTo(0.5);
        assertThat(m.brier()).isCloseTo((0.01 + 0.64 + 0.09 + 0.04) / 4, within(1e-12));
        assertThat(m.logLoss())
                .isCloseTo(-(Math.log(0.9) + Math.log(0.2) + Math.log(0.7) + Math.log(0.8)) / 4, within(1e-12));
        // ties count one half
        assertThat(ChurnMetrics.of(new double[] {0.5, 0.5}, new boolean[] {true, false})
                        .rocAuc())
                .isEqualTo(0.5);

        ChurnReport r = ChurnReport.of(p, y, RiskTiers.DEFAULT);
        assertThat(r.confusion().get(0).threshold()).isEqualTo(50);
        assertThat(r.confusion().get(0).truePositives()).isEqualTo(2);
        assertThat(r.confusion().get(0).falsePositives()).isEqualTo(1);
        assertThat(r.confusion().get(1).threshold()).isEqualTo(76);
        assertThat(r.confusion().get(1).truePositives()).isEqualTo(1);
        assertThat(r.confusion().get(1).falseNegatives()).isEqualTo(1);
        assertThat(r.deciles().get(9).cumulativeGain()).isEqualTo(1.0);
        // Thresholds 0.9, 0.8, 0.7, 0.2 flag (tp, fp) = (1,0), (1,1), (2,1), (2,2).
        assertThat(r.roc())
                .containsExactly(
                        new ChurnReport.RocPoint(0, 0),
                        new ChurnReport.RocPoint(0, 0.5),
                        new ChurnReport.RocPoint(0.5, 0.5),
                        new ChurnReport.RocPoint(0.5, 1),
                        new ChurnReport.RocPoint(1, 1));
        assertThat(r.precisionRecall())
                .containsExactly(
                        new ChurnReport.PrPoint(0.5, 1),
                        new ChurnReport.PrPoint(0.5, 0.5),
                        new ChurnReport.PrPoint(1, 0.6667),
                        new ChurnReport.PrPoint(1, 0.5));
    }

    @Test
    void curvesKeepAtMostAHundredAndOnePointsEndingWithEveryoneFlagged() {
        int n = 5000;
        double[] p = new double[n];
        boolean[] y = new boolean[n];
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < n; i++) {
            p[i] = random.nextDouble();
            y[i] = random.nextDouble() < p[i];
        }
        ChurnReport r = ChurnReport.of(p, y, RiskTiers.DEFAULT);
        assertThat(r.roc()).hasSize(ChurnReport.CURVE_POINTS);
        assertThat(r.roc().get(0)).isEqualTo(new ChurnReport.RocPoint(0, 0));
        assertThat(r.roc().get(r.roc().size() - 1)).isEqualTo(new ChurnReport.RocPoint(1, 1));
        assertThat(r.precisionRecall()).hasSize(ChurnReport.CURVE_POINTS - 1);
        assertThat(r.precisionRecall().get(r.precisionRecall().size() - 1).recall())
                .isEqualTo(1.0);
        // The trapezoid area under the kept points is close to the exact ROC-AUC.
        double area = 0;
        for (int i = 1; i < r.roc().size(); i++) {
            ChurnReport.RocPoint a = r.roc().get(i - 1);
            ChurnReport.RocPoint b = r.roc().get(i);
            area += (b.fpr() - a.fpr()) * (a.tpr() + b.tpr()) / 2;
        }
        assertThat(area).isCloseTo(r.metrics().rocAuc(), within(0.005));
        for (int i = 1; i < r.roc().size(); i++) {
            assertThat(r.roc().get(i).fpr())
                    .isGreaterThanOrEqualTo(r.roc().get(i - 1).fpr());
            assertThat(r.roc().get(i).tpr())
                    .isGreaterThanOrEqualTo(r.roc().get(i - 1).tpr());
        }
    }

    @Test
    void isotonicPoolsViolatorsByHand() {
        // Sorted by p: labels 1, 0, 1, 1 -> blocks {0.1}, {0.2, 0.3} pooled (0.5), {0.4}
        Calibration.Isotonic iso =
                Calibrators.isotonic(new double[] {0.3, 0.1, 0.4, 0.2}, new boolean[] {true, true, true, false});
        // first 1 then 0: pooled with the first too -> {0.1, 0.2} = 0.5, {0.3} = 1, {0.4} = 1 -> pooled {0.3, 0.4}
        assertThat(iso.x()).containsExactly(0.15000000000000002, 0.35);
        assertThat(iso.y()).containsExactly(0.5, 1.0);
    }

    @Test
    void calibratedProbabilitiesMatchTheObservedRateOnHeldOutData() {
        // Raw probabilities from a deliberately overconfident model: the planted logit times 3.
        ChurnTable validation = SyntheticChurn.table(3000, 11);
        ChurnTable heldOut = SyntheticChurn.table(3000, 12);
        double[] pv = overconfident(validation);
        double[] ph = overconfident(heldOut);
        double observed = heldOut.churnRate();
        double rawMean = mean(ph);
        assertThat(Math.abs(rawMean - observed)).isGreaterThan(0.0); // the raw model is off in the tails
        for (Calibrators.Method method :
                new Calibrators.Method[] {Calibrators.Method.PLATT, Calibrators.Method.ISOTONIC}) {
            Calibration c = Calibrators.fit(method, pv, validation.churned());
            double[] calibrated = new double[ph.length];
            for (int i = 0; i < ph.length; i++) {
                calibrated[i] = c.apply(ph[i]);
            }
            assertThat(mean(calibrated)).as(method.name()).isCloseTo(observed, within(0.02));
            assertThat(ChurnMetrics.of(calibrated, heldOut.churned()).logLoss())
                    .as(method.name())
                    .isLessThan(ChurnMetrics.of(ph, heldOut.churned()).logLoss() - 0.05);
        }
        // Platt on a 3x overconfident logit recovers a slope near 1/3.
        assertThat(Calibrators.platt(pv, validation.churned()).a()).isCloseTo(1 / 3.0, within(0.05));
    }

    @Test
    void aCalibratedCandidateIsCalibratedOnTheTestRows() {
        ChurnTable train = SyntheticChurn.table(2000, 21);
        ChurnTable validation = SyntheticChurn.table(1500, 22);
        ChurnTable test = SyntheticChurn.table(1500, 23);
        ChurnExperiment run = ChurnExperiment.run(
                "synthetic",
                train,
                validation,
                test,
                ChurnCandidates.baseline(42),
                ChurnCandidates.of(ChurnCandidates.ALL, 42),
                Calibrators.Method.ISOTONIC,
                new RiskTiers(40, 70),
                s -> {});
        for (ChurnExperiment.Row row : run.rows()) {
            double meanPredicted = 0;
            int n = 0;
            for (ChurnReport.CalibrationBin bin : row.test().calibration()) {
                meanPredicted += bin.customers() * (bin.customers() == 0 ? 0 : bin.meanPredicted());
                n += bin.customers();
            }
            assertThat(n).isEqualTo(1500);
            assertThat(meanPredicted / n).as(row.model()).isCloseTo(test.churnRate(), within(0.03));
        }
        ChurnScorer winner = run.winnerModel();
        assertThat(winner.tiers()).isEqualTo(new RiskTiers(40, 70));
        assertThat(run.rows().get(0).model()).isEqualTo("rfm-baseline");
        assertThat(run.markdown()).contains("| lift |").contains("(winner)");
    }

    private static double[] overconfident(ChurnTable t) {
        double[] p = new double[t.size()];
        for (int i = 0; i < p.length; i++) {
            double q = SyntheticChurn.truth(t.x()[i][0], t.x()[i][1]);
            p[i] = 1 / (1 + Math.exp(-3 * Math.log(q / (1 - q))));
        }
        return p;
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }
}
