package dev.affinity.training.item2vec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class UserVectorsTest {
    /** Three items in two dimensions; item 2 has no vector. */
    static final ItemVectors VECTORS = new ItemVectors(3, 2, new float[] {1, 0, 0, 1, 0, 0}, 2);

    @Test
    void weighsTheMostRecentItemOneAndHalvesEveryHalfLife() {
        // Oldest first: item 0 then item 1. Half-life 1: item 1 weighs 1, item 0 weighs 1/2.
        float[] users = UserVectors.of(List.of(new int[] {0, 1}), VECTORS, 1);
        assertThat(users[0]).isCloseTo(0.5f / 1.5f, within(1e-6f));
        assertThat(users[1]).isCloseTo(1f / 1.5f, within(1e-6f));
        // Half-life 2: item 0 weighs 0.5^(1/2).
        float w = (float) Math.sqrt(0.5);
        float[] slower = UserVectors.of(List.of(new int[] {0, 1}), VECTORS, 2);
        assertThat(slower[0]).isCloseTo(w / (1 + w), within(1e-6f));
        assertThat(slower[1]).isCloseTo(1 / (1 + w), within(1e-6f));
    }

    @Test
    void itemsWithoutAVectorAreSkippedAndTakeNoPosition() {
        // Item 2 (no vector) is the most recent: item 1 still weighs 1 and item 0 one half.
        float[] users = UserVectors.of(List.of(new int[] {0, 1, 2}, new int[] {2}, new int[0]), VECTORS, 1);
        assertThat(users[0]).isCloseTo(0.5f / 1.5f, within(1e-6f));
        assertThat(users[1]).isCloseTo(1f / 1.5f, within(1e-6f));
        assertThat(new float[] {users[2], users[3], users[4], users[5]}).containsOnly(0f);
    }

    @Test
    void normalizedRowsHaveUnitLengthAndZeroRowsStayZero() {
        ItemVectors v = new ItemVectors(2, 2, new float[] {3, 4, 0, 0}, 1).normalized();
        assertThat(v.data()).containsExactly(0.6f, 0.8f, 0f, 0f);
        assertThat(v.has(0)).isTrue();
        assertThat(v.has(1)).isFalse();
    }
}
