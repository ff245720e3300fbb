package dev.affinity.features.testing;

import java.time.LocalDate;
import java.time.LocalDateTime;

/** Terse constructors of warehouse rows for hand-made test fixtures (columns as in Tables). */
public final class Rows {
    private Rows() {}

    /** A customer with a city, country and optional sign-up date. */
    public static Object[] customer(String id, String city, LocalDate signup) {
        return new Object[] {id, id + "@example.com", "First", "Last", city, "US", signup, true, false};
    }

    /** A merchandise product in a category. */
    public static Object[] product(String id, String category, double price) {
        return new Object[] {id, "Title " + id, null, category, price, null, null, true, true};
    }

    /** An order line. */
    public static Object[] order(
            String orderId, int line, String customer, String product, int qty, double price, LocalDateTime at) {
        return new Object[] {orderId, line, customer, product, qty, price, at, "US", "web"};
    }

    /** A returned line. */
    public static Object[] returned(
            String id, String customer, String product, int qty, double price, LocalDateTime at) {
        return new Object[] {id, null, customer, product, qty, price, at, "US", "returned"};
    }

    /** A web event. */
    public static Object[] event(
            String id, String customer, String session, String type, String product, LocalDateTime at) {
        return new Object[] {id, customer, session, type, product, null, at, "web"};
    }

    /** An e-mail event. */
    public static Object[] email(String customer, String campaign, String type, LocalDateTime at) {
        return new Object[] {customer, campaign, "A", type, at};
    }
}
