package dev.affinity.serving.access;

/** What an API key may call. */
public enum Scope {
    /** The send-time endpoints under {@code /v1}. */
    READ,
    /** The endpoints under {@code /admin}. */
    ADMIN,
    /** Open to everyone: health, readiness, metrics, the OpenAPI document. */
    OPEN;

    /** The configuration name, such as {@code read}. */
    public String configName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
