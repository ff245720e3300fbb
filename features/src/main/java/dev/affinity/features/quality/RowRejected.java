package dev.affinity.features.quality;

/**
 * Thrown by a row parser when a row must go to quarantine. It carries the reason and a detail that
 * names the column; it is control flow within an importer, never shown as a failure.
 */
public final class RowRejected extends Exception {
    private static final long serialVersionUID = 1L;

    private final ReasonCode reason;

    /** A rejection for {@code reason}, with a detail naming the column and value. */
    public RowRejected(ReasonCode reason, String detail) {
        super(detail, null, false, false);
        this.reason = reason;
    }

    /** Why the row was rejected. */
    public ReasonCode reason() {
        return reason;
    }
}
