package dev.affinity.training.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.affinity.models.artifact.SparseRows;
import dev.affinity.training.testing.Neighbors;
import java.util.List;
import org.junit.jupiter.api.Test;

class TfIdfSimilarityTest {
    static final List<ItemText> ITEMS = List.of(
            new ItemText("WHITE HANGING HEART T-LIGHT HOLDER", null, null), // 0
            new ItemText("RED HANGING HEART T-LIGHT HOLDER", null, null), // 1
            new ItemText("WHITE METAL LANTERN", null, null), // 2
            new ItemText("JUMBO BAG RED RETROSPOT", null, "Bags"), // 3
            new ItemText("LUNCH BAG RED RETROSPOT", "a lunch bag", "Bags"), // 4
            new ItemText("ALARM CLOCK", null, null)); // 5 shares nothing

    @Test
    void itemsSharingRareWordsAreNeighbours() {
        SparseRows n = new TfIdfSimilarity(2).fit(ITEMS);
        // The two heart holders share four of five words.
        assertThat(n.indices()[n.indptr()[0]]).isEqualTo(1);
        assertThat(n.indices()[n.indptr()[1]]).isEqualTo(0);
        assertThat(Neighbors.weight(n, 0, 1)).isGreaterThan(0.6f);
        // The two retrospot bags share "bag", "red", "retrospot" and their category.
        assertThat(n.indices()[n.indptr()[3]]).isEqualTo(4);
        assertThat(Neighbors.weight(n, 3, 4)).isGreaterThan(Neighbors.weight(n, 3, 1));
        // The lantern's only shared word is "white", with the first holder.
        assertThat(n.indices()[n.indptr()[2]]).isEqualTo(0);
        // An item that shares no token has no neighbours.
        assertThat(n.indptr()[6] - n.indptr()[5]).isZero();
    }

    @Test
    void selfSimilarityOfIdenticalTextsIsOne() {
        SparseRows n = new TfIdfSimilarity(1)
                .fit(List.of(new ItemText("Blue mug", null, "Kitchen"), new ItemText("Blue mug", null, "Kitchen")));
        assertThat(Neighbors.weight(n, 0, 1)).isCloseTo(1f, within(1e-6f));
    }
}
