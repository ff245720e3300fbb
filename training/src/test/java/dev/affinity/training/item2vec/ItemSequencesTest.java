package dev.affinity.training.item2vec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.affinity.training.als.Csr;
import org.junit.jupiter.api.Test;

class ItemSequencesTest {
    /** Two users: the first with items 0..3, the second with item 2 only; the third with none. */
    static final Csr DATA =
            new Csr(3, 4, new int[] {0, 4, 5, 5}, new int[] {0, 1, 2, 3, 2}, new float[] {1, 1, 1, 1, 1});

    @Test
    void followsTimeAndBreaksTiesByItemPosition() {
        // Item 3 first, then items 0 and 2 in one basket (tie: by position), then item 1.
        var sequences = ItemSequences.of(DATA, new long[] {20, 90, 20, 5, 7});
        assertThat(sequences.get(0)).containsExactly(3, 0, 2, 1);
        assertThat(sequences.get(1)).containsExactly(2);
        assertThat(sequences.get(2)).isEmpty();
    }

    @Test
    void withoutTimesFollowsItemPosition() {
        assertThat(ItemSequences.of(DATA, null).get(0)).containsExactly(0, 1, 2, 3);
    }
}
