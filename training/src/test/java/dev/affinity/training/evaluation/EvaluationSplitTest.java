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
}
