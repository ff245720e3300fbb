package dev.affinity.training.knn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.affinity.models.artifact.SparseRows;
import dev.affinity.training.als.Csr;
import dev.affinity.training.testing.Neighbors;
import org.junit.jupiter.api.Test;

/**
 * Rows (binary): u0 {0, 1}, u1 {0, 1, 2}, u2 {1, 2}, and an anonymous basket {2, 3}.
 *
 * <pre>
 * norms: n0 = sqrt 2, n1 = sqrt 3, n2 = sqrt 3, n3 = 1
 * co-occurrence: (0,1) = 2, (0,2) = 1, (1,2) = 2, (2,3) = 1 (the basket), others 0
 * shrinkage 0: sim(0,1) = 2 / sqrt 6 = 0.8164966, sim(0,2) = 1 / sqrt 6 = 0.4082483,
 *              sim(1,2) = 2 / 3 = 0.6666667, sim(2,3) = 1 / sqrt 3 = 0.5773503
 * neighbours: 0 -> 1, 2;  1 -> 0, 2;  2 -> 1, 3, 0;  3 -> 2
 * shrinkage 1: sim(0,1) = 2 / (sqrt 6 + 1) = 0.5797959, sim(1,2) = 2 / 4 = 0.5
 * </pre>
 */
class ItemKnnTest {
    static final Csr ROWS =
            new Csr(4, 4, new int[] {0, 2, 5, 7, 9}, new int[] {0, 1, 0, 1, 2, 1, 2, 2, 3}, new float[] {
                1, 1, 1, 1, 1, 1, 1, 1, 1
            });

    @Test
    void cosineNeighboursStrongestFirst() {
        SparseRows n = new ItemKnn(new ItemKnnParameters(10, 0, true)).fit(ROWS);
        assertThat(n.indptr()).containsExactly(0, 2, 4, 7, 8);
        assertThat(n.indices()).containsExactly(1, 2, 0, 2, 1, 3, 0, 2);
        assertThat(Neighbors.weight(n, 0, 1)).isCloseTo(0.8164966f, within(1e-6f));
        assertThat(Neighbors.weight(n, 0, 2)).isCloseTo(0.4082483f, within(1e-6f));
        assertThat(Neighbors.weight(n, 2, 1)).isCloseTo(0.6666667f, within(1e-6f));
        assertThat(Neighbors.weight(n, 3, 2)).isCloseTo(0.5773503f, within(1e-6f));
        assertThat(Neighbors.weight(n, 0, 3)).isZero();
    }

    @Test
    void shrinkageAndTruncation() {
        SparseRows n = new ItemKnn(new ItemKnnParameters(1, 1, true)).fit(ROWS);
        assertThat(n.indices()).containsExactly(1, 0, 1, 2);
        assertThat(Neighbors.weight(n, 0, 1)).isCloseTo(0.5797959f, within(1e-6f));
        assertThat(Neighbors.weight(n, 1, 0)).isCloseTo(0.5797959f, within(1e-6f));
        assertThat(Neighbors.weight(n, 2, 1)).isCloseTo(0.5f, within(1e-6f));
    }

    @Test
    void tiesKeepTheLowerItemFirst() {
        // Item 2 co-occurs once with item 0 and once with item 1, which have equal norms.
        Csr rows = new Csr(2, 3, new int[] {0, 2, 4}, new int[] {0, 2, 1, 2}, new float[] {1, 1, 1, 1});
        SparseRows n = new ItemKnn(new ItemKnnParameters(1, 0, true)).fit(rows);
        assertThat(n.indices()[n.indptr()[2]]).isEqualTo(0);
        SparseRows both = new ItemKnn(new ItemKnnParameters(5, 0, true)).fit(rows);
        assertThat(both.indices()).containsExactly(2, 2, 0, 1);
    }
}
