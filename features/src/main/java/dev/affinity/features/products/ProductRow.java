package dev.affinity.features.products;

/**
 * One product, normalised for display and filtering.
 *
 * @param id the product id
 * @param title the title, or the id when the warehouse has none
 * @param category the category, or {@code null} when missing or empty
 * @param price the price, or {@code NaN} when missing, negative or infinite
 * @param url the product page, or {@code null}
 * @param imageUrl the image, or {@code null}
 * @param inStock whether any row says it is in stock (missing counts as in stock)
 * @param merchandise whether it is merchandise (postage and fees are not)
 */
public record ProductRow(
        String id,
        String title,
        String category,
        double price,
        String url,
        String imageUrl,
        boolean inStock,
        boolean merchandise) {}
