package dev.affinity.features.segments;

import java.util.Locale;

/** The types of the rule language. Every value may also be missing. */
public enum ValueType {
    /** Numbers, held as {@code Double}. */
    NUMBER,
    /** Text. */
    STRING,
    /** {@code true} or {@code false}. */
    BOOLEAN,
    /** A point in time, held as {@code LocalDateTime} (dates are taken at midnight). */
    TIMESTAMP;

    /** The lower-case name used in messages. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
