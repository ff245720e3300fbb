package dev.affinity.training.churn;

import dev.affinity.models.churn.Calibration;
import dev.affinity.models.churn.LogisticChurnModel;
import dev.affinity.models.churn.RiskTiers;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.VariableInfo;
import org.tribuo.classification.Label;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.math.la.DenseMatrix;
import org.tribuo.math.optimisers.AdaGrad;

/**
 * Tribuo logistic regression on standardized features (missing values imputed with the mean, so
 * their standardized value is 0). Tribuo fits a two-class softmax; its churn-minus-stay weights are
 * the binary model's coefficients, exported as a {@link LogisticChurnModel}.
 */
public final class LogisticTrainer implements ChurnTrainer {
    private final LogisticParameters parameters;

    /** A trainer with these settings. */
    public LogisticTrainer(LogisticParameters parameters) {
        this.parameters = parameters;
    }

    @Override
    public String name() {
        return "logistic";
    }

    @Override
    public Map<String, Object> hyperparameters() {
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("library", "tribuo-4.3.2 LinearSGDTrainer(LogMulticlass, AdaGrad)");
        h.put("epochs", parameters.epochs());
        h.put("learningRate", parameters.learningRate());
        h.put("seed", parameters.seed());
        return h;
    }

    @Override
    public LogisticChurnModel train(ChurnTable train) {
        return fit(train).export();
    }

    /**
     * The library's model with the standardization it was trained on.
     *
     * @param model Tribuo's model, which reads standardized values under the feature names
     * @param features feature names
     * @param means training means
     * @param scales training standard deviations (1 for a constant column)
     */
    record Fitted(LinearSGDModel model, List<String> features, double[] means, double[] scales) {
        /** The standardized value of {@code x} in column {@code j} (0 when missing). */
        double standardized(int j, double x) {
            return Double.isNaN(x) ? 0 : (x - means[j]) / scales[j];
        }

        LogisticChurnModel export() {
            int n = features.size();
            DenseMatrix w = model.getWeightsCopy();
            ImmutableFeatureMap ids = model.getFeatureIDMap();
            int churn = model.getOutputIDInfo().getID(new Label(TribuoData.CHURN));
            int stay = model.getOutputIDInfo().getID(new Label(TribuoData.STAY));
            double[] coefficients = new double[n];
            for (int j = 0; j < n; j++) {
                VariableInfo info = ids.get(features.get(j));
                if (info != null) {
                    int id = ids.getID(features.get(j));
                    coefficients[j] = w.get(churn, id) - w.get(stay, id);
                }
            }
            int bias = ids.size();
            double intercept = w.get(churn, bias) - w.get(stay, bias);
            return new LogisticChurnModel(
                    new LogisticChurnModel.Parameters(
                            features, means, scales, coefficients, intercept, new Calibration.None()),
                    RiskTiers.DEFAULT);
        }
    }

    Fitted fit(ChurnTable train) {
        List<String> features = train.features();
        int n = features.size();
        double[] means = train.means();
        double[] scales = new double[n];
        double[][] z = train.filled(means);
        for (int j = 0; j < n; j++) {
            double ss = 0;
            for (double[] row : z) {
                ss += (row[j] - means[j]) * (row[j] - means[j]);
            }
            double sd = Math.sqrt(ss / Math.max(1, z.length));
            scales[j] = sd > 0 ? sd : 1;
        }
        for (double[] row : z) {
            for (int j = 0; j < n; j++) {
                row[j] = (row[j] - means[j]) / scales[j];
            }
        }
        LinearSGDTrainer trainer = new LinearSGDTrainer(
                new LogMulticlass(),
                new AdaGrad(parameters.learningRate(), 1e-6),
                parameters.epochs(),
                Integer.MAX_VALUE,
                1,
                parameters.seed());
        LinearSGDModel model = (LinearSGDModel) trainer.train(TribuoData.dataset(features, z, train.churned()));
        return new Fitted(model, features, means, scales);
    }
}
