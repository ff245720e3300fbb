package dev.affinity.serving.content;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * A text with {@code {{token}}} placeholders (spaces inside the braces allowed), parsed once: the
 * marketer's text is kept as written and every token's value is HTML-escaped when rendered. Only
 * plain token names are placeholders; any other use of {@code {{} is an error, so a typo never
 * reaches a customer as literal braces. Immutable.
 */
public final class TokenTemplate {
    private final List<String> literals;
    private final List<String> tokens;

    private TokenTemplate(List<String> literals, List<String> tokens) {
        this.literals = literals;
        this.tokens = tokens;
    }

    /**
     * Parses {@code text}.
     *
     * @param known the token names that may appear
     * @throws TemplateException naming the token and its 1-based position when a placeholder is not
     *     closed, not a token name, or not a known token
     */
    public static TokenTemplate parse(String text, Collection<String> known) {
        List<String> literals = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        int from = 0;
        while (true) {
            int open = text.indexOf("{{", from);
            if (open < 0) {
                literals.add(text.substring(from));
                break;
            }
            int close = text.indexOf("}}", open + 2);
            if (close < 0) {
                throw new TemplateException(open + 1, "'{{' at position " + (open + 1) + " is not closed with '}}'");
            }
            String name = text.substring(open + 2, close).strip();
            if (!name.matches("[a-z][a-z0-9_]*")) {
                throw new TemplateException(
                        open + 1,
                        "placeholder '" + clip(name) + "' at position " + (open + 1)
                                + " is not a token name such as {{first_name}}");
            }
            if (!known.contains(name)) {
                throw new TemplateException(
                        open + 1,
                        "unknown token '" + name + "' at position " + (open + 1) + " (tokens: "
                                + String.join(", ", known) + ")");
            }
            literals.add(text.substring(from, open));
            tokens.add(name);
            from = close + 2;
        }
        return new TokenTemplate(List.copyOf(literals), List.copyOf(tokens));
    }

    /** The token names used, in order of appearance (with repeats). */
    public List<String> tokens() {
        return tokens;
    }

    /** The text with every placeholder replaced by its HTML-escaped value ({@code ""} when absent). */
    public String render(Map<String, String> values) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < tokens.size(); i++) {
            out.append(literals.get(i));
            escapeHtml(values.getOrDefault(tokens.get(i), ""), out);
        }
        out.append(literals.get(literals.size() - 1));
        return out.toString();
    }

    /** The text with every placeholder replaced by its value as is (for JSON, not HTML). */
    public String renderPlain(Map<String, String> values) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < tokens.size(); i++) {
            out.append(literals.get(i)).append(values.getOrDefault(tokens.get(i), ""));
        }
        out.append(literals.get(literals.size() - 1));
        return out.toString();
    }

    /** Appends {@code text} with {@code & < > " '} escaped, safe in element content and quoted attributes. */
    public static void escapeHtml(String text, StringBuilder out) {
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
    }

    /** {@code text} HTML-escaped. */
    public static String escapeHtml(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        escapeHtml(text, out);
        return out.toString();
    }

    private static String clip(String s) {
        String clean = s.replaceAll("\\p{Cntrl}", "?");
        return clean.length() > 40 ? clean.substring(0, 40) + "..." : clean;
    }
}
