package dev.affinity.training.recommend;

import dev.affinity.models.recommend.RecommenderModel;
import java.util.Map;

/** Trains one kind of recommender. A trainer returns a model; the model never trains. */
public interface RecommenderTrainer {
    /** A short name for reports and the registry, such as {@code als} or {@code item-knn}. */
    String name();

    /** The exact settings, under stable names, for the model's manifest. */
    Map<String, Object> hyperparameters();

    /** Trains on {@code data}. */
    RecommenderModel train(TrainingData data);
}
