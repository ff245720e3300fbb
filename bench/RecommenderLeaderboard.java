import dev.affinity.training.als.AlsParameters;
import dev.affinity.training.evaluation.EvaluationSplit;
import dev.affinity.training.evaluation.RankingMetrics;
import dev.affinity.training.knn.ItemKnnParameters;
import dev.affinity.training.recommend.AlsTrainer;
import dev.affinity.training.recommend.NeighborTrainer;
import dev.affinity.training.recommend.PopularityTrainer;
import dev.affinity.training.recommend.RatingsFile;
import dev.affinity.training.recommend.RecommenderEvaluation;
import dev.affinity.training.recommend.RecommenderTrainer;
import dev.affinity.training.recommend.TrainingData;
import java.nio.file.Path;
import java.util.List;

/**
 * Leaderboard of the recommenders on a ratings file (MovieLens u.data): ratings >= 4 as positives,
 * 20% of each user's items (users with >= 5) held out with seed 42, metrics at K = 20 through the
 * runtime API; prints one JSON line per model with its training time.
 * Run: java -cp "training/target/classes:training/target/lib/*" bench/RecommenderLeaderboard.java \
 *        ../shared/data/movielens-100k/u.data
 */
public class RecommenderLeaderboard {
    public static void main(String[] args) throws Exception {
        TrainingData all = RatingsFile.positives(Path.of(args[0]), 4);
        EvaluationSplit split = EvaluationSplit.randomPerUser(all.interactions(), 0.2, 5, 42);
        TrainingData train = all.with(split.train());
        List<RecommenderTrainer> trainers = List.of(
                new PopularityTrainer(),
                new AlsTrainer(new AlsParameters(64, 15, 0.05, 10, AlsParameters.Solver.CG, 3, 42, 2), (i, l) -> {}),
                NeighborTrainer.itemKnn(new ItemKnnParameters(100, 10, true)),
                NeighborTrainer.ease(250, 200));
        for (RecommenderTrainer t : trainers) {
            long start = System.nanoTime();
            var model = t.train(train);
            double seconds = (System.nanoTime() - start) / 1e9;
            RankingMetrics m = RecommenderEvaluation.evaluate(model, all.users(), all.items(), split, 20);
            System.out.printf(java.util.Locale.ROOT,
                    "{\"model\":\"%s\",\"trainSeconds\":%.2f,\"users\":%d,\"recall@20\":%.4f,\"ndcg@20\":%.4f,"
                            + "\"precision@20\":%.4f,\"map@20\":%.4f,\"hitRate@20\":%.4f,\"coverage\":%.4f}%n",
                    t.name(), seconds, m.users(), m.recall(), m.ndcg(), m.precision(), m.map(), m.hitRate(),
                    m.coverage());
        }
    }
}
