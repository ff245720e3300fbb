package dev.affinity.training.recommend;

import dev.affinity.models.recommend.PopularityModel;
import dev.affinity.models.recommend.RecommenderModel;
import java.util.Map;

/** Popularity: items ranked by how many users interacted with them; the cold-start fallback. */
public final class PopularityTrainer implements RecommenderTrainer {
    @Override
    public String name() {
        return "popularity";
    }

    @Override
    public Map<String, Object> hyperparameters() {
        return Map.of("score", "distinct users");
    }

    @Override
    public RecommenderModel train(TrainingData data) {
        return new PopularityModel(data.items(), data.popularity());
    }
}
