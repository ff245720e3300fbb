package dev.affinity.features.warehouse;

import java.util.Locale;

/** The kinds of web and app event in the {@code events} table, stored in lower case. */
public enum EventType {
    /** A product page view. */
    VIEW,
    /** A product added to the cart. */
    ADD_TO_CART,
    /** A product removed from the cart. */
    REMOVE_FROM_CART,
    /** A completed checkout. */
    PURCHASE,
    /** A site search. */
    SEARCH,
    /** An account sign-up. */
    SIGNUP;

    /** The value stored in the table. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a stored value; returns {@code null} when it is not a known event type. */
    public static EventType parse(String code) {
        for (EventType t : values()) {
            if (t.code().equalsIgnoreCase(code)) {
                return t;
            }
        }
        return null;
    }
}
