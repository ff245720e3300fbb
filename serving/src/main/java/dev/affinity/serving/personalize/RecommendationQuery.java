package dev.affinity.serving.personalize;

import dev.affinity.models.recommend.ItemFilter;
import java.util.Set;

/**
 * What a caller asked for: how many items and which ones may appear. Validated by the API layer.
 *
 * @param k number of items, 1..maxK
 * @param exclude item ids never to return
 * @param category only this category, or {@code null}
 * @param minPrice lower price bound, or {@code null}
 * @param maxPrice upper price bound, or {@code null}
 * @param inStock only items in stock
 * @param excludePurchased leave out the user's own items (default true)
 */
public record RecommendationQuery(
        int k,
        Set<String> exclude,
        String category,
        Double minPrice,
        Double maxPrice,
        boolean inStock,
        boolean excludePurchased) {

    /** Copies the exclusions. */
    public RecommendationQuery {
        exclude = Set.copyOf(exclude);
    }

    /** The query with defaults and {@code k} items. */
    public static RecommendationQuery ofK(int k) {
        return new RecommendationQuery(k, Set.of(), null, null, null, false, true);
    }

    /** The model-side filter; {@code excludePurchased} as asked. */
    public ItemFilter filter() {
        return new ItemFilter(
                exclude,
                excludePurchased,
                category,
                minPrice == null ? Double.NEGATIVE_INFINITY : minPrice,
                maxPrice == null ? Double.POSITIVE_INFINITY : maxPrice,
                inStock);
    }
}
