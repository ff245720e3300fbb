package dev.affinity.models.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Comparator;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TopKTest {

    @Test
    void matchesAFullSortOnRandomDataWithTies() {
        Random random = new Random(20261204L);
        for (int round = 0; round < 200; round++) {
            int n = 1 + random.nextInt(300);
            int k = 1 + random.nextInt(40);
            // Few distinct values, so ties are common; offered in a shuffled order.
            float[] scores = new float[n];
            for (int i = 0; i < n; i++) {
                scores[i] = random.nextInt(12) - 4 + (random.nextBoolean() ? 0.5f : 0f);
            }
            int[] order = IntStream.range(0, n).toArray();
            for (int i = n - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            TopK top = new TopK(k);
            for (int i : order) {
                top.offer(i, scores[i]);
            }
            top.sortBestFirst();

            int[] expected = IntStream.range(0, n)
                    .boxed()
                    .sorted(Comparator.<Integer>comparingDouble(i -> -scores[i]).thenComparingInt(i -> i))
                    .limit(k)
                    .mapToInt(Integer::intValue)
                    .toArray();
            int[] actual = IntStream.range(0, top.size()).map(top::item).toArray();
            assertThat(actual).as("round %d, n %d, k %d", round, n, k).containsExactly(expected);
            for (int r = 0; r < top.size(); r++) {
                assertThat(top.score(r)).isEqualTo(scores[top.item(r)]);
            }
        }
    }

    @Test
    void allEqualScoresKeepTheLowestPositions() {
        TopK top = new TopK(3);
        for (int i = 9; i >= 0; i--) {
            top.offer(i, 1f);
        }
        top.sortBestFirst();

        assertThat(new int[] {top.item(0), top.item(1), top.item(2)}).containsExactly(0, 1, 2);
    }

    @Test
    void fewerOffersThanK() {
        TopK top = new TopK(5);
        top.offer(4, -1f);
        top.offer(2, 3f);
        top.sortBestFirst();

        assertThat(top.size()).isEqualTo(2);
        assertThat(top.item(0)).isEqualTo(2);
        assertThat(top.item(1)).isEqualTo(4);
    }

    @Test
    void readingBeforeSortingIsRefused() {
        TopK top = new TopK(1);
        top.offer(0, 1f);

        assertThatThrownBy(() -> top.item(0)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new TopK(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
