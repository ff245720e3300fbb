package dev.affinity.features.generate;

/**
 * Identifiers of generated rows. They are built from indices and sequence numbers, never random,
 * so they are unique by construction and identical from run to run.
 */
final class Ids {
    private Ids() {}

    /** {@code prefix} followed by {@code n} left-padded with zeros to {@code width} digits. */
    static String padded(String prefix, long n, int width) {
        String digits = Long.toString(n);
        StringBuilder b = new StringBuilder(prefix.length() + Math.max(width, digits.length()));
        b.append(prefix);
        for (int i = digits.length(); i < width; i++) {
            b.append('0');
        }
        return b.append(digits).toString();
    }

    /** The product id of product index {@code index} (0-based), such as {@code P0000001}. */
    static String product(int index) {
        return padded("P", index + 1L, 7);
    }

    /** The eight digits that identify customer index {@code index} (0-based) in every id. */
    static String customerDigits(int index) {
        return padded("", index + 1L, 8);
    }

    /** A per-customer id: {@code prefix}, the customer's digits, a dash and a sequence number. */
    static String sequenced(String prefix, String customerDigits, int sequence) {
        return prefix + customerDigits + '-' + sequence;
    }
}
