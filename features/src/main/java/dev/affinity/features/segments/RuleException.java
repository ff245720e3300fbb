package dev.affinity.features.segments;

/**
 * A rule that cannot be loaded: a syntax error, an unknown field or function, or a type mismatch.
 * The message names the segment, the 1-based position in the rule text and, where there is one,
 * the field.
 */
public final class RuleException extends IllegalArgumentException {
    private final String segment;
    private final int position;
    private final String field;

    /** A problem at {@code position} (1-based) of the rule of {@code segment}, about {@code field} or null. */
    public RuleException(String segment, int position, String field, String message) {
        super("segment '" + segment + "': rule position " + position + ": " + message);
        this.segment = segment;
        this.position = position;
        this.field = field;
    }

    /** The segment whose rule failed. */
    public String segment() {
        return segment;
    }

    /** The 1-based position in the rule text. */
    public int position() {
        return position;
    }

    /** The field the problem is about, or {@code null}. */
    public String field() {
        return field;
    }
}
