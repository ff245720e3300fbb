package dev.affinity.training.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.affinity.training.evaluation.RankingMetrics.UserRanking;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Hand-computed metrics at K = 3 over a catalog of 10 items:
 *
 * <pre>
 * user A ranks 1 2 3, relevant {2, 9}: hit at rank 2.
 *   precision 1/3, recall 1/min(3,2) = 1/2, DCG 1/log2(3) = 0.6309298,
 *   IDCG 1 + 0.6309298 = 1.6309298, NDCG 0.3868528, AP (1/2) / 2 = 0.25, hit 1
 * user B ranks 4 5 6, relevant {4, 5, 6, 7}: hits at 1, 2, 3.
 *   precision 1, recall 3/3 = 1, NDCG 1, AP (1 + 1 + 1) / 3 = 1, hit 1
 * user C ranks 7 8 9, relevant {1}: no hit; everything 0
 * user D ranks 1 2 3, relevant {}: not evaluated, but counts for coverage
 * means over A, B, C: precision 4/9, recall 1/2, NDCG 0.4622843, MAP 0.4166667, hit rate 2/3,
 *   MRR (1/2 + 1 + 0) / 3 = 0.5
 * coverage: items 1..9 recommended = 9 / 10
 * </pre>
 */
class RankingMetricsTest {
    @Test
    void handComputedMetrics() {
        RankingMetrics m = RankingMetrics.of(
                List.of(
                        new UserRanking(new int[] {1, 2, 3, 0}, new int[] {2, 9}),
                        new UserRanking(new int[] {4, 5, 6}, new int[] {4, 5, 6, 7}),
                        new UserRanking(new int[] {7, 8, 9}, new int[] {1}),
                        new UserRanking(new int[] {1, 2, 3}, new int[] {})),
                3,
                10);
        assertThat(m.users()).isEqualTo(3);
        assertThat(m.precision()).isCloseTo(4 / 9.0, within(1e-12));
        assertThat(m.recall()).isCloseTo(0.5, within(1e-12));
        assertThat(m.ndcg()).isCloseTo((0.6309297535714575 / 1.6309297535714575 + 1) / 3, within(1e-12));
        assertThat(m.map()).isCloseTo((0.25 + 1) / 3, within(1e-12));
        assertThat(m.hitRate()).isCloseTo(2 / 3.0, within(1e-12));
        assertThat(m.mrr()).isCloseTo(0.5, within(1e-12));
        assertThat(m.coverage()).isCloseTo(0.9, within(1e-12));
    }

    @Test
    void noEvaluatedUsersGivesNaN() {
        RankingMetrics m = RankingMetrics.of(List.of(new UserRanking(new int[] {1}, new int[] {})), 5, 4);
        assertThat(m.users()).isZero();
        assertThat(m.recall()).isNaN();
        assertThat(m.coverage()).isEqualTo(0.25);
    }
}
