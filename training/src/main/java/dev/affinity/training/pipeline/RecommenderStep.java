package dev.affinity.training.pipeline;

import dev.affinity.features.interactions.InteractionMatrix;
import dev.affinity.features.interactions.InteractionWeights;
import dev.affinity.features.progress.Progress;
import dev.affinity.features.warehouse.Warehouse;
import dev.affinity.models.artifact.ArtifactManifest;
import dev.affinity.models.recommend.RecommenderModel;
import dev.affinity.models.registry.ModelRegistry;
import dev.affinity.models.registry.ModelVersion;
import dev.affinity.training.evaluation.EvaluationSplit;
import dev.affinity.training.evaluation.RankingMetrics;
import dev.affinity.training.pipeline.PipelineResult.GateDecision;
import dev.affinity.training.recommend.Candidates;
import dev.affinity.training.recommend.Leaderboard;
import dev.affinity.training.recommend.RecommenderPublisher;
import dev.affinity.training.recommend.RecommenderTrainer;
import dev.affinity.training.recommend.TrainingData;
import dev.affinity.training.recommend.WarehouseContext;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Trains every recommender candidate on the same seeded per-user split, picks the best by
 * validation NDCG@k, retrains it on all interactions and publishes it into the {@code recommender}
 * slot when it beats the current model's recorded validation NDCG@k by the margin.
 */
final class RecommenderStep {
    /** The cutoffs of the leaderboard's curves. */
    static final List<Integer> CURVE_KS = List.of(1, 5, 10, 20, 50);

    private final Warehouse warehouse;
    private final ModelRegistry registry;
    private final PipelineConfig config;
    private final Progress progress;
    private final Consumer<String> log;

    /**
     * What the step found.
     *
     * @param leaderboard every candidate at every K of {@link #CURVE_KS} and the configured k
     * @param decision the gate's decision about the winner
     */
    record Result(Leaderboard leaderboard, GateDecision decision) {}

    RecommenderStep(
            Warehouse warehouse,
            ModelRegistry registry,
            PipelineConfig config,
            Progress progress,
            Consumer<String> log) {
        this.warehouse = warehouse;
        this.registry = registry;
        this.config = config;
        this.progress = progress;
        this.log = log;
    }

    Result run(LocalDate asOf, String fingerprint) {
        PipelineConfig.Recommenders c = config.recommenders();
        long seed = config.seed();
        TrainingData data = TrainingData.of(InteractionMatrix.build(warehouse, asOf, InteractionWeights.DEFAULT));
        if (data.interactions().nnz() == 0) {
            throw new IllegalArgumentException("no interactions before " + asOf + " in " + warehouse.root());
        }
        List<RecommenderTrainer> trainers = Candidates.of(
                c.models(),
                seed,
                c.k(),
                step -> log.accept("recommenders: " + step),
                new WarehouseContext(warehouse, asOf));
        EvaluationSplit split = EvaluationSplit.randomPerUser(data.interactions(), c.validationRatio(), 2, seed);
        TreeSet<Integer> ks = new TreeSet<>(CURVE_KS);
        ks.add(c.k());
        String protocol = String.format(
                Locale.ROOT,
                "holdout: %.0f%% of each user's items (users with >= 2), seed %d, interactions before %s",
                100 * c.validationRatio(),
                seed,
                asOf);
        Leaderboard board = Leaderboard.run(
                protocol,
                data.with(split.train()),
                split,
                trainers,
                List.copyOf(ks),
                step -> log.accept("recommenders: " + step));
        int kIndex = List.copyOf(ks).indexOf(c.k());
        Leaderboard.Row best = board.rows().get(0);
        for (Leaderboard.Row row : board.rows()) {
            if (row.metrics().get(kIndex).ndcg() > best.metrics().get(kIndex).ndcg()) {
                best = row;
            }
        }
        RankingMetrics winner = best.metrics().get(kIndex);
        String metric = "ndcg_at_" + c.k();
        Double current = currentMetric(metric);
        String model = best.model();
        if (current != null && winner.ndcg() < current + c.margin()) {
            return new Result(
                    board,
                    new GateDecision(
                            "recommender",
                            Pipeline.RECOMMENDER_SLOT,
                            metric,
                            winner.ndcg(),
                            current,
                            c.margin(),
                            false,
                            null,
                            String.format(
                                    Locale.ROOT,
                                    "not promoted: the best candidate, %s, has validation NDCG@%d %.4f, not above the current"
                                            + " model's %.4f by the margin %.4f",
                                    model,
                                    c.k(),
                                    winner.ndcg(),
                                    current,
                                    c.margin())));
        }
        RecommenderTrainer trainer = trainers.stream()
                .filter(t -> t.name().equals(model))
                .findFirst()
                .orElseThrow();
        log.accept("recommenders: retraining " + model + " on all interactions");
        RecommenderModel full = trainer.train(data);
        ModelVersion v = new RecommenderPublisher(registry)
                .publish(Pipeline.RECOMMENDER_SLOT, trainer, full, data, winner, fingerprint, asOf, seed, true);
        String reason = current == null
                ? String.format(
                        Locale.ROOT,
                        "promoted %s %s (%s): validation NDCG@%d %.4f, no current model",
                        v.name(),
                        v.version(),
                        model,
                        c.k(),
                        winner.ndcg())
                : String.format(
                        Locale.ROOT,
                        "promoted %s %s (%s): validation NDCG@%d %.4f against the current model's %.4f (margin %.4f)",
                        v.name(),
                        v.version(),
                        model,
                        c.k(),
                        winner.ndcg(),
                        current,
                        c.margin());
        return new Result(
                board,
                new GateDecision(
                        "recommender",
                        Pipeline.RECOMMENDER_SLOT,
                        metric,
                        winner.ndcg(),
                        current,
                        c.margin(),
                        true,
                        v.version(),
                        reason));
    }

    /** The current slot model's recorded validation metric, or null when there is none. */
    private Double currentMetric(String metric) {
        if (Pipeline.currentOf(registry, Pipeline.RECOMMENDER_SLOT).isEmpty()) {
            return null;
        }
        ArtifactManifest m = registry.openCurrent(Pipeline.RECOMMENDER_SLOT).manifest();
        Map<String, Double> validation = m.metrics().get("validation");
        return validation == null ? null : validation.get(metric);
    }
}
