package dev.affinity.training.churn;

import java.util.ArrayList;
import java.util.List;

/** The churn candidates by name, with their default settings and one seed. */
public final class ChurnCandidates {
    /** Every candidate, in leaderboard order. */
    public static final List<String> ALL = List.of("logistic", "xgboost", "smile-gbt");

    private ChurnCandidates() {}

    /** The trainers named, in that order. */
    public static List<ChurnTrainer> of(List<String> names, long seed) {
        List<ChurnTrainer> trainers = new ArrayList<>();
        for (String name : names) {
            trainers.add(
                    switch (name) {
                        case "logistic" -> new LogisticTrainer(LogisticParameters.defaults(seed));
                        case "xgboost" -> new XGBoostTrainer(BoostingParameters.defaults(seed));
                        case "smile-gbt" -> new SmileBoostingTrainer(BoostingParameters.defaults(seed));
                        default ->
                            throw new IllegalArgumentException(
                                    "unknown churn model '" + name + "' (known: " + String.join(", ", ALL) + ")");
                    });
        }
        return trainers;
    }

    /** The RFM baseline with the default logistic settings. */
    public static ChurnTrainer baseline(long seed) {
        return new RfmBaseline(LogisticParameters.defaults(seed));
    }
}
