package dev.affinity.training.churn;

import dev.affinity.models.artifact.ArtifactManifest;
import dev.affinity.models.artifact.ArtifactWriter;
import dev.affinity.models.artifact.ModelType;
import dev.affinity.models.artifact.Provenance;
import dev.affinity.models.churn.ChurnScorer;
import dev.affinity.models.churn.LogisticChurnModel;
import dev.affinity.models.churn.TreeEnsembleChurnModel;
import dev.affinity.models.registry.ModelRegistry;
import dev.affinity.models.registry.ModelVersion;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Publishes a churn model to the registry with its validation and test metrics, the baseline's, and
 * its provenance. The artifact type follows the model: {@code CHURN_LOGISTIC} or {@code CHURN_TREES}.
 */
public final class ChurnPublisher {
    private final ModelRegistry registry;

    /** A publisher into {@code registry}. */
    public ChurnPublisher(ModelRegistry registry) {
        this.registry = registry;
    }

    /**
     * Publishes the winner of {@code run} as model {@code name}.
     *
     * @throws IllegalStateException when the winner does not beat the baseline
     */
    public ModelVersion publishWinner(
            String name, ChurnExperiment run, String dataFingerprint, LocalDate cutoff, long seed, boolean promote) {
        if (!run.winnerBeatsBaseline()) {
            throw new IllegalStateException("the best candidate, " + run.winner()
                    + ", does not beat the RFM baseline on validation (log loss and ROC-AUC): nothing published");
        }
        ChurnExperiment.Row row = run.row(run.winner());
        Map<String, Map<String, Double>> metrics = new LinkedHashMap<>();
        metrics.put("validation", metrics(row.validation()));
        metrics.put("test", metrics(row.test().metrics()));
        run.rows().stream()
                .filter(ChurnExperiment.Row::baseline)
                .findFirst()
                .ifPresent(b -> metrics.put("baseline_test", metrics(b.test().metrics())));
        metrics.put(
                "train",
                Map.of(
                        "rows", (double) run.trainRows(),
                        "churn_rate", run.trainChurnRate(),
                        "seconds", row.trainSeconds()));
        Map<String, Object> settings = new LinkedHashMap<>(row.hyperparameters());
        settings.put("candidate", run.winner());
        settings.put("calibration", run.calibration().name().toLowerCase(java.util.Locale.ROOT));
        settings.put("protocol", run.protocol());
        Provenance provenance =
                Provenance.here(run.winnerTrainer().getClass().getSimpleName(), dataFingerprint, cutoff, seed);
        return publish(name, run.winnerModel(), settings, metrics, provenance, promote);
    }

    /** Publishes any churn model the trainers produce. */
    public ModelVersion publish(
            String name,
            ChurnScorer model,
            Map<String, Object> settings,
            Map<String, Map<String, Double>> metrics,
            Provenance provenance,
            boolean promote) {
        return registry.publish(
                name,
                dir -> {
                    ArtifactWriter writer = ArtifactWriter.create(dir);
                    return write(writer, name, model, settings, metrics, provenance);
                },
                promote);
    }

    private static ArtifactManifest write(
            ArtifactWriter writer,
            String name,
            ChurnScorer model,
            Map<String, Object> settings,
            Map<String, Map<String, Double>> metrics,
            Provenance provenance) {
        if (model instanceof LogisticChurnModel m) {
            m.writeTo(writer);
            return writer.finish(
                    name,
                    ModelType.CHURN_LOGISTIC,
                    m.hyperparameters(settings),
                    m.featureSchema(),
                    metrics,
                    provenance);
        }
        if (model instanceof TreeEnsembleChurnModel m) {
            m.writeTo(writer);
            return writer.finish(
                    name, ModelType.CHURN_TREES, m.hyperparameters(settings), m.featureSchema(), metrics, provenance);
        }
        throw new IllegalArgumentException(
                "cannot publish a " + model.getClass().getSimpleName());
    }

    private static Map<String, Double> metrics(ChurnMetrics m) {
        Map<String, Double> out = new LinkedHashMap<>();
        out.put("roc_auc", m.rocAuc());
        out.put("pr_auc", m.prAuc());
        out.put("log_loss", m.logLoss());
        out.put("brier", m.brier());
        out.put("base_rate", m.baseRate());
        out.put("customers", (double) m.customers());
        return out;
    }
}
