package dev.affinity.training.churn;

import dev.affinity.models.churn.Calibration;
import dev.affinity.models.churn.RiskTiers;
import dev.affinity.models.churn.TreeEnsembleChurnModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import smile.base.cart.InternalNode;
import smile.base.cart.Node;
import smile.base.cart.OrdinalNode;
import smile.base.cart.RegressionNode;
import smile.classification.GradientTreeBoost;
import smile.data.DataFrame;
import smile.data.Tuple;
import smile.data.formula.Formula;
import smile.data.type.StructType;
import smile.data.vector.IntVector;
import smile.math.MathEx;
import smile.regression.RegressionTree;

/**
 * Smile 2.6.0 gradient tree boosting (binary deviance), exported to a {@link TreeEnsembleChurnModel}.
 * Smile predicts {@code P(churn) = sigmoid(2 * (b + shrinkage * sum_t tree_t(x)))}, so leaf values
 * are exported multiplied by {@code 2 * shrinkage} and the base is {@code 2 * b}. Smile does not
 * expose a split's threshold, only whether a row goes left ({@code x <= threshold}); the exact
 * threshold is recovered by bisection on that public test over all doubles, and {@code b} from one
 * prediction. Inner node values for the explanations are row-count-weighted means of their children.
 */
public final class SmileBoostingTrainer implements ChurnTrainer {
    private static final String LABEL = "churn__label";

    private final BoostingParameters parameters;

    /** A trainer with these settings. */
    public SmileBoostingTrainer(BoostingParameters parameters) {
        this.parameters = parameters;
    }

    @Override
    public String name() {
        return "smile-gbt";
    }

    @Override
    public Map<String, Object> hyperparameters() {
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("library", "smile-core-2.6.0 GradientTreeBoost");
        h.put("trees", parameters.trees());
        h.put("maxDepth", parameters.maxDepth());
        h.put("maxNodes", 1 << parameters.maxDepth());
        h.put("nodeSize", parameters.minLeafSize());
        h.put("shrinkage", parameters.learningRate());
        h.put("subsample", parameters.subsample());
        h.put("seed", parameters.seed());
        return h;
    }

    @Override
    public TreeEnsembleChurnModel train(ChurnTable train) {
        double[] fill = train.means();
        double[][] x = train.filled(fill);
        GradientTreeBoost model = fit(train.features(), x, train.churned());
        return export(model, train.features(), fill, x);
    }

    /** The library's model on rows {@code x} (no missing values). */
    GradientTreeBoost fit(List<String> features, double[][] x, boolean[] churned) {
        int[] y = new int[churned.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = churned[i] ? 1 : 0;
        }
        DataFrame data = DataFrame.of(x, features.toArray(String[]::new)).merge(IntVector.of(LABEL, y));
        MathEx.setSeed(parameters.seed());
        return GradientTreeBoost.fit(
                Formula.lhs(LABEL),
                data,
                parameters.trees(),
                parameters.maxDepth(),
                1 << parameters.maxDepth(),
                parameters.minLeafSize(),
                parameters.learningRate(),
                parameters.subsample());
    }

    /** Predictor tuples in Smile's schema. */
    static StructType schema(List<String> features) {
        return DataFrame.of(new double[1][features.size()], features.toArray(String[]::new))
                .schema();
    }

    TreeEnsembleChurnModel export(GradientTreeBoost model, List<String> features, double[] fill, double[][] x) {
        StructType schema = schema(features);
        double scale = 2 * parameters.learningRate();
        List<TreeEnsembleChurnModel.Tree> trees = new ArrayList<>();
        for (RegressionTree tree : model.trees()) {
            trees.add(tree(tree.root(), scale, features.size(), schema));
        }
        // b from the row whose probability is closest to one half (the most precise logit).
        double best = Double.POSITIVE_INFINITY;
        double base = 0;
        double[] posteriori = new double[2];
        for (double[] row : x) {
            Tuple t = Tuple.of(row, schema);
            model.predict(t, posteriori);
            double p = posteriori[1];
            if (Math.abs(p - 0.5) < best && p > 0 && p < 1) {
                best = Math.abs(p - 0.5);
                double sum = 0;
                for (RegressionTree tree : model.trees()) {
                    sum += scale * tree.predict(t);
                }
                base = Math.log(p / (1 - p)) - sum;
            }
        }
        return new TreeEnsembleChurnModel(
                new TreeEnsembleChurnModel.Parameters(
                        features,
                        fill,
                        base,
                        TreeEnsembleChurnModel.SplitRule.LESS_OR_EQUAL,
                        trees,
                        new Calibration.None()),
                RiskTiers.DEFAULT);
    }

    private static TreeEnsembleChurnModel.Tree tree(Node root, double scale, int width, StructType schema) {
        List<Node> nodes = new ArrayList<>();
        nodes.add(root);
        for (int i = 0; i < nodes.size(); i++) { // breadth first: children always after parents
            if (nodes.get(i) instanceof InternalNode inner) {
                nodes.add(inner.trueChild());
                nodes.add(inner.falseChild());
            }
        }
        int n = nodes.size();
        int[] f = new int[n];
        double[] threshold = new double[n];
        int[] l = new int[n];
        int[] r = new int[n];
        double[] value = new double[n];
        double[] size = new double[n];
        int next = 1;
        for (int i = 0; i < n; i++) {
            Node node = nodes.get(i);
            size[i] = node.size();
            if (node instanceof OrdinalNode inner) {
                f[i] = inner.feature();
                threshold[i] = threshold(inner, width, schema);
                l[i] = next++;
                r[i] = next++;
            } else if (node instanceof RegressionNode leaf) {
                f[i] = -1;
                l[i] = -1;
                r[i] = -1;
                value[i] = scale * leaf.output();
            } else {
                throw new IllegalStateException(
                        "unexpected Smile tree node " + node.getClass().getSimpleName());
            }
        }
        for (int i = n - 1; i >= 0; i--) {
            if (f[i] >= 0) {
                double wl = size[l[i]];
                double wr = size[r[i]];
                value[i] = wl + wr > 0
                        ? (wl * value[l[i]] + wr * value[r[i]]) / (wl + wr)
                        : 0.5 * (value[l[i]] + value[r[i]]);
            }
        }
        return new TreeEnsembleChurnModel.Tree(f, threshold, l, r, value);
    }

    /**
     * The largest double t with {@code branch(x = t)} true: bisection over doubles in their
     * order-preserving long encoding, so splits agree with Smile for every input.
     */
    static double threshold(OrdinalNode node, int width, StructType schema) {
        double[] row = new double[width];
        long lo = order(-Double.MAX_VALUE);
        long hi = order(Double.MAX_VALUE);
        row[node.feature()] = Double.MAX_VALUE;
        if (node.branch(Tuple.of(row, schema))) {
            return Double.MAX_VALUE;
        }
        while (lo + 1 < hi) {
            long mid = (lo >> 1) + (hi >> 1) + (lo & hi & 1);
            row[node.feature()] = value(mid);
            if (node.branch(Tuple.of(row, schema))) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return value(lo);
    }

    private static long order(double d) {
        long bits = Double.doubleToLongBits(d);
        return bits >= 0 ? bits : bits ^ Long.MAX_VALUE;
    }

    private static double value(long order) {
        return Double.longBitsToDouble(order >= 0 ? order : order ^ Long.MAX_VALUE);
    }
}
