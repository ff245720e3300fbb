package dev.affinity.training.recommend;

import dev.affinity.training.als.AlsParameters;
import dev.affinity.training.item2vec.Item2VecParameters;
import dev.affinity.training.knn.ItemKnnParameters;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** The recommender candidates by name, with their default settings, for the command line. */
public final class Candidates {
    /** Every candidate name, in leaderboard order. */
    public static final List<String> ALL = List.of(
            "popularity",
            "popularity-recent",
            "als",
            "als-early",
            "als-tuned",
            "item-knn",
            "ease",
            "item2vec",
            "content");

    /** The candidates that need warehouse data (product texts, sales dates). */
    public static final List<String> WAREHOUSE_ONLY = List.of("popularity-recent", "content");

    private Candidates() {}

    /**
     * The trainers for {@code names}.
     *
     * @param seed the seed of every seeded trainer
     * @param k the cutoff the tuned candidate is validated at
     * @param progress hears of tuning trials
     * @param warehouse the warehouse and cutoff, or {@code null} for data from elsewhere
     * @throws IllegalArgumentException naming an unknown candidate, or one of {@link #WAREHOUSE_ONLY}
     *     without a warehouse
     */
    public static List<RecommenderTrainer> of(
            List<String> names, long seed, int k, Consumer<String> progress, WarehouseContext warehouse) {
        List<RecommenderTrainer> trainers = new ArrayList<>();
        for (String name : names) {
            trainers.add(
                    switch (name) {
                        case "popularity" -> new PopularityTrainer();
                        case "als" -> new AlsTrainer(defaultAls(seed), (i, loss) -> {});
                        case "als-early" ->
                            new AlsTrainer(defaultAls(seed).withIterations(30), (i, loss) -> {})
                                    .withEarlyStopping(3, k);
                        case "als-tuned" -> new TunedAlsTrainer(defaultAls(seed), k, progress);
                        case "item-knn" -> NeighborTrainer.itemKnn(ItemKnnParameters.DEFAULT);
                        case "ease" -> NeighborTrainer.ease(250, 200);
                        case "item2vec" -> new Item2VecTrainer(Item2VecParameters.defaults(seed));
                        case "popularity-recent" ->
                            new RecentPopularityTrainer(require(warehouse, name).warehouse(), warehouse.asOf(), 30);
                        case "content" ->
                            new ContentTrainer(
                                    ContentTrainer.catalogOf(
                                            require(warehouse, name).warehouse()),
                                    100);
                        default ->
                            throw new IllegalArgumentException(
                                    "unknown recommender '" + name + "' (known: " + String.join(", ", ALL) + ")");
                    });
        }
        return trainers;
    }

    private static WarehouseContext require(WarehouseContext warehouse, String name) {
        if (warehouse == null) {
            throw new IllegalArgumentException("the " + name + " recommender needs warehouse data");
        }
        return warehouse;
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
