package dev.affinity.models.recommend;

import java.util.Objects;

/**
 * One product as the shop sells it today, the facts recommendations are filtered on.
 *
 * @param id the product id, as in the model's item ids
 * @param title the title shown in an email ("because you bought ...")
 * @param category the category, or {@code null} when the product has none
 * @param price the unit price in the shop's currency, or {@code NaN} when unknown
 * @param inStock whether the product can be bought now
 * @param merchandise {@code false} for lines that are not products (postage, fees, discounts),
 *     which are never recommended
 */
public record CatalogItem(
        String id, String title, String category, double price, boolean inStock, boolean merchandise) {

    /** Checks that the id is non-empty, the title present, and the price non-negative or NaN. */
    public CatalogItem {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        if (id.isEmpty()) {
            throw new IllegalArgumentException("catalog item id is empty");
        }
        if (category != null && category.isEmpty()) {
            throw new IllegalArgumentException("category of " + id + " is empty; use null for none");
        }
        if (price < 0 || Double.isInfinite(price)) {
            throw new IllegalArgumentException("price of " + id + " must be >= 0 and finite, or NaN: " + price);
        }
    }
}
