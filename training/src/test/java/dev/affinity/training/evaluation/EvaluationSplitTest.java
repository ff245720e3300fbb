package dev.affinity.training.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.affinity.training.als.Csr;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EvaluationSplitTest {
    /** User 0 has 10 items, user 1 has 2 (too few to split), user 2 has 5. */
    static final Csr DATA = new Csr(
            3,
            12,
            new int[] {0, 10, 12, 17},
            new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 11, 1, 3, 5, 7, 9},
            new float[] {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 3, 3, 3, 3, 3});

    @Test
    void holdsOutAFractionOfEligibleUsersAndConservesEntries() {
        EvaluationSplit split = EvaluationSplit.randomPerUser(DATA, 0.2, 3, 42);
        assertThat(split.heldOut().get(0)).hasSize(2);
        assertThat(split.heldOut().get(1)).isEmpty();
        assertThat(split.heldOut().get(2)).hasSize(1);
        assertThat(split.train().nnz()).isEqualTo(DATA.nnz() - 3);
        for (int u = 0; u < 3; u++) {
            Set<Integer> all = new HashSet<>();
            for (int e = DATA.indptr()[u]; e < DATA.indptr()[u + 1]; e++) {
                all.add(DATA.indices()[e]);
            }
            Set<Integer> rebuilt = new HashSet<>();
            for (int e = split.train().indptr()[u]; e < split.train().indptr()[u + 1]; e++) {
                rebuilt.add(split.train().indices()[e]);
            }
            for (int i : split.heldOut().get(u)) {
                assertThat(rebuilt.add(i)).as("held-out item also in training").isTrue();
            }
            assertThat(rebuilt).isEqualTo(all);
        }
    }

    @Test
    void isDeterministicForASeedAndVariesAcrossSeeds() {
        EvaluationSplit a = EvaluationSplit.randomPerUser(DATA, 0.3, 3, 1);
        EvaluationSplit b = EvaluationSplit.randomPerUser(DATA, 0.3, 3, 1);
        assertThat(a.heldOut().get(0)).isEqualTo(b.heldOut().get(0));
        assertThat(a.train().indices()).isEqualTo(b.train().indices());
        boolean differs = false;
        for (long seed = 2; seed < 10 && !differs; seed++) {
            differs = !java.util.Arrays.equals(
                    EvaluationSplit.randomPerUser(DATA, 0.3, 3, seed).heldOut().get(0),
                    a.heldOut().get(0));
        }
        assertThat(differs).isTrue();
        assertThatThrownBy(() -> EvaluationSplit.randomPerUser(DATA, 1.0, 3, 1)).hasMessageContaining("fraction");
    }

    /** 20 users of 6 items each (items u .. u+5 of 30), plus one user of 2 items (too few to hold out). */
    private static Csr twentyUsers() {
        int[] indptr = new int[22];
        int[] indices = new int[20 * 6 + 2];
        for (int u = 0; u < 20; u++) {
            for (int j = 0; j < 6; j++) {
                indices[u * 6 + j] = u + j;
            }
            indptr[u + 1] = (u + 1) * 6;
        }
        indices[120] = 0;
        indices[121] = 1;
        indptr[21] = 122;
        float[] values = new float[122];
        java.util.Arrays.fill(values, 1f);
        return new Csr(21, 30, indptr, indices, values);
    }

    @Test
    void heldOutUsersLeaveTrainingWholeAndAreFoldedInFromTheRest() {
        Csr data = twentyUsers();
        EvaluationSplit split = EvaluationSplit.heldOutUsers(data, 0.25, 0.2, 3, 7);
        int held = 0;
        for (int u = 0; u < data.rows(); u++) {
            int trainLength = split.train().indptr()[u + 1] - split.train().indptr()[u];
            int[] test = split.heldOut().get(u);
            int[] foldIn = split.foldIn(u);
            if (test.length == 0) {
                assertThat(foldIn).isEmpty();
                assertThat(trainLength).isEqualTo(data.indptr()[u + 1] - data.indptr()[u]);
                continue;
            }
            held++;
            // No interaction of a held-out user is visible to a trainer.
            assertThat(trainLength).isZero();
            assertThat(test).hasSize(1); // round(6 * 0.2) = 1
            assertThat(foldIn).hasSize(5);
            Set<Integer> all = new HashSet<>();
            for (int i : test) {
                all.add(i);
            }
            for (int i : foldIn) {
                assertThat(all.add(i)).as("fold-in item also held out").isTrue();
            }
            assertThat(all).containsExactlyInAnyOrder(u, u + 1, u + 2, u + 3, u + 4, u + 5);
        }
        assertThat(held).isEqualTo(5); // 25% of the 20 eligible users; user 20 has too few items
        assertThat(split.heldOut().get(20)).isEmpty();
        assertThat(split.train().nnz()).isEqualTo(data.nnz() - 5 * 6);
        // Seeded: the same seed gives the same users and items; another seed other users.
        EvaluationSplit again = EvaluationSplit.heldOutUsers(data, 0.25, 0.2, 3, 7);
        EvaluationSplit other = EvaluationSplit.heldOutUsers(data, 0.25, 0.2, 3, 8);
        for (int u = 0; u < data.rows(); u++) {
            assertThat(again.heldOut().get(u)).isEqualTo(split.heldOut().get(u));
            assertThat(again.foldIn(u)).isEqualTo(split.foldIn(u));
        }
        assertThat(java.util.stream.IntStream.range(0, 21)
                        .filter(u ->
                                other.heldOut().get(u).length != split.heldOut().get(u).length)
                        .count())
                .isPositive();
        assertThatThrownBy(() -> EvaluationSplit.heldOutUsers(data, 1.0, 0.2, 3, 7))
                .hasMessageContaining("userFraction");
    }
}
