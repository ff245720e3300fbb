package dev.affinity.training.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.affinity.models.artifact.IdIndex;
import dev.affinity.models.recommend.RecommenderModel;
import dev.affinity.training.als.Csr;
import dev.affinity.training.evaluation.EvaluationSplit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Evaluation never leaks: a trainer run through the leaderboard, under each protocol, receives no
 * interaction that is held out for testing (nor a held-out user's fold-in items).
 */
class NoLeakTest {
    /** Records the data it is given and trains popularity on it. */
    private static final class Spy implements RecommenderTrainer {
        final List<TrainingData> seen = new ArrayList<>();

        @Override
        public String name() {
            return "spy";
        }

        @Override
        public Map<String, Object> hyperparameters() {
            return Map.of();
        }

        @Override
        public RecommenderModel train(TrainingData data) {
            seen.add(data);
            return new PopularityTrainer().train(data);
        }
    }

    private static TrainingData randomData() {
        SplittableRandom random = new SplittableRandom(5);
        int users = 200;
        int items = 60;
        int[] indptr = new int[users + 1];
        List<Integer> cols = new ArrayList<>();
        for (int u = 0; u < users; u++) {
            for (int i = 0; i < items; i++) {
                if (random.nextInt(6) == 0) {
                    cols.add(i);
                }
            }
            indptr[u + 1] = cols.size();
        }
        float[] values = new float[cols.size()];
        java.util.Arrays.fill(values, 1f);
        Csr csr = new Csr(
                users, items, indptr, cols.stream().mapToInt(Integer::intValue).toArray(), values);
        List<String> userIds = new ArrayList<>();
        for (int u = 0; u < users; u++) {
            userIds.add(String.format("u%03d", u));
        }
        List<String> itemIds = new ArrayList<>();
        for (int i = 0; i < items; i++) {
            itemIds.add(String.format("i%03d", i));
        }
        return new TrainingData(new IdIndex(userIds), new IdIndex(itemIds), csr);
    }

    private static boolean has(Csr m, int u, int i) {
        return java.util.Arrays.binarySearch(m.indices(), m.indptr()[u], m.indptr()[u + 1], i) >= 0;
    }

    private static void assertNothingHeldOutIsSeen(Spy spy, EvaluationSplit split) {
        assertThat(spy.seen).hasSize(1);
        Csr seen = spy.seen.get(0).interactions();
        long tested = 0;
        for (int u = 0; u < seen.rows(); u++) {
            for (int i : split.heldOut().get(u)) {
                tested++;
                assertThat(has(seen, u, i))
                        .as("held-out (%d, %d) given to the trainer", u, i)
                        .isFalse();
            }
            for (int i : split.foldIn(u)) {
                assertThat(has(seen, u, i))
                        .as("fold-in (%d, %d) given to the trainer", u, i)
                        .isFalse();
            }
        }
        assertThat(tested).isPositive();
    }

    @Test
    void holdoutAndHeldOutUsersNeverHandTestInteractionsToATrainer() {
        TrainingData all = randomData();
        for (EvaluationSplit split : List.of(
                EvaluationSplit.randomPerUser(all.interactions(), 0.25, 2, 1),
                EvaluationSplit.heldOutUsers(all.interactions(), 0.2, 0.2, 2, 1))) {
            Spy spy = new Spy();
            Leaderboard board =
                    Leaderboard.run("test", all.with(split.train()), split, List.of(spy), List.of(5), s -> {});
            assertNothingHeldOutIsSeen(spy, split);
            assertThat(board.rows().get(0).metrics().get(0).users()).isPositive();
        }
    }
}
