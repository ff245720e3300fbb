package dev.affinity.features.generate;

import java.util.List;
import java.util.Objects;

/**
 * One product category of the synthetic shop, with the words its titles, descriptions and search
 * queries are built from.
 *
 * @param name lower-case category name, as stored in {@code products.category}
 * @param medianPrice median list price; prices are log-normal around it
 * @param weight relative share of the catalog and of customers' favourites
 * @param nouns product kinds, such as "Headphones"
 * @param adjectives words that qualify the product kinds in titles
 * @param uses what the products are for, completing "made for ..." in descriptions
 */
record Category(
        String name,
        double medianPrice,
        double weight,
        List<String> nouns,
        List<String> adjectives,
        List<String> uses) {
    /** Validates the values and copies the lists. */
    Category {
        Objects.requireNonNull(name, "name");
        if (!(medianPrice > 0) || !(weight > 0)) {
            throw new IllegalArgumentException("category " + name + " needs a positive median price and weight");
        }
        nouns = List.copyOf(nouns);
        adjectives = List.copyOf(adjectives);
        uses = List.copyOf(uses);
        if (nouns.isEmpty() || adjectives.isEmpty() || uses.isEmpty()) {
            throw new IllegalArgumentException("category " + name + " needs nouns, adjectives and uses");
        }
    }
}
