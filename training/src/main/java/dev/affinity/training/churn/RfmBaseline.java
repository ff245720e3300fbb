package dev.affinity.training.churn;

import dev.affinity.models.churn.ChurnScore;
import dev.affinity.models.churn.ChurnScorer;
import dev.affinity.models.churn.LogisticChurnModel;
import dev.affinity.models.churn.RiskTiers;
import java.util.List;
import java.util.Map;

/**
 * The baseline every published churn model must beat: logistic regression on {@code
 * log(1 + recency_days)}, {@code log(1 + frequency)} and {@code log(1 + max(0, monetary))}. It is
 * trained in the same run on the same rows, and is never published.
 */
public final class RfmBaseline implements ChurnTrainer {
    static final List<String> INPUTS = List.of("recency_days", "frequency", "monetary");
    static final List<String> DERIVED = List.of("log_recency", "log_frequency", "log_monetary");

    private final LogisticTrainer logistic;

    /** The baseline with these logistic settings. */
    public RfmBaseline(LogisticParameters parameters) {
        this.logistic = new LogisticTrainer(parameters);
    }

    @Override
    public String name() {
        return "rfm-baseline";
    }

    @Override
    public Map<String, Object> hyperparameters() {
        Map<String, Object> h = new java.util.LinkedHashMap<>(logistic.hyperparameters());
        h.put("features", DERIVED);
        return h;
    }

    @Override
    public ChurnScorer train(ChurnTable train) {
        for (String f : INPUTS) {
            if (!train.features().contains(f)) {
                throw new IllegalArgumentException("the RFM baseline needs the column " + f);
            }
        }
        ChurnTable rfm = train.columns(INPUTS);
        double[][] x = new double[rfm.size()][];
        for (int r = 0; r < x.length; r++) {
            x[r] = derive(rfm.x()[r][0], rfm.x()[r][1], rfm.x()[r][2]);
        }
        LogisticChurnModel model = logistic.train(new ChurnTable(rfm.ids(), rfm.groups(), DERIVED, x, rfm.churned()));
        return new Scorer(model);
    }

    static double[] derive(double recency, double frequency, double monetary) {
        return new double[] {
            Math.log1p(Math.max(0, recency)), Math.log1p(Math.max(0, frequency)), Math.log1p(Math.max(0, monetary))
        };
    }

    /** The baseline's scorer: derives the log features from a profile, then scores them. */
    record Scorer(LogisticChurnModel model) implements ChurnScorer {
        @Override
        public List<String> features() {
            return INPUTS;
        }

        @Override
        public RiskTiers tiers() {
            return model.tiers();
        }

        @Override
        public ChurnScore score(Map<String, Double> profile, int reasons) {
            double[] d = derive(
                    profile.getOrDefault("recency_days", Double.NaN),
                    profile.getOrDefault("frequency", Double.NaN),
                    profile.getOrDefault("monetary", Double.NaN));
            return model.score(Map.of(DERIVED.get(0), d[0], DERIVED.get(1), d[1], DERIVED.get(2), d[2]), reasons);
        }
    }
}
