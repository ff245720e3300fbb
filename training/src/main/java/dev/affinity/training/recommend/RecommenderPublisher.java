package dev.affinity.training.recommend;

import dev.affinity.models.artifact.ArtifactJson;
import dev.affinity.models.artifact.ArtifactWriter;
import dev.affinity.models.artifact.Provenance;
import dev.affinity.models.recommend.RecommenderModel;
import dev.affinity.models.registry.ModelRegistry;
import dev.affinity.models.registry.ModelVersion;
import dev.affinity.training.evaluation.RankingMetrics;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/** Publishes trained recommenders to the registry as {@code recommender-<trainer>}, with metrics and provenance. */
public final class RecommenderPublisher {
    private final ModelRegistry registry;

    /** A publisher into {@code registry}. */
    public RecommenderPublisher(ModelRegistry registry) {
        this.registry = registry;
    }

    /** The registry name of a trainer's models. */
    public static String modelName(RecommenderTrainer trainer) {
        return "recommender-" + trainer.name();
    }

    /**
     * Publishes {@code model}.
     *
     * @param validation metrics on a validation split, or {@code null} when none was run
     * @param dataFingerprint the training data snapshot's fingerprint
     * @param asOf the data cutoff, or {@code null}
     * @param promote whether the new version becomes current
     */
    public ModelVersion publish(
            RecommenderTrainer trainer,
            RecommenderModel model,
            TrainingData data,
            RankingMetrics validation,
            String dataFingerprint,
            LocalDate asOf,
            long seed,
            boolean promote) {
        return publish(modelName(trainer), trainer, model, data, validation, dataFingerprint, asOf, seed, promote);
    }

    /**
     * Publishes {@code model} under another registry name, such as the pipeline's {@code recommender}
     * slot; the manifest's hyperparameters record the trainer.
     */
    public ModelVersion publish(
            String name,
            RecommenderTrainer trainer,
            RecommenderModel model,
            TrainingData data,
            RankingMetrics validation,
            String dataFingerprint,
            LocalDate asOf,
            long seed,
            boolean promote) {
        Map<String, Map<String, Double>> metrics = new LinkedHashMap<>();
        metrics.put(
                "train",
                Map.of(
                        "users", (double) data.users().size(),
                        "items", (double) data.items().size(),
                        "interactions", (double) data.interactions().nnz()));
        if (validation != null) {
            Map<String, Double> v = new LinkedHashMap<>();
            int k = validation.k();
            v.put("recall_at_" + k, validation.recall());
            v.put("ndcg_at_" + k, validation.ndcg());
            v.put("precision_at_" + k, validation.precision());
            v.put("map_at_" + k, validation.map());
            v.put("hit_rate_at_" + k, validation.hitRate());
            v.put("mrr_at_" + k, validation.mrr());
            v.put("coverage_at_" + k, validation.coverage());
            v.put("users", (double) validation.users());
            metrics.put("validation", v);
        }
        var schema = ArtifactJson.MAPPER
                .createObjectNode()
                .put("users", data.users().size())
                .put("items", data.items().size())
                .put("asOf", asOf == null ? null : asOf.toString());
        return registry.publish(
                name,
                dir -> {
                    ArtifactWriter writer = ArtifactWriter.create(dir);
                    model.writeTo(writer);
                    return writer.finish(
                            name,
                            model.type(),
                            ArtifactJson.MAPPER.valueToTree(withTrainer(trainer)),
                            schema,
                            metrics,
                            Provenance.here(trainer.getClass().getSimpleName(), dataFingerprint, asOf, seed));
                },
                promote);
    }

    private static Map<String, Object> withTrainer(RecommenderTrainer trainer) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("trainer", trainer.name());
        settings.putAll(trainer.hyperparameters());
        return settings;
    }
}
