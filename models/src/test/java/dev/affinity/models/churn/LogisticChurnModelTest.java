package dev.affinity.models.churn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.affinity.models.artifact.ArtifactWriter;
import dev.affinity.models.artifact.ModelArtifact;
import dev.affinity.models.artifact.ModelType;
import dev.affinity.models.artifact.Provenance;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hand-computed logistic scores. Features recency_days (mean 30, scale 10, coefficient 0.8) and
 * frequency (mean 5, scale 2, coefficient -0.5), intercept -0.2:
 *
 * <pre>
 * recency 50, frequency 3:  z = (2, -1), effects (1.6, 0.5), logit 1.9, p = 0.8698915256370021 -> 87 HIGH
 * recency 35, frequency 5:  z = (0.5, 0), logit 0.2, p = 0.549833997312478 -> 55 MEDIUM
 * recency 30, no frequency: z = (0, 0), logit -0.2, p = 0.45016600268752216 -> 45 LOW, no reasons
 * </pre>
 */
class LogisticChurnModelTest {
    static final LogisticChurnModel.Parameters PARAMETERS = new LogisticChurnModel.Parameters(
            List.of("recency_days", "frequency"),
            new double[] {30, 5},
            new double[] {10, 2},
            new double[] {0.8, -0.5},
            -0.2,
            null);

    @TempDir
    Path dir;

    static LogisticChurnModel model() {
        return new LogisticChurnModel(PARAMETERS, RiskTiers.DEFAULT);
    }

    @Test
    void scoresAndExplainsByHand() {
        ChurnScore high = model().score(Map.of("recency_days", 50.0, "frequency", 3.0));
        assertThat(high.probability()).isCloseTo(0.8698915256370021, within(1e-12));
        assertThat(high.score()).isEqualTo(87);
        assertThat(high.tier()).isEqualTo(RiskTier.HIGH);
        assertThat(high.topReasons()).extracting(Contribution::feature).containsExactly("recency_days", "frequency");
        assertThat(high.topReasons().get(0).effect()).isCloseTo(1.6, within(1e-12));
        assertThat(high.topReasons().get(1).effect()).isCloseTo(0.5, within(1e-12));
        assertThat(high.topReasons()).allMatch(Contribution::raisesChurn);

        ChurnScore medium = model().score(Map.of("recency_days", 35.0, "frequency", 5.0));
        assertThat(medium.score()).isEqualTo(55);
        assertThat(medium.tier()).isEqualTo(RiskTier.MEDIUM);
        assertThat(medium.topReasons()).extracting(Contribution::feature).containsExactly("recency_days");

        Map<String, Double> missing = new HashMap<>();
        missing.put("recency_days", 30.0);
        missing.put("frequency", Double.NaN);
        ChurnScore low = model().score(missing);
        assertThat(low.probability()).isCloseTo(0.45016600268752216, within(1e-12));
        assertThat(low.tier()).isEqualTo(RiskTier.LOW);
        assertThat(low.topReasons()).isEmpty();
        assertThat(model().score(Map.of("recency_days", 50.0, "frequency", 3.0), 1)
                        .topReasons())
                .hasSize(1);
    }

    @Test
    void tiersFollowTheThresholds() {
        RiskTiers t = RiskTiers.DEFAULT;
        assertThat(List.of(0, 49, 50, 75, 76, 100).stream().map(t::tierOf))
                .containsExactly(
                        RiskTier.LOW, RiskTier.LOW, RiskTier.MEDIUM, RiskTier.MEDIUM, RiskTier.HIGH, RiskTier.HIGH);
        assertThat(new RiskTiers(30, 60).tierOf(61)).isEqualTo(RiskTier.HIGH);
        assertThatThrownBy(() -> new RiskTiers(80, 70)).hasMessageContaining("mediumFrom <= highAbove");
    }

    @Test
    void calibrations() {
        Calibration.Isotonic iso =
                new Calibration.Isotonic(new double[] {0.1, 0.5, 0.9}, new double[] {0.05, 0.4, 0.95});
        assertThat(iso.apply(0.3)).isCloseTo(0.225, within(1e-12));
        assertThat(iso.apply(0.5)).isEqualTo(0.4);
        assertThat(iso.apply(0.01)).isEqualTo(0.05);
        assertThat(iso.apply(0.99)).isEqualTo(0.95);
        assertThat(new Calibration.Platt(1, 0).apply(0.7)).isCloseTo(0.7, within(1e-12));
        assertThat(new Calibration.Platt(2, 0).apply(0.5)).isCloseTo(0.5, within(1e-12));
        assertThatThrownBy(() -> new Calibration.Isotonic(new double[] {0.5, 0.4}, new double[] {0.1, 0.2}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void invalidParametersAreRefused() {
        assertThatThrownBy(() -> new LogisticChurnModel.Parameters(
                        List.of("a", "b"), new double[] {0}, new double[] {1, 1}, new double[] {1, 1}, 0, null))
                .hasMessageContaining("2 features but 1 means");
        assertThatThrownBy(() -> new LogisticChurnModel.Parameters(
                        List.of("a"), new double[] {0}, new double[] {0}, new double[] {1}, 0, null))
                .hasMessageContaining("feature a");
    }

    @Test
    void saveLoadGivesIdenticalScores() {
        LogisticChurnModel model = new LogisticChurnModel(
                new LogisticChurnModel.Parameters(
                        PARAMETERS.features(),
                        PARAMETERS.means(),
                        PARAMETERS.scales(),
                        PARAMETERS.coefficients(),
                        PARAMETERS.intercept(),
                        new Calibration.Platt(0.9, 0.1)),
                new RiskTiers(40, 70));
        ArtifactWriter writer = ArtifactWriter.create(dir.resolve("churn"));
        model.writeTo(writer);
        writer.finish(
                "churn",
                ModelType.CHURN_LOGISTIC,
                model.hyperparameters(Map.of()),
                model.featureSchema(),
                Map.of(),
                Provenance.here("test", "none", null, 1));
        LogisticChurnModel loaded = LogisticChurnModel.readFrom(ModelArtifact.open(dir.resolve("churn")));
        assertThat(loaded.tiers()).isEqualTo(new RiskTiers(40, 70));
        for (double recency : new double[] {0, 12.5, 30, 90, 365}) {
            for (double frequency : new double[] {1, 3, 8}) {
                Map<String, Double> p = Map.of("recency_days", recency, "frequency", frequency);
                assertThat(loaded.score(p)).isEqualTo(model.score(p));
            }
        }
    }

    @Test
    void theGoldenArtifactKeepsLoadingAndScoring() throws Exception {
        Path golden = Path.of(getClass()
                        .getResource("/golden/churn_logistic/manifest.json")
                        .toURI())
                .getParent();
        ModelArtifact artifact = ModelArtifact.open(golden);
        assertThat(artifact.manifest().type()).isEqualTo(ModelType.CHURN_LOGISTIC);
        assertThat(artifact.manifest().metric("validation", "roc_auc")).isEqualTo(0.75);
        LogisticChurnModel model = LogisticChurnModel.readFrom(artifact);
        // Isotonic points (0.1, 0.05), (0.5, 0.4), (0.9, 0.95): 0.8698915256370021 -> 0.908600847750878.
        ChurnScore score = model.score(Map.of("recency_days", 50.0, "frequency", 3.0));
        assertThat(score.probability()).isCloseTo(0.908600847750878, within(1e-12));
        assertThat(score.score()).isEqualTo(91);
        assertThat(score.tier()).isEqualTo(RiskTier.HIGH);
        assertThat(model.score(Map.of("recency_days", 30.0)).probability())
                .isCloseTo(0.35639525235158187, within(1e-12));
    }
}
