package dev.affinity.serving.api;

/**
 * A request the server refuses, mapped to {@code {"error": {"code", "message", "field"}}} by {@link
 * ErrorMapper}. Handlers and filters throw it; nothing else writes error bodies.
 */
public final class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;
    private final String field;

    /** A refusal with HTTP {@code status}, a stable {@code code}, and the offending {@code field} (or null). */
    public ApiException(int status, String code, String message, String field) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.field = field;
    }

    /** A 400 naming {@code field}. */
    public static ApiException badRequest(String field, String message) {
        return new ApiException(400, "bad_request", message, field);
    }

    /** The HTTP status. */
    public int status() {
        return status;
    }

    /** The stable error code, such as {@code bad_request}. */
    public String code() {
        return code;
    }

    /** The parameter or body field at fault, or {@code null}. */
    public String field() {
        return field;
    }
}
