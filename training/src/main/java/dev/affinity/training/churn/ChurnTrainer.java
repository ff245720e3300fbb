package dev.affinity.training.churn;

import dev.affinity.models.churn.ChurnScorer;
import java.util.Map;

/**
 * Trains a churn model on a table. The model it returns is uncalibrated (the run calibrates the
 * winner on validation data) and has the default risk tiers.
 */
public interface ChurnTrainer {
    /** A short name: {@code logistic}, {@code xgboost}, {@code smile-gbt}, {@code rfm-baseline}. */
    String name();

    /** The exact settings, under stable names, as recorded in the artifact. */
    Map<String, Object> hyperparameters();

    /** Trains on {@code train}; missing values are {@code NaN}. */
    ChurnScorer train(ChurnTable train);
}
