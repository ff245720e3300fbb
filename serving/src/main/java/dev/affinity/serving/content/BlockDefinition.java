package dev.affinity.serving.content;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;

/**
 * One content block as configured (see README, "Content blocks").
 *
 * @param name the block's name in {@code /v1/users/{id}/blocks/{name}}: lower case, digits and dashes
 * @param kind where the items come from: {@code recommendations} (the user's recommendations) or
 *     {@code because_you_bought} (items similar to the user's last purchase)
 * @param template the Mustache template's name ({@code carousel} reads {@code carousel.mustache})
 * @param heading the block's heading; may hold {@code {{token}}} placeholders
 * @param intro a line of text under the heading, or {@code null}; may hold placeholders
 * @param k how many items, 1..12 (default 4)
 * @param inStockOnly whether only items in stock are shown (default true)
 * @param segment the segment (a rule segment or an RFM label) a user must be in to see the block, or
 *     {@code null} for everyone
 * @param fallback the block shown instead when this one cannot be (not in the segment, or no items),
 *     or {@code null} to show nothing
 */
public record BlockDefinition(
        @JsonProperty("name") String name,
        @JsonProperty("kind") String kind,
        @JsonProperty("template") String template,
        @JsonProperty("heading") String heading,
        @JsonProperty("intro") String intro,
        @JsonProperty("k") Integer k,
        @JsonProperty("in_stock_only") Boolean inStockOnly,
        @JsonProperty("segment") String segment,
        @JsonProperty("fallback") String fallback) {

    /** The item sources. */
    public enum Kind {
        /** The user's recommendations. */
        RECOMMENDATIONS,
        /** Items similar to the user's last purchased product. */
        BECAUSE_YOU_BOUGHT
    }

    /** Fills defaults and checks every field, naming it. */
    public BlockDefinition {
        if (name == null || !name.matches("[a-z0-9][a-z0-9-]{0,63}")) {
            throw new IllegalArgumentException(
                    "block name '" + name + "': use 1 to 64 lower-case letters, digits and dashes");
        }
        String where = "block '" + name + "': ";
        if (kind == null) {
            throw new IllegalArgumentException(where + "kind is required (recommendations or because_you_bought)");
        }
        kindOf(name, kind);
        if (template == null || !template.matches("[a-z0-9][a-z0-9_-]*")) {
            throw new IllegalArgumentException(where + "template must name a template, such as carousel");
        }
        heading = heading == null ? "" : heading;
        k = k == null ? 4 : k;
        if (k < 1 || k > 12) {
            throw new IllegalArgumentException(where + "k must be 1..12, got " + k);
        }
        inStockOnly = inStockOnly == null ? Boolean.TRUE : inStockOnly;
        if (segment != null && segment.isBlank()) {
            throw new IllegalArgumentException(where + "segment is empty; leave it out to show the block to everyone");
        }
    }

    /** The item source. */
    public Kind itemKind() {
        return kindOf(name, kind);
    }

    private static Kind kindOf(String name, String kind) {
        try {
            return Kind.valueOf(kind.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "block '" + name + "': unknown kind '" + kind + "' (recommendations, because_you_bought)");
        }
    }
}
