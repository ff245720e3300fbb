package dev.affinity.features.tokens;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One token: a profile field or an expression, and the text used when the customer has no value.
 *
 * @param field a profile field name (exclusive with {@code expr})
 * @param expr an expression of the rule language, such as {@code if(monetary >= 1000, 'Gold', 'Silver')}
 * @param fallback the text when the value is missing (default: empty)
 */
public record TokenDefinition(
        @JsonProperty("field") String field,
        @JsonProperty("expr") String expr,
        @JsonProperty("fallback") String fallback) {
    /** Checks that exactly one source is given. */
    public TokenDefinition {
        if ((field == null) == (expr == null)) {
            throw new IllegalArgumentException("a token needs exactly one of 'field' or 'expr'");
        }
        fallback = fallback == null ? "" : fallback;
    }
}
