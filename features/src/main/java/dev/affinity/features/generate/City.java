package dev.affinity.features.generate;

import java.util.Objects;

/**
 * A city customers live in.
 *
 * @param name city name, as stored in {@code customers.city}
 * @param country country name, as stored in {@code country} columns (the Online Retail style, such
 *     as "United Kingdom")
 * @param weight relative share of customers
 */
record City(String name, String country, double weight) {
    /** Validates the values. */
    City {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(country, "country");
        if (!(weight > 0)) {
            throw new IllegalArgumentException("city " + name + " needs a positive weight");
        }
    }
}
