package dev.affinity.models.recommend;

import dev.affinity.models.artifact.IdIndex;
import java.util.Arrays;

/**
 * An {@link ItemFilter} compiled for one call against one {@link CatalogView}: the category as a
 * code, the price bounds as floats (the catalog's prices are floats, so a bound equal to a price
 * keeps it), and the excluded items as sorted positions. Allocates only in proportion to the
 * exclusions.
 */
final class FilterPlan {
    private static final int ANY_CATEGORY = Integer.MIN_VALUE;
    private static final int[] NONE = new int[0];

    private final boolean[] eligible;
    private final int[] category;
    private final float[] price;
    private final boolean[] inStock;
    private final int wantCategory;
    private final boolean priced;
    private final float minPrice;
    private final float maxPrice;
    private final boolean inStockOnly;
    private final int[] excluded;

    private FilterPlan(CatalogView view, ItemFilter filter, int wantCategory, int[] excluded) {
        this.eligible = view.eligible;
        this.category = view.category;
        this.price = view.price;
        this.inStock = view.inStock;
        this.wantCategory = wantCategory;
        this.priced = filter.hasPriceBounds();
        this.minPrice = (float) filter.minPrice();
        this.maxPrice = (float) filter.maxPrice();
        this.inStockOnly = filter.inStockOnly();
        this.excluded = excluded;
    }

    /**
     * The plan for {@code filter}, also excluding {@code rowItems[from, to)} (the user's or
     * session's items, when the filter asks) and {@code query} (-1 for none).
     */
    static FilterPlan of(
            CatalogView view, ItemFilter filter, IdIndex items, int[] rowItems, int from, int to, int query) {
        int own = filter.excludePurchased() ? to - from : 0;
        int[] excluded = new int[filter.excludeItemIds().size() + own + (query >= 0 ? 1 : 0)];
        int n = 0;
        for (String id : filter.excludeItemIds()) {
            int i = items.indexOf(id);
            if (i >= 0) {
                excluded[n++] = i;
            }
        }
        if (own > 0) {
            System.arraycopy(rowItems, from, excluded, n, own);
            n += own;
        }
        if (query >= 0) {
            excluded[n++] = query;
        }
        int want = filter.category() == null ? ANY_CATEGORY : view.catalog.categoryCode(filter.category());
        return new FilterPlan(view, filter, want, n == 0 ? NONE : sortedUnique(excluded, n));
    }

    /** The plan for {@code filter} alone. */
    static FilterPlan of(CatalogView view, ItemFilter filter, IdIndex items) {
        return of(view, filter, items, NONE, 0, 0, -1);
    }

    /** Whether item position {@code i} passes. */
    boolean accepts(int i) {
        if (!eligible[i]) {
            return false;
        }
        if (wantCategory != ANY_CATEGORY && category[i] != wantCategory) {
            return false;
        }
        if (inStockOnly && !inStock[i]) {
            return false;
        }
        if (priced) {
            float p = price[i];
            if (!(p >= minPrice && p <= maxPrice)) { // NaN (unknown price) fails too
                return false;
            }
        }
        return excluded.length == 0 || Arrays.binarySearch(excluded, i) < 0;
    }

    /**
     * Whether the plan keeps only a small share of the catalog (a category), so that checking it
     * before scoring saves more than a vectorised first pass over every item would.
     */
    boolean selective() {
        return wantCategory != ANY_CATEGORY;
    }

    /** This plan also requiring category code {@code code}; matches nothing if the filter asks another. */
    FilterPlan inCategoryCode(int code, ItemFilter filter, CatalogView view) {
        int want = wantCategory == ANY_CATEGORY || wantCategory == code ? code : -1;
        return new FilterPlan(view, filter, want, excluded);
    }

    private static int[] sortedUnique(int[] values, int n) {
        Arrays.sort(values, 0, n);
        int m = 0;
        for (int j = 0; j < n; j++) {
            if (m == 0 || values[m - 1] != values[j]) {
                values[m++] = values[j];
            }
        }
        return m == values.length ? values : Arrays.copyOf(values, m);
    }
}
