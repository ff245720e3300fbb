package dev.affinity.training.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.affinity.features.ingest.OnlineRetailImporter;
import dev.affinity.features.interactions.InteractionWeights;
import dev.affinity.features.progress.Progress;
import dev.affinity.features.warehouse.Warehouse;
import dev.affinity.training.evaluation.RankingMetrics;
import dev.affinity.training.testing.BundledData;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The temporal protocol on the real Online Retail data: train before 2011-09-01, evaluate on the
 * new purchases of 2011-09-01 .. 2011-11-30 by customers seen before, at K = 20.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OnlineRetailTemporalIT {
    private final Map<String, RankingMetrics> results = new LinkedHashMap<>();
    private TemporalSplit temporal;

    @BeforeAll
    void trainAndEvaluate(@TempDir Path dir) throws Exception {
        Warehouse warehouse = Warehouse.open(dir);
        new OnlineRetailImporter(warehouse, Progress.NONE).importFile(BundledData.onlineRetail());
        temporal = TemporalSplit.of(warehouse, LocalDate.of(2011, 9, 1), 91, InteractionWeights.DEFAULT);
        TrainingData train = temporal.data();
        List<RecommenderTrainer> trainers = Candidates.of(
                List.of("popularity", "popularity-recent", "als", "item-knn", "ease", "item2vec", "content"),
                42,
                20,
                step -> {},
                new WarehouseContext(warehouse, LocalDate.of(2011, 9, 1)));
        for (RecommenderTrainer t : trainers) {
            results.put(
                    t.name(),
                    RecommenderEvaluation.evaluate(t.train(train), train.users(), train.items(), temporal.split(), 20));
        }
    }

    @Test
    void theSplitIsTemporalAndNonEmpty() {
        assertThat(temporal.data().users().size()).isBetween(3_000, 3_400);
        assertThat(temporal.evaluatedUsers()).isGreaterThan(1_000);
    }

    @Test
    void alsAndItemKnnClearlyBeatPopularity() {
        // When written (NDCG@20 / Recall@20): popularity 0.052 / 0.054, ALS 0.093 / 0.100,
        // item-kNN 0.089 / 0.091, EASE 0.093 / 0.096, content 0.083 / 0.088.
        RankingMetrics popularity = results.get("popularity");
        for (String name : List.of("als", "item-knn", "ease")) {
            assertThat(results.get(name).ndcg()).as(name + " " + results).isGreaterThan(popularity.ndcg() * 1.5);
            assertThat(results.get(name).recall()).as(name + " " + results).isGreaterThan(popularity.recall() * 1.5);
        }
        // item2vec (defaults, seed 42) trails ALS but beats popularity: when written NDCG@20 0.077,
        // Recall@20 0.079, 1.49x and 1.46x popularity.
        assertThat(results.get("item2vec").ndcg()).as(results.toString()).isGreaterThan(popularity.ndcg() * 1.3);
        assertThat(results.get("item2vec").recall()).as(results.toString()).isGreaterThan(popularity.recall() * 1.3);
        // Text alone, with no purchase signal between items, still beats popularity.
        assertThat(results.get("content").ndcg()).as(results.toString()).isGreaterThan(popularity.ndcg() * 1.3);
    }
}
