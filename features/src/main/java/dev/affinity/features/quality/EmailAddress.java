package dev.affinity.features.quality;

import java.util.regex.Pattern;

/** E-mail address format check, using the WHATWG HTML "valid e-mail address" grammar. */
public final class EmailAddress {
    private static final Pattern VALID =
            Pattern.compile("^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?"
                    + "(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)+$");

    private EmailAddress() {}

    /** Whether {@code value} is a well-formed address with a dotted domain. */
    public static boolean isValid(String value) {
        return value != null && value.length() <= 254 && VALID.matcher(value).matches();
    }
}
