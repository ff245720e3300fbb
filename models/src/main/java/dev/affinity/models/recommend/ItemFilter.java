package dev.affinity.models.recommend;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * Which items a recommendation may contain, on top of the rules that always hold (items missing
 * from the catalog and non-merchandise items are never recommended).
 *
 * @param excludeItemIds ids never to return, such as items already in this email; ids the model
 *     does not know are ignored
 * @param excludePurchased leave out the user's training items ({@link Recommender#recommend}) or the
 *     session's items ({@link Recommender#forSession}); a popularity model knows no user's items
 * @param category only items of this category, or {@code null} for any
 * @param minPrice only items priced at least this; {@code Double.NEGATIVE_INFINITY} for no bound
 * @param maxPrice only items priced at most this; {@code Double.POSITIVE_INFINITY} for no bound.
 *     When either bound is set, items of unknown price are left out
 * @param inStockOnly only items in stock
 */
public record ItemFilter(
        Set<String> excludeItemIds,
        boolean excludePurchased,
        String category,
        double minPrice,
        double maxPrice,
        boolean inStockOnly) {

    /** No filter beyond the rules that always hold. */
    public static final ItemFilter NONE =
            new ItemFilter(Set.of(), false, null, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, false);

    /** Copies the exclusions and checks the category and the price range. */
    public ItemFilter {
        excludeItemIds = Set.copyOf(Objects.requireNonNull(excludeItemIds, "excludeItemIds"));
        if (category != null && category.isEmpty()) {
            throw new IllegalArgumentException("category filter is empty; use null for any category");
        }
        if (Double.isNaN(minPrice) || Double.isNaN(maxPrice) || minPrice > maxPrice) {
            throw new IllegalArgumentException("price range [" + minPrice + ", " + maxPrice + "] is not a range");
        }
    }

    /** This filter, also leaving out {@code ids}. */
    public ItemFilter excluding(String... ids) {
        Set<String> all = new HashSet<>(excludeItemIds);
        all.addAll(Arrays.asList(ids));
        return new ItemFilter(all, excludePurchased, category, minPrice, maxPrice, inStockOnly);
    }

    /** This filter, also leaving out the user's (or session's) items. */
    public ItemFilter excludingPurchased() {
        return new ItemFilter(excludeItemIds, true, category, minPrice, maxPrice, inStockOnly);
    }

    /** This filter, restricted to {@code newCategory}. */
    public ItemFilter inCategory(String newCategory) {
        return new ItemFilter(excludeItemIds, excludePurchased, newCategory, minPrice, maxPrice, inStockOnly);
    }

    /** This filter, restricted to prices in {@code [min, max]} (both inclusive). */
    public ItemFilter priceBetween(double min, double max) {
        return new ItemFilter(excludeItemIds, excludePurchased, category, min, max, inStockOnly);
    }

    /** This filter, restricted to items in stock. */
    public ItemFilter inStock() {
        return new ItemFilter(excludeItemIds, excludePurchased, category, minPrice, maxPrice, true);
    }

    /** Whether a price bound is set, which also leaves out items of unknown price. */
    public boolean hasPriceBounds() {
        return minPrice != Double.NEGATIVE_INFINITY || maxPrice != Double.POSITIVE_INFINITY;
    }
}
