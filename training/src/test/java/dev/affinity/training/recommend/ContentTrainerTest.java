package dev.affinity.training.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.affinity.models.artifact.IdIndex;
import dev.affinity.models.recommend.CatalogItem;
import dev.affinity.models.recommend.ColdStartPolicy;
import dev.affinity.models.recommend.ItemCatalog;
import dev.affinity.models.recommend.ItemFilter;
import dev.affinity.models.recommend.Recommender;
import dev.affinity.training.als.Csr;
import dev.affinity.training.content.ItemText;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Two products sold (a red mug, a garden hose) and two never sold (a blue mug, a hose reel). */
class ContentTrainerTest {
    static final Map<String, ItemText> CATALOG = Map.of(
            "red-mug", new ItemText("Red ceramic mug", null, "Kitchen"),
            "blue-mug", new ItemText("Blue ceramic mug", null, "Kitchen"),
            "hose", new ItemText("Garden hose 20m", null, "Garden"),
            "reel", new ItemText("Hose reel", null, "Garden"));

    private static Recommender trained() {
        // Training data knows only the sold products: ann bought the red mug, bob the hose.
        TrainingData data = new TrainingData(
                new IdIndex(List.of("ann", "bob")),
                new IdIndex(List.of("hose", "red-mug")),
                new Csr(2, 2, new int[] {0, 1, 2}, new int[] {1, 0}, new float[] {1, 1}));
        var model = new ContentTrainer(CATALOG, 10).train(data);
        List<CatalogItem> items = CATALOG.keySet().stream()
                .map(id -> new CatalogItem(id, id, null, Double.NaN, true, true))
                .toList();
        return ItemCatalog.of(items).bind(model, ColdStartPolicy.EMPTY);
    }

    @Test
    void recommendsProductsNobodyHasBoughtYet() {
        var recs = trained().recommend("ann", 1, ItemFilter.NONE.excludingPurchased());
        assertThat(recs.itemIds()).containsExactly("blue-mug");
        assertThat(recs.items().get(0).becauseItemId()).isEqualTo("red-mug");
        assertThat(trained()
                        .recommend("bob", 1, ItemFilter.NONE.excludingPurchased())
                        .itemIds())
                .containsExactly("reel");
    }

    @Test
    void givesSimilarItemsToANewProduct() {
        assertThat(trained().similarItems("reel", 1, ItemFilter.NONE).itemIds()).containsExactly("hose");
        assertThat(trained().similarItems("blue-mug", 1, ItemFilter.NONE).itemIds())
                .containsExactly("red-mug");
    }
}
