package dev.affinity.models.churn;

import com.fasterxml.jackson.databind.JsonNode;
import dev.affinity.models.artifact.ArtifactJson;
import dev.affinity.models.artifact.ArtifactWriter;
import dev.affinity.models.artifact.ModelArtifact;
import dev.affinity.models.artifact.ModelType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Logistic regression on standardized profile fields: {@code p = calibration(sigmoid(intercept +
 * sum_j coefficient_j * (x_j - mean_j) / scale_j))}. A missing value is imputed with the mean, so it
 * contributes nothing. Each feature's effect on the log-odds, {@code coefficient_j * z_j}, is its
 * explanation. Stored as {@code churn.json}; the risk tiers live in the manifest's
 * hyperparameters under {@code riskTiers}.
 */
public final class LogisticChurnModel implements ChurnScorer {
    /** The payload holding the parameters. */
    public static final String PAYLOAD = "churn.json";

    private final Parameters parameters;
    private final RiskTiers tiers;

    /** A model with these parameters and tiers. */
    public LogisticChurnModel(Parameters parameters, RiskTiers tiers) {
        this.parameters = Objects.requireNonNull(parameters, "parameters");
        this.tiers = Objects.requireNonNull(tiers, "tiers");
    }

    /**
     * The fitted parameters, one array entry per feature.
     *
     * @param features profile field names
     * @param means training means, used to centre and to impute missing values
     * @param scales training standard deviations (positive)
     * @param coefficients weights on the standardized values
     * @param intercept the bias in log-odds
     * @param calibration applied to the raw probability
     */
    public record Parameters(
            List<String> features,
            double[] means,
            double[] scales,
            double[] coefficients,
            double intercept,
            Calibration calibration) {
        /** Checks that every array has one finite entry per feature and scales are positive. */
        public Parameters {
            features = List.copyOf(features);
            int n = features.size();
            if (means.length != n || scales.length != n || coefficients.length != n) {
                throw new IllegalArgumentException("logistic churn model: " + n + " features but " + means.length
                        + " means, " + scales.length + " scales, " + coefficients.length + " coefficients");
            }
            for (int j = 0; j < n; j++) {
                if (!(scales[j] > 0) || !Double.isFinite(means[j]) || !Double.isFinite(coefficients[j])) {
                    throw new IllegalArgumentException(
                            "feature " + features.get(j) + ": scale must be positive and mean and coefficient finite");
                }
            }
            if (!Double.isFinite(intercept)) {
                throw new IllegalArgumentException("intercept must be finite");
            }
            means = means.clone();
            scales = scales.clone();
            coefficients = coefficients.clone();
            calibration = calibration == null ? new Calibration.None() : calibration;
        }

        @Override
        public double[] means() {
            return means.clone();
        }

        @Override
        public double[] scales() {
            return scales.clone();
        }

        @Override
        public double[] coefficients() {
            return coefficients.clone();
        }
    }

    /** The parameters. */
    public Parameters parameters() {
        return parameters;
    }

    /** The same coefficients with another calibration and tiers. */
    public LogisticChurnModel with(Calibration calibration, RiskTiers tiers) {
        Parameters p = parameters;
        return new LogisticChurnModel(
                new Parameters(p.features(), p.means, p.scales, p.coefficients, p.intercept(), calibration), tiers);
    }

    @Override
    public List<String> features() {
        return parameters.features();
    }

    @Override
    public RiskTiers tiers() {
        return tiers;
    }

    @Override
    public ChurnScore score(Map<String, Double> profile, int reasons) {
        int n = parameters.features().size();
        double logit = parameters.intercept();
        List<Contribution> contributions = new ArrayList<>(n);
        for (int j = 0; j < n; j++) {
            String feature = parameters.features().get(j);
            Double raw = profile.get(feature);
            double value = raw == null ? Double.NaN : raw;
            double z = Double.isFinite(value) ? (value - parameters.means[j]) / parameters.scales[j] : 0;
            double effect = parameters.coefficients[j] * z;
            logit += effect;
            contributions.add(new Contribution(feature, value, effect));
        }
        double p = parameters.calibration().apply(sigmoid(logit));
        int score = (int) Math.round(100 * p);
        List<Contribution> top = contributions.stream()
                .filter(c -> c.effect() != 0)
                .sorted(Comparator.comparingDouble((Contribution c) -> -Math.abs(c.effect()))
                        .thenComparing(Contribution::feature))
                .limit(Math.max(0, reasons))
                .toList();
        return new ChurnScore(p, score, tiers.tierOf(score), top);
    }

    static double sigmoid(double x) {
        return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
    }

    /** Writes the payload; the caller finishes the artifact with {@link #hyperparameters} and {@link #featureSchema}. */
    public void writeTo(ArtifactWriter writer) {
        writer.json(PAYLOAD, parameters);
    }

    /** The manifest hyperparameters: the risk tiers, plus any trainer settings in {@code extra}. */
    public JsonNode hyperparameters(Map<String, ?> extra) {
        var node = ArtifactJson.MAPPER.createObjectNode();
        node.set("riskTiers", ArtifactJson.MAPPER.valueToTree(tiers));
        extra.forEach((k, v) -> node.set(k, ArtifactJson.MAPPER.valueToTree(v)));
        return node;
    }

    /** The manifest feature schema: the profile fields read, in order. */
    public JsonNode featureSchema() {
        var node = ArtifactJson.MAPPER.createObjectNode();
        node.set("features", ArtifactJson.MAPPER.valueToTree(parameters.features()));
        return node;
    }

    /** Reads a verified CHURN_LOGISTIC artifact. */
    public static LogisticChurnModel readFrom(ModelArtifact artifact) {
        artifact.requireType(ModelType.CHURN_LOGISTIC);
        Parameters parameters = artifact.json(PAYLOAD, Parameters.class);
        return new LogisticChurnModel(parameters, ChurnArtifacts.riskTiers(artifact));
    }
}
