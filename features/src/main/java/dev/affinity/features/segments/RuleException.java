package dev.affinity.features.segments;

/**
 * A rule or expression that cannot be loaded: a syntax error, an unknown field or function, or a
 * type mismatch. The message names its owner (a segment or a token), the 1-based position in the
 * text and, where there is one, the field.
 */
public final class RuleException extends IllegalArgumentException {
    private final String segment;
    private final int position;
    private final String field;

    /**
     * A problem at {@code position} (1-based) in the text owned by {@code owner} (such as {@code
     * segment 'Loyal'}), about {@code field} or null.
     */
    public RuleException(String owner, int position, String field, String message) {
        super(owner + ": rule position " + position + ": " + message);
        this.segment = owner;
        this.position = position;
        this.field = field;
    }

    /** The owner of the text that failed, such as {@code segment 'Loyal'}. */
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
