package dev.affinity.serving.content;

/** A token template that cannot be used; the message names the placeholder and its position. */
public final class TemplateException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final int position;

    /** A problem at the 1-based {@code position}. */
    public TemplateException(int position, String message) {
        super(message);
        this.position = position;
    }

    /** The 1-based position of the placeholder at fault. */
    public int position() {
        return position;
    }
}
