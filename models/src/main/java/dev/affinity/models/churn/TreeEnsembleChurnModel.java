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
 * Boosted decision trees exported from a training library (XGBoost, Smile) into a plain format:
 * {@code p = calibration(sigmoid(base + sum_t leaf_t(x)))}, every leaf value already in log-odds of
 * churn (shrinkage folded in). A missing value is replaced by the training mean before the trees are
 * walked, exactly as the trainer did before handing the data to the library, so this scorer
 * reproduces the library's probabilities.
 *
 * <p>Explanations are Saabas path attributions: every node stores the expected log-odds of the
 * training rows that reached it (its value), and each split on the path of a customer credits the
 * change of value from parent to child to the split's feature. The contributions of a customer plus
 * {@code base} plus the sum of the root values add up exactly to the logit. Unlike SHAP values they
 * depend on the order of the splits, which is the documented approximation. Stored as {@code
 * trees.json}; the risk tiers live in the manifest's hyperparameters under {@code riskTiers}.
 */
public final class TreeEnsembleChurnModel implements ChurnScorer {
    /** The payload holding the trees. */
    public static final String PAYLOAD = "trees.json";

    private final Parameters parameters;
    private final RiskTiers tiers;

    /** A model with these parameters and tiers. */
    public TreeEnsembleChurnModel(Parameters parameters, RiskTiers tiers) {
        this.parameters = Objects.requireNonNull(parameters, "parameters");
        this.tiers = Objects.requireNonNull(tiers, "tiers");
    }

    /** How a split compares a value with its threshold; a value that passes goes to the left child. */
    public enum SplitRule {
        /** {@code (float) x < (float) threshold}: XGBoost, which works in single precision. */
        LESS_THAN_FLOAT,
        /** {@code x <= threshold} in double precision: Smile. */
        LESS_OR_EQUAL
    }

    /**
     * One tree in flat arrays indexed by node, the root at 0. A node is a leaf when its feature is
     * -1; then its value is the leaf output.
     *
     * @param feature the index (into the model's features) a node splits on, or -1 for a leaf
     * @param threshold the split threshold (ignored for leaves)
     * @param left the child for values that pass the split rule (-1 for leaves)
     * @param right the other child (-1 for leaves)
     * @param value a leaf's output, or an inner node's expected output over its training rows, in
     *     log-odds
     */
    public record Tree(int[] feature, double[] threshold, int[] left, int[] right, double[] value) {
        /** Checks that the arrays agree and children point forward inside the tree. */
        public Tree {
            int n = feature.length;
            if (n == 0 || threshold.length != n || left.length != n || right.length != n || value.length != n) {
                throw new IllegalArgumentException("tree: feature, threshold, left, right and value need one entry per"
                        + " node (at least one node)");
            }
            for (int i = 0; i < n; i++) {
                if (!Double.isFinite(value[i])) {
                    throw new IllegalArgumentException("tree node " + i + ": value must be finite");
                }
                if (feature[i] >= 0 && (left[i] <= i || right[i] <= i || left[i] >= n || right[i] >= n)) {
                    throw new IllegalArgumentException("tree node " + i + ": children must follow it inside the tree");
                }
            }
            feature = feature.clone();
            threshold = threshold.clone();
            left = left.clone();
            right = right.clone();
            value = value.clone();
        }

        @Override
        public int[] feature() {
            return feature.clone();
        }

        @Override
        public double[] threshold() {
            return threshold.clone();
        }

        @Override
        public int[] left() {
            return left.clone();
        }

        @Override
        public int[] right() {
            return right.clone();
        }

        @Override
        public double[] value() {
            return value.clone();
        }
    }

    /**
     * The exported ensemble.
     *
     * @param features profile field names, in the order the trees index them
     * @param fill per feature, the value used when a profile lacks it (the training mean)
     * @param base the bias in log-odds
     * @param splitRule how splits compare
     * @param trees the trees, summed
     * @param calibration applied to the raw probability
     */
    public record Parameters(
            List<String> features,
            double[] fill,
            double base,
            SplitRule splitRule,
            List<Tree> trees,
            Calibration calibration) {
        /** Checks that every array has one entry per feature and every split names a feature. */
        public Parameters {
            features = List.copyOf(features);
            trees = List.copyOf(trees);
            Objects.requireNonNull(splitRule, "splitRule");
            if (fill.length != features.size()) {
                throw new IllegalArgumentException(
                        "tree ensemble: " + features.size() + " features but " + fill.length + " fill values");
            }
            for (int j = 0; j < fill.length; j++) {
                if (!Double.isFinite(fill[j])) {
                    throw new IllegalArgumentException("feature " + features.get(j) + ": fill value must be finite");
                }
            }
            if (!Double.isFinite(base)) {
                throw new IllegalArgumentException("base must be finite");
            }
            for (int t = 0; t < trees.size(); t++) {
                for (int f : trees.get(t).feature) {
                    if (f >= features.size()) {
                        throw new IllegalArgumentException("tree " + t + " splits on feature " + f + ", but there are "
                                + features.size() + " features");
                    }
                }
            }
            fill = fill.clone();
            calibration = calibration == null ? new Calibration.None() : calibration;
        }

        @Override
        public double[] fill() {
            return fill.clone();
        }
    }

    /** The parameters. */
    public Parameters parameters() {
        return parameters;
    }

    /** The same trees with another calibration and tiers. */
    public TreeEnsembleChurnModel with(Calibration calibration, RiskTiers tiers) {
        Parameters p = parameters;
        return new TreeEnsembleChurnModel(
                new Parameters(p.features(), p.fill, p.base(), p.splitRule(), p.trees(), calibration), tiers);
    }

    @Override
    public List<String> features() {
        return parameters.features();
    }

    @Override
    public RiskTiers tiers() {
        return tiers;
    }

    /** The uncalibrated log-odds of churn for feature values in model order ({@code NaN} is missing). */
    public double logit(double[] x) {
        double[] filled = filled(x);
        double logit = parameters.base();
        for (Tree tree : parameters.trees()) {
            logit += tree.value[leaf(tree, filled)];
        }
        return logit;
    }

    @Override
    public ChurnScore score(Map<String, Double> profile, int reasons) {
        int n = parameters.features().size();
        double[] x = new double[n];
        for (int j = 0; j < n; j++) {
            Double raw = profile.get(parameters.features().get(j));
            x[j] = raw == null ? Double.NaN : raw;
        }
        double[] filled = filled(x);
        double[] effect = new double[n];
        double logit = parameters.base();
        for (Tree tree : parameters.trees()) {
            int node = 0;
            logit += tree.value[0];
            while (tree.feature[node] >= 0) {
                int f = tree.feature[node];
                int next = passes(filled[f], tree.threshold[node]) ? tree.left[node] : tree.right[node];
                double change = tree.value[next] - tree.value[node];
                effect[f] += change;
                logit += change;
                node = next;
            }
        }
        double p = parameters.calibration().apply(LogisticChurnModel.sigmoid(logit));
        int score = (int) Math.round(100 * p);
        List<Contribution> contributions = new ArrayList<>();
        for (int j = 0; j < n; j++) {
            if (effect[j] != 0) {
                contributions.add(new Contribution(parameters.features().get(j), x[j], effect[j]));
            }
        }
        List<Contribution> top = contributions.stream()
                .sorted(Comparator.comparingDouble((Contribution c) -> -Math.abs(c.effect()))
                        .thenComparing(Contribution::feature))
                .limit(Math.max(0, reasons))
                .toList();
        return new ChurnScore(p, score, tiers.tierOf(score), top);
    }

    private double[] filled(double[] x) {
        double[] filled = new double[x.length];
        for (int j = 0; j < x.length; j++) {
            filled[j] = Double.isFinite(x[j]) ? x[j] : parameters.fill[j];
        }
        return filled;
    }

    private int leaf(Tree tree, double[] x) {
        int node = 0;
        while (tree.feature[node] >= 0) {
            node = passes(x[tree.feature[node]], tree.threshold[node]) ? tree.left[node] : tree.right[node];
        }
        return node;
    }

    private boolean passes(double x, double threshold) {
        return parameters.splitRule() == SplitRule.LESS_THAN_FLOAT ? (float) x < (float) threshold : x <= threshold;
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

    /** Reads a verified CHURN_TREES artifact. */
    public static TreeEnsembleChurnModel readFrom(ModelArtifact artifact) {
        artifact.requireType(ModelType.CHURN_TREES);
        Parameters parameters = artifact.json(PAYLOAD, Parameters.class);
        return new TreeEnsembleChurnModel(parameters, ChurnArtifacts.riskTiers(artifact));
    }
}
