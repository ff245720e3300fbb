package dev.affinity.training.churn;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.affinity.models.churn.Calibration;
import dev.affinity.models.churn.ChurnScorer;
import dev.affinity.models.churn.RiskTiers;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One churn run: the baseline and every candidate trained on the same rows, compared on the same
 * validation rows, each calibrated on validation only, and reported on the test rows. The winner is
 * the candidate with the lowest raw validation log loss (ties: higher validation PR-AUC).
 *
 * @param protocol how the rows were chosen, in words
 * @param features the features used (constant columns of the training rows dropped)
 * @param trainRows training rows, with {@code trainChurnRate}
 * @param validationRows validation rows
 * @param testRows test rows
 * @param trainChurnRate share of training rows that churned
 * @param calibration the calibration method
 * @param tiers the risk tiers
 * @param rows the baseline first (when there is one), then the candidates in the order given
 * @param winner the winning candidate's name
 * @param winnerBeatsBaseline whether the winner's validation log loss and ROC-AUC are both better
 *     than the baseline's (the condition to publish it); true when there is no baseline
 * @param winnerModel the winner, calibrated, with the tiers
 * @param winnerTrainer the trainer of the winner
 */
public record ChurnExperiment(
        String protocol,
        List<String> features,
        int trainRows,
        int validationRows,
        int testRows,
        double trainChurnRate,
        Calibrators.Method calibration,
        RiskTiers tiers,
        List<Row> rows,
        String winner,
        boolean winnerBeatsBaseline,
        @JsonIgnore ChurnScorer winnerModel,
        @JsonIgnore ChurnTrainer winnerTrainer) {

    /**
     * One model's figures.
     *
     * @param model the trainer's name
     * @param baseline whether this is the RFM baseline
     * @param hyperparameters its exact settings
     * @param trainSeconds wall time of training
     * @param profilesPerSecond scoring throughput, one thread, through {@link ChurnScorer#score}
     * @param validation raw probabilities on the validation rows (used to choose the winner)
     * @param calibration the calibration fitted on the validation rows
     * @param test the calibrated probabilities on the test rows
     */
    public record Row(
            String model,
            boolean baseline,
            Map<String, Object> hyperparameters,
            double trainSeconds,
            double profilesPerSecond,
            ChurnMetrics validation,
            Calibration calibration,
            ChurnReport test) {}

    /**
     * Runs the baseline and the candidates.
     *
     * @param train training rows
     * @param validation validation rows (model choice and calibration)
     * @param test test rows, never seen before the report
     * @param baseline the baseline to beat, or {@code null} when the table lacks its columns
     */
    public static ChurnExperiment run(
            String protocol,
            ChurnTable train,
            ChurnTable validation,
            ChurnTable test,
            ChurnTrainer baseline,
            List<ChurnTrainer> candidates,
            Calibrators.Method method,
            RiskTiers tiers,
            Consumer<String> progress) {
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException("at least one churn candidate is needed");
        }
        for (ChurnTable t : List.of(train, validation, test)) {
            if (t.size() == 0) {
                throw new IllegalArgumentException("a split is empty: train " + train.size() + ", validation "
                        + validation.size() + ", test " + test.size() + " rows");
            }
        }
        List<String> features = train.informativeFeatures();
        if (features.isEmpty()) {
            throw new IllegalArgumentException("no feature varies in the training rows");
        }
        ChurnTable tr = train.columns(features);
        ChurnTable va = validation.columns(features);
        ChurnTable te = test.columns(features);
        List<Row> rows = new ArrayList<>();
        List<ChurnScorer> models = new ArrayList<>();
        List<ChurnTrainer> trainers = new ArrayList<>();
        if (baseline != null) {
            trainers.add(baseline);
        }
        trainers.addAll(candidates);
        for (ChurnTrainer trainer : trainers) {
            progress.accept("training " + trainer.name());
            // The baseline picks its own columns, even one constant in training.
            ChurnTable trainRows = trainer == baseline ? train : tr;
            ChurnTable validationRows = trainer == baseline ? validation : va;
            ChurnTable testRows = trainer == baseline ? test : te;
            long start = System.nanoTime();
            ChurnScorer raw = trainer.train(trainRows);
            double seconds = (System.nanoTime() - start) / 1e9;
            double[] pv = ChurnModels.probabilities(raw, validationRows);
            ChurnMetrics validated = ChurnMetrics.of(pv, va.churned());
            Calibration calibration = Calibrators.fit(method, pv, va.churned());
            ChurnScorer model = ChurnModels.with(raw, calibration, tiers);
            ChurnReport report = ChurnReport.of(ChurnModels.probabilities(model, testRows), testRows.churned(), tiers);
            progress.accept("measuring the scoring speed of " + trainer.name());
            double speed = ChurnModels.throughput(model, testRows);
            rows.add(new Row(
                    trainer.name(),
                    trainer == baseline,
                    trainer.hyperparameters(),
                    seconds,
                    speed,
                    validated,
                    calibration,
                    report));
            models.add(model);
        }
        int first = baseline == null ? 0 : 1;
        int best = first;
        Comparator<Row> order = Comparator.comparingDouble(
                        (Row r) -> r.validation().logLoss())
                .thenComparing(
                        Comparator.comparingDouble((Row r) -> r.validation().prAuc())
                                .reversed());
        for (int i = first + 1; i < rows.size(); i++) {
            if (order.compare(rows.get(i), rows.get(best)) < 0) {
                best = i;
            }
        }
        Row w = rows.get(best);
        Row b = baseline == null ? null : rows.get(0);
        boolean beats = b == null
                || (w.validation().logLoss() < b.validation().logLoss()
                        && w.validation().rocAuc() > b.validation().rocAuc());
        return new ChurnExperiment(
                protocol,
                features,
                tr.size(),
                va.size(),
                te.size(),
                tr.churnRate(),
                method,
                tiers,
                rows,
                w.model(),
                beats,
                models.get(best),
                trainers.get(best));
    }

    /** The row of model {@code name}. */
    public Row row(String name) {
        return rows.stream()
                .filter(r -> r.model().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no model " + name));
    }

    /** A markdown report: the leaderboard, then per model its lift, gains, calibration and confusion. */
    public String markdown() {
        StringBuilder out = new StringBuilder(protocol).append("\n\n");
        out.append(String.format(
                Locale.ROOT,
                "rows: train %d (churn %.1f%%), validation %d, test %d (churn %.1f%%); calibration %s on validation;"
                        + " tiers: medium from %d, high above %d%n%n",
                trainRows,
                100 * trainChurnRate,
                validationRows,
                testRows,
                100 * rows.get(0).test().metrics().baseRate(),
                calibration.name().toLowerCase(Locale.ROOT),
                tiers.mediumFrom(),
                tiers.highAbove()));
        out.append("| model | validation log loss | validation ROC-AUC | test ROC-AUC | test PR-AUC | test log loss |"
                + " test Brier | train s | profiles/s |\n|---|---|---|---|---|---|---|---|---|\n");
        for (Row r : rows) {
            ChurnMetrics t = r.test().metrics();
            out.append(String.format(
                    Locale.ROOT,
                    "| %s%s | %.4f | %.4f | %.4f | %.4f | %.4f | %.4f | %.2f | %,.0f |%n",
                    r.model(),
                    r.model().equals(winner) ? " (winner)" : "",
                    r.validation().logLoss(),
                    r.validation().rocAuc(),
                    t.rocAuc(),
                    t.prAuc(),
                    t.logLoss(),
                    t.brier(),
                    r.trainSeconds(),
                    r.profilesPerSecond()));
        }
        out.append('\n');
        for (Row r : rows) {
            out.append("### ").append(r.model()).append("\n\n");
            out.append(
                    "| decile | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 |\n|---|---|---|---|---|---|---|---|---|---|---|\n");
            StringBuilder lift = new StringBuilder("| lift |");
            StringBuilder gain = new StringBuilder("| cumulative gain |");
            for (ChurnReport.Decile d : r.test().deciles()) {
                lift.append(String.format(Locale.ROOT, " %.2f |", d.lift()));
                gain.append(String.format(Locale.ROOT, " %.2f |", d.cumulativeGain()));
            }
            out.append(lift).append('\n').append(gain).append("\n\n");
            out.append("| predicted bin | customers | mean predicted | observed |\n|---|---|---|---|\n");
            for (ChurnReport.CalibrationBin bin : r.test().calibration()) {
                if (bin.customers() > 0) {
                    out.append(String.format(
                            Locale.ROOT,
                            "| %.1f-%.1f | %d | %.3f | %.3f |%n",
                            bin.from(),
                            bin.to(),
                            bin.customers(),
                            bin.meanPredicted(),
                            bin.observedRate()));
                }
            }
            out.append(
                    "\n| flagged when score >= | TP | FP | TN | FN | precision | recall |\n|---|---|---|---|---|---|---|\n");
            for (ChurnReport.Confusion c : r.test().confusion()) {
                out.append(String.format(
                        Locale.ROOT,
                        "| %d | %d | %d | %d | %d | %.3f | %.3f |%n",
                        c.threshold(),
                        c.truePositives(),
                        c.falsePositives(),
                        c.trueNegatives(),
                        c.falseNegatives(),
                        c.precision(),
                        c.recall()));
            }
            out.append('\n');
        }
        return out.toString();
    }
}
