package dev.affinity.features.warehouse;

import java.util.Locale;

/** The kinds of e-mail event in the {@code email_events} table, stored in lower case. */
public enum EmailEventType {
    /** The message was sent. */
    SEND,
    /** The message was opened (inflated by Apple Mail Privacy Protection). */
    OPEN,
    /** A link was clicked. */
    CLICK,
    /** The message bounced. */
    BOUNCE,
    /** The recipient unsubscribed. */
    UNSUBSCRIBE;

    /** The value stored in the table. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a stored value; returns {@code null} when it is not a known type. */
    public static EmailEventType parse(String code) {
        for (EmailEventType t : values()) {
            if (t.code().equalsIgnoreCase(code)) {
                return t;
            }
        }
        return null;
    }
}
