package dev.affinity.training.recommend;

import dev.affinity.models.artifact.FloatMatrix;
import dev.affinity.models.recommend.FactorModel;
import dev.affinity.models.recommend.RecommenderModel;
import dev.affinity.training.item2vec.Item2Vec;
import dev.affinity.training.item2vec.Item2VecParameters;
import dev.affinity.training.item2vec.ItemSequences;
import dev.affinity.training.item2vec.ItemVectors;
import dev.affinity.training.item2vec.UserVectors;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Item2vec exported as a {@link FactorModel}, so serving needs no DL4J. Item vectors are scaled to
 * unit length: the runtime scores by dot product, and a user's dot product with unit item vectors
 * ranks items by cosine (the user vector's length is the same for every item). Word2vec vector
 * lengths grow with an item's frequency and training time rather than with how well it fits a
 * user, and cosine is how skip-gram embeddings are compared. A user's vector is the
 * recency-weighted mean of their items' unit vectors ({@link UserVectors}); a live session is
 * scored the same way by the runtime, with a half-life of one position.
 */
public final class Item2VecTrainer implements RecommenderTrainer {
    private final Item2VecParameters parameters;
    private int trainedItems = -1;

    /** A trainer with these hyperparameters. */
    public Item2VecTrainer(Item2VecParameters parameters) {
        this.parameters = parameters;
    }

    @Override
    public String name() {
        return "item2vec";
    }

    @Override
    public Map<String, Object> hyperparameters() {
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("dimensions", parameters.dimensions());
        h.put("window", parameters.window());
        h.put("negativeSamples", parameters.negativeSamples());
        h.put("epochs", parameters.epochs());
        h.put("minCount", parameters.minCount());
        h.put("learningRate", parameters.learningRate());
        h.put("seed", parameters.seed());
        h.put("halfLife", parameters.halfLife());
        h.put("threads", parameters.threads());
        h.put("scoring", "cosine (unit item vectors)");
        if (trainedItems >= 0) {
            h.put("itemsWithVectors", trainedItems);
        }
        return h;
    }

    @Override
    public RecommenderModel train(TrainingData data) {
        List<int[]> sequences = ItemSequences.of(data.interactions(), data.lastAtMillis());
        ItemVectors vectors =
                new Item2Vec(parameters).fit(sequences, data.items().size()).normalized();
        trainedItems = vectors.trained();
        float[] users = UserVectors.of(sequences, vectors, parameters.halfLife());
        int d = vectors.dimensions();
        return new FactorModel(
                data.users(),
                data.items(),
                new FloatMatrix(data.users().size(), d, users),
                new FloatMatrix(vectors.items(), d, vectors.data()),
                data.userItems(),
                data.popularity());
    }
}
