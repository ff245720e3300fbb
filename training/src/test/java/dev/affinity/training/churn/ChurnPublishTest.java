package dev.affinity.training.churn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.affinity.models.artifact.ModelArtifact;
import dev.affinity.models.artifact.ModelType;
import dev.affinity.models.artifact.Provenance;
import dev.affinity.models.churn.Calibration;
import dev.affinity.models.churn.ChurnArtifacts;
import dev.affinity.models.churn.ChurnScore;
import dev.affinity.models.churn.ChurnScorer;
import dev.affinity.models.churn.RiskTiers;
import dev.affinity.models.registry.ModelRegistry;
import dev.affinity.models.registry.ModelVersion;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every candidate: train, calibrate, publish through the registry, load with the models module only, same scores. */
class ChurnPublishTest {
    @TempDir
    Path dir;

    @Test
    void everyCandidateSavesAndLoadsWithIdenticalProbabilities() {
        ChurnTable train = SyntheticChurn.table(1500, 31);
        ChurnTable test = SyntheticChurn.table(300, 32);
        ModelRegistry registry = new ModelRegistry(dir);
        ChurnPublisher publisher = new ChurnPublisher(registry);
        Map<String, ModelType> types = Map.of(
                "logistic",
                ModelType.CHURN_LOGISTIC,
                "xgboost",
                ModelType.CHURN_TREES,
                "smile-gbt",
                ModelType.CHURN_TREES);
        for (ChurnTrainer trainer : ChurnCandidates.of(ChurnCandidates.ALL, 42)) {
            ChurnScorer model = ChurnModels.with(
                    trainer.train(train),
                    Calibrators.platt(ChurnModels.probabilities(trainer.train(train), test), test.churned()),
                    new RiskTiers(30, 60));
            ModelVersion v = publisher.publish(
                    "churn-" + trainer.name(),
                    model,
                    trainer.hyperparameters(),
                    Map.of("validation", Map.of("roc_auc", 0.8)),
                    Provenance.here(trainer.name(), "synthetic", null, 42),
                    false);
            ModelArtifact artifact = ModelArtifact.open(v.dir());
            assertThat(artifact.manifest().type()).as(trainer.name()).isEqualTo(types.get(trainer.name()));
            ChurnScorer loaded = ChurnArtifacts.read(artifact);
            assertThat(loaded.tiers()).isEqualTo(new RiskTiers(30, 60));
            assertThat(loaded.features()).isEqualTo(SyntheticChurn.FEATURES);
            for (int r = 0; r < test.size(); r++) {
                ChurnScore expected = model.score(test.profile(r), 4);
                assertThat(loaded.score(test.profile(r), 4))
                        .as(trainer.name() + " row " + r)
                        .isEqualTo(expected);
            }
            ChurnScore one = loaded.score(test.profile(0));
            assertThat(one.topReasons()).isNotEmpty().hasSizeLessThanOrEqualTo(3);
        }
    }

    @Test
    void aWinnerThatDoesNotBeatTheBaselineIsNotPublished() {
        ChurnTable train = SyntheticChurn.table(800, 41);
        ChurnTable validation = SyntheticChurn.table(400, 42);
        // A real logistic regression that sees only the noise column cannot beat the RFM baseline.
        ChurnTrainer noiseOnly = new ChurnTrainer() {
            final LogisticTrainer logistic = new LogisticTrainer(LogisticParameters.defaults(1));

            @Override
            public String name() {
                return "noise-only";
            }

            @Override
            public Map<String, Object> hyperparameters() {
                return logistic.hyperparameters();
            }

            @Override
            public ChurnScorer train(ChurnTable t) {
                return logistic.train(t.columns(List.of("noise")));
            }
        };
        ChurnExperiment run = ChurnExperiment.run(
                "noise",
                train,
                validation,
                validation,
                ChurnCandidates.baseline(1),
                List.of(noiseOnly),
                Calibrators.Method.NONE,
                RiskTiers.DEFAULT,
                s -> {});
        assertThat(run.winner()).isEqualTo("noise-only");
        assertThat(run.winnerBeatsBaseline()).isFalse();
        assertThatThrownBy(() ->
                        new ChurnPublisher(new ModelRegistry(dir)).publishWinner("churn", run, "x", null, 1, true))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("does not beat the RFM baseline");
        assertThat(new ModelRegistry(dir).names()).isEmpty();
        assertThat(run.row("noise-only").calibration()).isEqualTo(new Calibration.None());
    }
}
