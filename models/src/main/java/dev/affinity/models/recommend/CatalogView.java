package dev.affinity.models.recommend;

import dev.affinity.models.artifact.IdIndex;

/**
 * The catalog's facts as primitive arrays aligned to one model's item positions, so that filters
 * cost an array read per item. Immutable once built.
 */
final class CatalogView {
    /** Category code of items without a category; no filter asks for it. */
    static final int NO_CATEGORY = -2;

    final ItemCatalog catalog;
    /** In the catalog and merchandise: may be recommended, and may be shown as a reason. */
    final boolean[] eligible;

    final int[] category;
    final float[] price;
    final boolean[] inStock;

    private CatalogView(ItemCatalog catalog, int n) {
        this.catalog = catalog;
        this.eligible = new boolean[n];
        this.category = new int[n];
        this.price = new float[n];
        this.inStock = new boolean[n];
    }

    static CatalogView align(ItemCatalog catalog, IdIndex items) {
        CatalogView view = new CatalogView(catalog, items.size());
        for (int i = 0; i < items.size(); i++) {
            CatalogItem item = catalog.get(items.id(i));
            if (item == null) {
                view.category[i] = NO_CATEGORY;
                view.price[i] = Float.NaN;
                continue;
            }
            view.eligible[i] = item.merchandise();
            view.category[i] = item.category() == null ? NO_CATEGORY : catalog.categoryCode(item.category());
            view.price[i] = (float) item.price();
            view.inStock[i] = item.inStock();
        }
        return view;
    }

    int size() {
        return eligible.length;
    }
}
