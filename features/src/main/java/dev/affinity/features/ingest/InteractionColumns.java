package dev.affinity.features.ingest;

import java.util.List;
import java.util.Locale;

/**
 * Where the fields of a user-item interaction file are: a column name when the file has a header,
 * or a 1-based position (with or without a header).
 *
 * @param user the user id column (required)
 * @param item the item id column (required)
 * @param weight the weight column, or {@code null} for weight 1 on every row
 * @param time the time column, or {@code null}; values are ISO dates or timestamps, or epoch
 *     seconds (integers; from 10^11 on they are read as epoch milliseconds)
 * @param separator the field separator
 * @param header whether the first line names the columns
 */
public record InteractionColumns(String user, String item, String weight, String time, char separator, boolean header) {

    /** Checks that the required columns are given, and that positions are used without a header. */
    public InteractionColumns {
        require("--user-col", user);
        require("--item-col", item);
        if (!header) {
            for (String[] c : new String[][] {
                {"--user-col", user}, {"--item-col", item}, {"--weight-col", weight}, {"--time-col", time}
            }) {
                if (c[1] != null && position(c[1]) < 0) {
                    throw new IllegalArgumentException(
                            c[0] + " '" + c[1] + "' must be a 1-based column number when the file has no header");
                }
            }
        }
    }

    /** Reads a separator given on a command line: a character, or {@code \t}, {@code tab}, {@code comma}, ... */
    public static char separator(String text) {
        String t = text.toLowerCase(Locale.ROOT);
        return switch (t) {
            case "\\t", "tab", "\t" -> '\t';
            case "comma", "," -> ',';
            case "semicolon", ";" -> ';';
            case "pipe", "|" -> '|';
            case "space", " " -> ' ';
            default -> {
                if (text.length() != 1) {
                    throw new IllegalArgumentException(
                            "--sep must be one character or one of \\t, tab, comma, semicolon, pipe, space; got '"
                                    + text + "'");
                }
                yield text.charAt(0);
            }
        };
    }

    /**
     * The 0-based index of {@code column} in a row, or -1 when {@code column} is null.
     *
     * @throws IllegalArgumentException naming the option and the header when there is no such column
     */
    int indexOf(String option, String column, List<String> headerNames) {
        if (column == null) {
            return -1;
        }
        if (header) {
            int i = headerNames.indexOf(column);
            if (i >= 0) {
                return i;
            }
        }
        int p = position(column);
        if (p < 0) {
            throw new IllegalArgumentException(
                    option + " '" + column + "' is not a column of the header " + headerNames);
        }
        return p - 1;
    }

    private static int position(String column) {
        try {
            int p = Integer.parseInt(column.trim());
            return p >= 1 ? p : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static void require(String option, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(option + " is required");
        }
    }
}
