package dev.affinity.models.registry;

import java.util.Locale;
import java.util.regex.Pattern;

/** Version names: {@code v} and a number of at least six digits, {@code v000001} first. */
final class Versions {
    private static final Pattern VERSION = Pattern.compile("v\\d{6,9}");

    private Versions() {}

    /** The name of version {@code number}. */
    static String of(long number) {
        return String.format(Locale.ROOT, "v%06d", number);
    }

    /** Whether {@code s} is a version name. */
    static boolean isVersion(String s) {
        return s != null && VERSION.matcher(s).matches();
    }

    /** The number of a version name, which must be one. */
    static long number(String version) {
        if (!isVersion(version)) {
            throw new IllegalArgumentException("not a version name (expected v000001, v000002, ...): " + version);
        }
        return Long.parseLong(version.substring(1));
    }
}
