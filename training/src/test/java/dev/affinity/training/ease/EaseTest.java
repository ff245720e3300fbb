package dev.affinity.training.ease;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.affinity.models.artifact.SparseRows;
import dev.affinity.training.als.Csr;
import dev.affinity.training.testing.Neighbors;
import org.junit.jupiter.api.Test;

/**
 * Rows u0 {0, 1}, u1 {0, 1}, u2 {1, 2}, lambda 1:
 *
 * <pre>
 * G + I = [[3, 2, 0], [2, 4, 1], [0, 1, 2]], det 13
 * P = (1/13) [[7, -4, 2], [-4, 6, -3], [2, -3, 8]]
 * B_ij = -P_ij / P_jj:  B01 = 4/6, B02 = -2/8, B10 = 4/7, B12 = 3/8, B20 = -2/7, B21 = 3/6, diagonal 0
 * positive weights per item: 0 -> 1;  1 -> 0, 2;  2 -> 1
 * </pre>
 */
class EaseTest {
    static final Csr ROWS =
            new Csr(3, 3, new int[] {0, 2, 4, 6}, new int[] {0, 1, 0, 1, 1, 2}, new float[] {1, 1, 1, 1, 1, 1});

    @Test
    void closedFormWeightsByHand() {
        double[] b = new Ease(1, 10).weights(ROWS);
        double[] expected = {0, 4 / 6.0, -2 / 8.0, 4 / 7.0, 0, 3 / 8.0, -2 / 7.0, 3 / 6.0, 0};
        for (int i = 0; i < 9; i++) {
            assertThat(b[i]).as("B[%d][%d]", i / 3, i % 3).isCloseTo(expected[i], within(1e-12));
        }
    }

    @Test
    void keepsPositiveWeightsStrongestFirst() {
        SparseRows n = new Ease(1, 10).fit(ROWS);
        assertThat(n.indptr()).containsExactly(0, 1, 3, 4);
        assertThat(n.indices()).containsExactly(1, 0, 2, 1);
        assertThat(Neighbors.weight(n, 1, 0)).isCloseTo(4 / 7f, within(1e-6f));
        assertThat(Neighbors.weight(n, 1, 2)).isCloseTo(3 / 8f, within(1e-6f));
        assertThat(new Ease(1, 1).fit(ROWS).indices()).containsExactly(1, 0, 1);
    }

    @Test
    void refusesCatalogsTooLargeForADenseInverse() {
        Csr huge = new Csr(0, Ease.MAX_ITEMS + 1, new int[] {0}, new int[0], new float[0]);
        assertThatThrownBy(() -> new Ease(100, 10).fit(huge))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("20001 x 20001")
                .hasMessageContaining("use ALS or item-kNN");
        assertThatThrownBy(() -> new Ease(0, 10)).hasMessageContaining("lambda");
    }
}
