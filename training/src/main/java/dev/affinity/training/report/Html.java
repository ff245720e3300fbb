package dev.affinity.training.report;

import java.util.List;
import java.util.Locale;

/** Escaping and the few HTML fragments the report repeats. */
final class Html {
    private Html() {}

    /** {@code text} safe inside an element or a quoted attribute; {@code null} as an empty string. */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** A table with a header row; every cell is escaped. */
    static String table(List<String> header, List<List<String>> rows) {
        StringBuilder out = new StringBuilder("<table>\n<thead><tr>");
        for (String h : header) {
            out.append("<th>").append(escape(h)).append("</th>");
        }
        out.append("</tr></thead>\n<tbody>\n");
        for (List<String> row : rows) {
            out.append("<tr>");
            for (String cell : row) {
                out.append("<td>").append(escape(cell)).append("</td>");
            }
            out.append("</tr>\n");
        }
        return out.append("</tbody>\n</table>\n").toString();
    }

    /** A chart image: {@code dataUri} is a {@code data:image/png;base64,...} URI. */
    static String figure(String dataUri, String caption) {
        return "<figure><img src=\"" + dataUri + "\" alt=\"" + escape(caption) + "\"><figcaption>" + escape(caption)
                + "</figcaption></figure>\n";
    }

    /** A metric with four decimals; "-" for NaN or null. */
    static String decimal(Double x) {
        return x == null || x.isNaN() ? "-" : String.format(Locale.ROOT, "%.4f", x);
    }

    /** A count with thousands separators. */
    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** Seconds with two decimals. */
    static String seconds(double s) {
        return String.format(Locale.ROOT, "%.2f", s);
    }

    /** A share as a percentage with one decimal; "-" for NaN or null. */
    static String percent(Double x) {
        return x == null || x.isNaN() ? "-" : String.format(Locale.ROOT, "%.1f%%", 100 * x);
    }
}
