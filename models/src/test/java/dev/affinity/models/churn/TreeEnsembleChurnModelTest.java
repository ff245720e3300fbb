package dev.affinity.models.churn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.affinity.models.artifact.ArtifactWriter;
import dev.affinity.models.artifact.ModelArtifact;
import dev.affinity.models.artifact.ModelType;
import dev.affinity.models.artifact.Provenance;
import dev.affinity.models.registry.ModelRegistry;
import dev.affinity.models.registry.ModelVersion;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two hand-made trees over recency_days (fill 30) and frequency (fill 5), base -0.2:
 *
 * <pre>
 * tree A (value 0.1): recency_days <= 60 ? -0.5 : 1.0
 * tree B (value -0.1): frequency <= 2 ? (value 0.4: recency_days <= 10 ? 0.2 : 0.6) : -0.3
 *
 * recency 90, frequency 1: logit -0.2 + 1.0 + 0.6 = 1.4, p = 0.8021838885585817 -> 80 HIGH;
 *   recency_days 0.9 (A) + 0.2 (B) = 1.1, frequency 0.4 - (-0.1) = 0.5; base + roots + 1.6 = 1.4
 * recency 5, frequency missing (-> 5): logit -0.2 - 0.5 - 0.3 = -1.0, p = 0.2689414213699951 -> 27 LOW;
 *   recency_days -0.6, frequency -0.2
 * recency 60, frequency 3: x <= 60 goes left (-0.5), but x < 60 in float goes right (1.0)
 * </pre>
 */
class TreeEnsembleChurnModelTest {
    static final TreeEnsembleChurnModel.Tree A = new TreeEnsembleChurnModel.Tree(
            new int[] {0, -1, -1}, new double[] {60, 0, 0}, new int[] {1, -1, -1}, new int[] {2, -1, -1}, new double[] {
                0.1, -0.5, 1.0
            });
    static final TreeEnsembleChurnModel.Tree B = new TreeEnsembleChurnModel.Tree(
            new int[] {1, 0, -1, -1, -1},
            new double[] {2, 10, 0, 0, 0},
            new int[] {1, 2, -1, -1, -1},
            new int[] {4, 3, -1, -1, -1},
            new double[] {-0.1, 0.4, 0.2, 0.6, -0.3});

    @TempDir
    Path dir;

    static TreeEnsembleChurnModel model(TreeEnsembleChurnModel.SplitRule rule, Calibration calibration) {
        return new TreeEnsembleChurnModel(
                new TreeEnsembleChurnModel.Parameters(
                        List.of("recency_days", "frequency"),
                        new double[] {30, 5},
                        -0.2,
                        rule,
                        List.of(A, B),
                        calibration),
                RiskTiers.DEFAULT);
    }

    @Test
    void scoresAndAttributesAlongThePathByHand() {
        TreeEnsembleChurnModel model = model(TreeEnsembleChurnModel.SplitRule.LESS_OR_EQUAL, null);
        ChurnScore high = model.score(Map.of("recency_days", 90.0, "frequency", 1.0));
        assertThat(high.probability()).isCloseTo(0.8021838885585817, within(1e-12));
        assertThat(high.score()).isEqualTo(80);
        assertThat(high.tier()).isEqualTo(RiskTier.HIGH);
        assertThat(high.topReasons()).extracting(Contribution::feature).containsExactly("recency_days", "frequency");
        assertThat(high.topReasons().get(0).effect()).isCloseTo(1.1, within(1e-12));
        assertThat(high.topReasons().get(1).effect()).isCloseTo(0.5, within(1e-12));
        assertThat(model.logit(new double[] {90, 1})).isCloseTo(1.4, within(1e-12));

        Map<String, Double> missing = new HashMap<>();
        missing.put("recency_days", 5.0);
        missing.put("frequency", Double.NaN);
        ChurnScore low = model.score(missing);
        assertThat(low.probability()).isCloseTo(0.2689414213699951, within(1e-12));
        assertThat(low.tier()).isEqualTo(RiskTier.LOW);
        assertThat(low.topReasons()).extracting(Contribution::feature).containsExactly("recency_days", "frequency");
        assertThat(low.topReasons().get(0).effect()).isCloseTo(-0.6, within(1e-12));
        assertThat(low.topReasons().get(1).value()).isNaN();
        assertThat(low.topReasons()).noneMatch(Contribution::raisesChurn);
        assertThat(model.score(Map.of("recency_days", 5.0))).isEqualTo(low);
    }

    @Test
    void theSplitRuleDecidesTies() {
        Map<String, Double> tie = Map.of("recency_days", 60.0, "frequency", 3.0);
        assertThat(model(TreeEnsembleChurnModel.SplitRule.LESS_OR_EQUAL, null).logit(new double[] {60, 3}))
                .isCloseTo(-0.2 - 0.5 - 0.3, within(1e-12));
        assertThat(model(TreeEnsembleChurnModel.SplitRule.LESS_THAN_FLOAT, null)
                        .score(tie)
                        .probability())
                .isCloseTo(LogisticChurnModel.sigmoid(-0.2 + 1.0 - 0.3), within(1e-12));
    }

    @Test
    void badTreesAreRefused() {
        assertThatThrownBy(() -> new TreeEnsembleChurnModel.Tree(
                        new int[] {0, -1}, new double[] {1, 0}, new int[] {0, -1}, new int[] {1, -1}, new double[] {0, 0
                        }))
                .hasMessageContaining("tree node 0");
        assertThatThrownBy(() -> new TreeEnsembleChurnModel.Parameters(
                        List.of("recency_days"),
                        new double[] {1},
                        0,
                        TreeEnsembleChurnModel.SplitRule.LESS_OR_EQUAL,
                        List.of(B),
                        null))
                .hasMessageContaining("splits on feature 1");
    }

    @Test
    void saveLoadThroughTheRegistryGivesIdenticalScores() {
        TreeEnsembleChurnModel model = model(
                        TreeEnsembleChurnModel.SplitRule.LESS_THAN_FLOAT, new Calibration.Platt(0.9, 0.1))
                .with(new Calibration.Platt(0.9, 0.1), new RiskTiers(40, 70));
        ModelRegistry registry = new ModelRegistry(dir);
        ModelVersion v = registry.publish(
                "churn",
                d -> {
                    ArtifactWriter writer = ArtifactWriter.create(d);
                    model.writeTo(writer);
                    return writer.finish(
                            "churn",
                            ModelType.CHURN_TREES,
                            model.hyperparameters(Map.of()),
                            model.featureSchema(),
                            Map.of(),
                            Provenance.here("test", "none", null, 1));
                },
                true);
        ChurnScorer loaded = ChurnArtifacts.read(ModelArtifact.open(v.dir()));
        assertThat(loaded).isInstanceOf(TreeEnsembleChurnModel.class);
        assertThat(loaded.tiers()).isEqualTo(new RiskTiers(40, 70));
        for (double recency : new double[] {0, 10, 12.5, 60, 90, 365}) {
            for (double frequency : new double[] {1, 2, 3, 8}) {
                Map<String, Double> p = Map.of("recency_days", recency, "frequency", frequency);
                assertThat(loaded.score(p)).isEqualTo(model.score(p));
            }
        }
    }

    @Test
    void theGoldenArtifactKeepsLoadingAndScoring() throws Exception {
        Path golden = Path.of(getClass()
                        .getResource("/golden/churn_trees/manifest.json")
                        .toURI())
                .getParent();
        ModelArtifact artifact = ModelArtifact.open(golden);
        assertThat(artifact.manifest().type()).isEqualTo(ModelType.CHURN_TREES);
        ChurnScorer model = ChurnArtifacts.read(artifact);
        // The trees above, LESS_OR_EQUAL, isotonic (0.1, 0.05), (0.5, 0.4), (0.9, 0.95):
        // 0.8021838885585817 -> 0.4 + 0.3021838885585817 / 0.4 * 0.55 = 0.8155028467680498.
        ChurnScore score = model.score(Map.of("recency_days", 90.0, "frequency", 1.0));
        assertThat(score.probability()).isCloseTo(0.8155028467680498, within(1e-12));
        assertThat(score.tier()).isEqualTo(RiskTier.HIGH);
        assertThat(score.topReasons().get(0).feature()).isEqualTo("recency_days");
    }
}
