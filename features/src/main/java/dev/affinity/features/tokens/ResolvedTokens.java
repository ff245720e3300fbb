package dev.affinity.features.tokens;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every token's text for one customer.
 *
 * @param values token name to text, fallbacks included, in configuration order
 * @param fellBack the names of the tokens that used their fallback
 */
public record ResolvedTokens(Map<String, String> values, List<String> fellBack) {
    /** Copies the collections, keeping order. */
    public ResolvedTokens {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        fellBack = List.copyOf(fellBack);
    }
}
