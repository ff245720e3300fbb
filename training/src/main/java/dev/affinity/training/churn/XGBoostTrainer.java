package dev.affinity.training.churn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.affinity.models.churn.Calibration;
import dev.affinity.models.churn.RiskTiers;
import dev.affinity.models.churn.TreeEnsembleChurnModel;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.classification.Label;
import org.tribuo.classification.xgboost.XGBoostClassificationTrainer;
import org.tribuo.common.xgboost.XGBoostModel;

/**
 * Tribuo XGBoost, exported to a {@link TreeEnsembleChurnModel}. Missing values are filled with the
 * training mean before training, as the exported scorer does. The trees are read from the booster's
 * JSON model (exact single-precision thresholds and leaf values); with Tribuo's two-class softmax
 * the churn log-odds are the churn trees' sum minus the stay trees' sum, so stay trees are exported
 * with negated values. Inner node values for the explanations are hessian-weighted means of their
 * children.
 */
public final class XGBoostTrainer implements ChurnTrainer {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final BoostingParameters parameters;

    /** A trainer with these settings. */
    public XGBoostTrainer(BoostingParameters parameters) {
        this.parameters = parameters;
    }

    @Override
    public String name() {
        return "xgboost";
    }

    @Override
    public Map<String, Object> hyperparameters() {
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("library", "tribuo-4.3.2 XGBoostClassificationTrainer (xgboost4j 1.6.2)");
        h.put("trees", parameters.trees());
        h.put("maxDepth", parameters.maxDepth());
        h.put("learningRate", parameters.learningRate());
        h.put("subsample", parameters.subsample());
        h.put("minChildWeight", parameters.minLeafSize());
        h.put("lambda", 1.0);
        h.put("seed", parameters.seed());
        return h;
    }

    @Override
    public TreeEnsembleChurnModel train(ChurnTable train) {
        double[] fill = train.means();
        XGBoostModel<Label> model = fit(train, fill);
        return export(model, train.features(), fill);
    }

    /** The library's model, trained on the table with missing values filled by {@code fill}. */
    XGBoostModel<Label> fit(ChurnTable train, double[] fill) {
        XGBoostClassificationTrainer trainer = new XGBoostClassificationTrainer(
                parameters.trees(),
                parameters.learningRate(),
                0,
                parameters.maxDepth(),
                parameters.minLeafSize(),
                parameters.subsample(),
                1.0,
                1.0,
                0,
                1,
                true,
                parameters.seed());
        return trainer.train(TribuoData.dataset(train.features(), train.filled(fill), train.churned()));
    }

    /** The trees of {@code model} in the plain format. */
    static TreeEnsembleChurnModel export(XGBoostModel<Label> model, List<String> features, double[] fill) {
        ImmutableFeatureMap ids = model.getFeatureIDMap();
        int[] column = new int[ids.size()];
        java.util.Arrays.fill(column, -1);
        for (int j = 0; j < features.size(); j++) {
            if (ids.get(features.get(j)) != null) {
                column[ids.getID(features.get(j))] = j;
            }
        }
        int churn = model.getOutputIDInfo().getID(new Label(TribuoData.CHURN));
        JsonNode learner;
        try {
            Booster booster = model.getInnerModels().get(0);
            learner = JSON.readTree(booster.toByteArray("json")).get("learner");
        } catch (XGBoostError | IOException e) {
            throw new IllegalStateException("cannot read the XGBoost model: " + e.getMessage(), e);
        }
        String objective = learner.get("objective").get("name").asText();
        double baseScore = Double.parseDouble(
                learner.get("learner_model_param").get("base_score").asText());
        JsonNode gbm = learner.get("gradient_booster").get("model");
        JsonNode treeInfo = gbm.get("tree_info");
        double base;
        boolean softmax;
        if (objective.equals("multi:softprob") || objective.equals("multi:softmax")) {
            softmax = true;
            base = 0; // the same base score is added to both classes and cancels
        } else if (objective.equals("binary:logistic")) {
            softmax = false;
            base = Math.log(baseScore / (1 - baseScore));
        } else {
            throw new IllegalStateException("unexpected XGBoost objective " + objective);
        }
        List<TreeEnsembleChurnModel.Tree> trees = new ArrayList<>();
        JsonNode all = gbm.get("trees");
        for (int t = 0; t < all.size(); t++) {
            double sign = !softmax ? 1 : treeInfo.get(t).asInt() == churn ? 1 : -1;
            trees.add(tree(all.get(t), sign, column));
        }
        return new TreeEnsembleChurnModel(
                new TreeEnsembleChurnModel.Parameters(
                        features,
                        fill,
                        base,
                        TreeEnsembleChurnModel.SplitRule.LESS_THAN_FLOAT,
                        trees,
                        new Calibration.None()),
                RiskTiers.DEFAULT);
    }

    private static TreeEnsembleChurnModel.Tree tree(JsonNode tree, double sign, int[] column) {
        JsonNode left = tree.get("left_children");
        JsonNode right = tree.get("right_children");
        JsonNode split = tree.get("split_indices");
        JsonNode condition = tree.get("split_conditions");
        JsonNode hessian = tree.get("sum_hessian");
        int n = left.size();
        int[] f = new int[n];
        double[] threshold = new double[n];
        int[] l = new int[n];
        int[] r = new int[n];
        double[] value = new double[n];
        double[] weight = new double[n];
        for (int i = 0; i < n; i++) {
            l[i] = left.get(i).asInt();
            r[i] = right.get(i).asInt();
            weight[i] = hessian.get(i).asDouble();
            double c = (float) condition.get(i).asDouble();
            if (l[i] < 0) {
                f[i] = -1;
                l[i] = -1;
                r[i] = -1;
                value[i] = sign * c;
            } else {
                f[i] = column[split.get(i).asInt()];
                if (f[i] < 0) {
                    throw new IllegalStateException("XGBoost split on an unknown feature " + split.get(i));
                }
                threshold[i] = c;
            }
        }
        // Children have larger indices than their parent, so a backward pass fills inner nodes.
        for (int i = n - 1; i >= 0; i--) {
            if (f[i] >= 0) {
                double wl = weight[l[i]];
                double wr = weight[r[i]];
                value[i] = wl + wr > 0
                        ? (wl * value[l[i]] + wr * value[r[i]]) / (wl + wr)
                        : 0.5 * (value[l[i]] + value[r[i]]);
            }
        }
        return new TreeEnsembleChurnModel.Tree(f, threshold, l, r, value);
    }
}
