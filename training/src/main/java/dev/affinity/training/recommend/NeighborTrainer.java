package dev.affinity.training.recommend;

import dev.affinity.models.artifact.SparseRows;
import dev.affinity.models.recommend.NeighborModel;
import dev.affinity.models.recommend.RecommenderModel;
import dev.affinity.training.als.Csr;
import dev.affinity.training.ease.Ease;
import dev.affinity.training.knn.ItemKnn;
import dev.affinity.training.knn.ItemKnnParameters;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/** Item-item models (item-kNN, EASE) into a {@link NeighborModel}. */
public final class NeighborTrainer implements RecommenderTrainer {
    private final String name;
    private final Map<String, Object> hyperparameters;
    private final Function<Csr, SparseRows> fit;

    private NeighborTrainer(String name, Map<String, Object> hyperparameters, Function<Csr, SparseRows> fit) {
        this.name = name;
        this.hyperparameters = hyperparameters;
        this.fit = fit;
    }

    /** Item-kNN: cosine with shrinkage. */
    public static NeighborTrainer itemKnn(ItemKnnParameters p) {
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("neighbors", p.neighbors());
        h.put("shrinkage", p.shrinkage());
        h.put("binary", p.binary());
        return new NeighborTrainer("item-knn", h, new ItemKnn(p)::fit);
    }

    /** EASE with L2 regularization {@code lambda}, keeping {@code neighbors} weights per item. */
    public static NeighborTrainer ease(double lambda, int neighbors) {
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("lambda", lambda);
        h.put("neighbors", neighbors);
        return new NeighborTrainer("ease", h, new Ease(lambda, neighbors)::fit);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Map<String, Object> hyperparameters() {
        return Map.copyOf(hyperparameters);
    }

    @Override
    public RecommenderModel train(TrainingData data) {
        SparseRows n = fit.apply(data.interactions());
        return new NeighborModel(data.users(), data.items(), n, data.userItems(), data.popularity());
    }
}
