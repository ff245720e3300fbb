package dev.affinity.serving.config;

/** A configuration value that cannot be used; the message names the field (or file and line). */
public final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String field;

    /** A bad value of {@code field}. */
    public ConfigException(String field, String message) {
        super(field + ": " + message);
        this.field = field;
    }

    /** The field (or file) at fault. */
    public String field() {
        return field;
    }
}
