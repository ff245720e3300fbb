package dev.affinity.features.segments;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One segment as configured.
 *
 * @param name the label marketers see; unique
 * @param description what the segment is for
 * @param rule the rule over profile fields (see {@link RuleCompiler})
 * @param parent the broader segment this one nests in, or {@code null}: a member must be in the parent too
 * @param priority order of labels at send time, smallest first (default 100)
 * @param enabled whether the segment is evaluated (default true)
 */
public record SegmentDefinition(
        @JsonProperty("name") String name,
        @JsonProperty("description") String description,
        @JsonProperty("rule") String rule,
        @JsonProperty("parent") String parent,
        @JsonProperty("priority") Integer priority,
        @JsonProperty("enabled") Boolean enabled) {

    /** Fills the defaults and checks the name. */
    public SegmentDefinition {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a segment needs a name");
        }
        if (priority == null) {
            priority = 100;
        }
        if (enabled == null) {
            enabled = Boolean.TRUE;
        }
        description = description == null ? "" : description;
    }
}
