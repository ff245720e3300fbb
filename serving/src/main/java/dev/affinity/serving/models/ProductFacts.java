package dev.affinity.serving.models;

import dev.affinity.models.recommend.CatalogItem;
import dev.affinity.models.recommend.ItemCatalog;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The product catalog as served: the model-side {@link ItemCatalog} plus the display facts an email
 * needs (url, image url). Immutable.
 */
public final class ProductFacts {
    private final ItemCatalog catalog;
    private final Map<String, Display> display;

    /** Where a product's page and image are; either may be {@code null}. */
    public record Display(String url, String imageUrl) {}

    /** A catalog of {@code items} with their display facts (items without an entry have none). */
    public ProductFacts(List<CatalogItem> items, Map<String, Display> display) {
        this.catalog = ItemCatalog.of(items);
        this.display = Map.copyOf(new HashMap<>(display));
    }

    /** A catalog that knows only ids: each item titled by its id, price unknown, in stock. */
    public static ProductFacts idsOnly(List<String> ids) {
        return new ProductFacts(
                ids.stream()
                        .map(id -> new CatalogItem(id, id, null, Double.NaN, true, true))
                        .toList(),
                Map.of());
    }

    /** The catalog to bind models to. */
    public ItemCatalog catalog() {
        return catalog;
    }

    /** Number of products. */
    public int size() {
        return catalog.size();
    }

    /** The product, or {@code null}. */
    public CatalogItem item(String id) {
        return catalog.item(id).orElse(null);
    }

    /** The display facts of a product; both {@code null} when unknown. */
    public Display display(String id) {
        Display d = display.get(id);
        return d == null ? NONE : d;
    }

    private static final Display NONE = new Display(null, null);
}
