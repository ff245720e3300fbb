package dev.affinity.training.pipeline;

import dev.affinity.features.warehouse.Warehouse;
import dev.affinity.models.churn.RiskTiers;
import dev.affinity.models.registry.ModelRegistry;
import dev.affinity.models.registry.ModelVersion;
import dev.affinity.training.churn.Calibrators;
import dev.affinity.training.churn.ChurnCandidates;
import dev.affinity.training.churn.ChurnExperiment;
import dev.affinity.training.churn.ChurnProtocol;
import dev.affinity.training.churn.ChurnPublisher;
import dev.affinity.training.churn.ChurnTable;
import dev.affinity.training.pipeline.PipelineResult.GateDecision;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Trains the churn candidates and the RFM baseline out of time: the test cutoff is the run's cutoff
 * minus the horizon and a day (the latest whose label window is complete), training cutoffs 6 and 3
 * months before it. The winner is published into the {@code churn} slot when it beats the baseline and the
 * current model's recorded test ROC-AUC by the margin.
 */
final class ChurnStep {
    private final Warehouse warehouse;
    private final ModelRegistry registry;
    private final PipelineConfig config;
    private final Consumer<String> log;

    /**
     * What the step found.
     *
     * @param experiment every candidate and the baseline, or {@code null} when the warehouse has too
     *     little history for the protocol
     * @param decision the gate's decision
     */
    record Result(ChurnExperiment experiment, GateDecision decision) {}

    ChurnStep(Warehouse warehouse, ModelRegistry registry, PipelineConfig config, Consumer<String> log) {
        this.warehouse = warehouse;
        this.registry = registry;
        this.config = config;
        this.log = log;
    }

    Result run(LocalDate asOf, String fingerprint) {
        PipelineConfig.Churn c = config.churn();
        long seed = config.seed();
        // The window (test, test + horizon] must end by the last day before the run's cutoff.
        LocalDate test = asOf.minusDays(c.horizonDays() + 1L);
        List<LocalDate> cutoffs = List.of(test.minusMonths(6), test.minusMonths(3));
        ChurnTable[] tables;
        ChurnProtocol protocol;
        try {
            protocol = new ChurnProtocol(cutoffs, test, c.horizonDays(), 0.2, seed);
            tables = protocol.tables(warehouse);
        } catch (IllegalArgumentException e) {
            return new Result(
                    null,
                    new GateDecision(
                            "churn",
                            Pipeline.CHURN_SLOT,
                            "test_roc_auc",
                            Double.NaN,
                            null,
                            c.margin(),
                            false,
                            null,
                            "not trained: " + e.getMessage()));
        }
        ChurnExperiment run = ChurnExperiment.run(
                protocol.describe(),
                tables[0],
                tables[1],
                tables[2],
                ChurnCandidates.baseline(seed),
                ChurnCandidates.of(c.models(), seed),
                Calibrators.Method.PLATT,
                RiskTiers.DEFAULT,
                step -> log.accept("churn: " + step));
        double auc = run.row(run.winner()).test().metrics().rocAuc();
        Double current = currentAuc();
        if (!run.winnerBeatsBaseline()) {
            return new Result(
                    run,
                    new GateDecision(
                            "churn",
                            Pipeline.CHURN_SLOT,
                            "test_roc_auc",
                            auc,
                            current,
                            c.margin(),
                            false,
                            null,
                            "not promoted: the best candidate, " + run.winner()
                                    + ", does not beat the RFM baseline on validation"));
        }
        if (current != null && auc < current + c.margin()) {
            return new Result(
                    run,
                    new GateDecision(
                            "churn",
                            Pipeline.CHURN_SLOT,
                            "test_roc_auc",
                            auc,
                            current,
                            c.margin(),
                            false,
                            null,
                            String.format(
                                    Locale.ROOT,
                                    "not promoted: the best candidate, %s, has out-of-time ROC-AUC %.4f, not above the current model's %.4f by the margin %.4f",
                                    run.winner(),
                                    auc,
                                    current,
                                    c.margin())));
        }
        ModelVersion v =
                new ChurnPublisher(registry).publishWinner(Pipeline.CHURN_SLOT, run, fingerprint, test, seed, true);
        return new Result(
                run,
                new GateDecision(
                        "churn",
                        Pipeline.CHURN_SLOT,
                        "test_roc_auc",
                        auc,
                        current,
                        c.margin(),
                        true,
                        v.version(),
                        String.format(
                                Locale.ROOT,
                                "promoted %s %s (%s): out-of-time ROC-AUC %.4f%s",
                                v.name(),
                                v.version(),
                                run.winner(),
                                auc,
                                current == null
                                        ? ", no current model"
                                        : String.format(Locale.ROOT, " against the current model's %.4f", current))));
    }

    private Double currentAuc() {
        if (Pipeline.currentOf(registry, Pipeline.CHURN_SLOT).isEmpty()) {
            return null;
        }
        Map<String, Double> test =
                registry.openCurrent(Pipeline.CHURN_SLOT).manifest().metrics().get("test");
        return test == null ? null : test.get("roc_auc");
    }
}
