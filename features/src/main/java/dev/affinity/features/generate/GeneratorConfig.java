package dev.affinity.features.generate;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Objects;

/**
 * What {@link SyntheticWarehouse} generates. The same configuration always generates the same
 * bytes: the window is fixed by {@link #endDate()}, never by the wall clock.
 *
 * @param customers number of customers, at least 1 and at most {@value #MAX_CUSTOMERS}
 * @param products number of products, at least 1 and at most {@value #MAX_PRODUCTS}
 * @param days length of the simulated activity window in days, at least 1 and at most {@value
 *     #MAX_DAYS}
 * @param seed seed of every random draw
 * @param eventsPerCustomer target mean number of {@code events} rows per customer over the window,
 *     at least 1 and at most {@value #MAX_EVENTS_PER_CUSTOMER} (default {@value
 *     #DEFAULT_EVENTS_PER_CUSTOMER}); the realised mean is within about 10% of it, independent of
 *     {@code days}
 * @param endDate the last day of the window (UTC), default {@link #DEFAULT_END_DATE}
 */
public record GeneratorConfig(
        int customers, int products, int days, long seed, int eventsPerCustomer, LocalDate endDate) {
    /** Default target of {@code events} rows per customer. */
    public static final int DEFAULT_EVENTS_PER_CUSTOMER = 50;

    /** Default last day of the window: fixed, so that output does not depend on when it is run. */
    public static final LocalDate DEFAULT_END_DATE = LocalDate.of(2026, 11, 30);

    /** Largest number of customers (customer ids have eight digits). */
    public static final int MAX_CUSTOMERS = 99_999_999;

    /** Largest number of products (product ids have seven digits). */
    public static final int MAX_PRODUCTS = 9_999_999;

    /** Largest target of events per customer. */
    public static final int MAX_EVENTS_PER_CUSTOMER = 100_000;

    /** Longest window, in days. */
    public static final int MAX_DAYS = 3_650;

    /** Validates every field. */
    public GeneratorConfig {
        Objects.requireNonNull(endDate, "endDate");
        requireRange("customers", customers, MAX_CUSTOMERS);
        requireRange("products", products, MAX_PRODUCTS);
        requireRange("days", days, MAX_DAYS);
        requireRange("eventsPerCustomer", eventsPerCustomer, MAX_EVENTS_PER_CUSTOMER);
    }

    /** A configuration with the default events per customer and end date. */
    public static GeneratorConfig of(int customers, int products, int days, long seed) {
        return new GeneratorConfig(customers, products, days, seed, DEFAULT_EVENTS_PER_CUSTOMER, DEFAULT_END_DATE);
    }

    /** This configuration with another target of events per customer. */
    public GeneratorConfig withEventsPerCustomer(int value) {
        return new GeneratorConfig(customers, products, days, seed, value, endDate);
    }

    /** This configuration with another last day of the window. */
    public GeneratorConfig withEndDate(LocalDate value) {
        return new GeneratorConfig(customers, products, days, seed, eventsPerCustomer, value);
    }

    /** The first instant of the window: midnight UTC at the start of its first day. */
    public LocalDateTime windowStart() {
        return endDate.minusDays(days - 1L).atStartOfDay();
    }

    /** The end of the window, exclusive: midnight UTC after {@link #endDate()}. */
    public LocalDateTime windowEnd() {
        return endDate.plusDays(1).atStartOfDay();
    }

    private static void requireRange(String name, int value, int max) {
        if (value < 1 || value > max) {
            throw new IllegalArgumentException(name + " must be between 1 and " + max + ", got " + value);
        }
    }
}
