package dev.affinity.training.recommend;

import dev.affinity.training.als.AlsParameters;
import dev.affinity.training.content.ItemText;
import dev.affinity.training.knn.ItemKnnParameters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** The recommender candidates by name, with their default settings, for the command line. */
public final class Candidates {
    /** Every candidate name, in leaderboard order. */
    public static final List<String> ALL = List.of("popularity", "als", "als-tuned", "item-knn", "ease", "content");

    private Candidates() {}

    /**
     * The trainers for {@code names}.
     *
     * @param seed the seed of every seeded trainer
     * @param k the cutoff the tuned candidate is validated at
     * @param progress hears of tuning trials
     * @param catalog product texts for the content candidate, or {@code null} when there are none
     * @throws IllegalArgumentException naming an unknown candidate, or content without a catalog
     */
    public static List<RecommenderTrainer> of(
            List<String> names, long seed, int k, Consumer<String> progress, Map<String, ItemText> catalog) {
        List<RecommenderTrainer> trainers = new ArrayList<>();
        for (String name : names) {
            trainers.add(
                    switch (name) {
                        case "popularity" -> new PopularityTrainer();
                        case "als" -> new AlsTrainer(defaultAls(seed), (i, loss) -> {});
                        case "als-tuned" -> new TunedAlsTrainer(defaultAls(seed), k, progress);
                        case "item-knn" -> NeighborTrainer.itemKnn(ItemKnnParameters.DEFAULT);
                        case "ease" -> NeighborTrainer.ease(250, 200);
                        case "content" -> {
                            if (catalog == null) {
                                throw new IllegalArgumentException(
                                        "the content recommender needs product texts: use warehouse data");
                            }
                            yield new ContentTrainer(catalog, 100);
                        }
                        default ->
                            throw new IllegalArgumentException(
                                    "unknown recommender '" + name + "' (known: " + String.join(", ", ALL) + ")");
                    });
        }
        return trainers;
    }

    /** 64 factors, 15 iterations, lambda 0.05, alpha 10, conjugate gradient with 3 steps. */
    static AlsParameters defaultAls(long seed) {
        return new AlsParameters(
                64,
                15,
                0.05,
                10,
                AlsParameters.Solver.CG,
                3,
                seed,
                Runtime.getRuntime().availableProcessors());
    }
}
