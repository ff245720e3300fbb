package dev.affinity.features.progress;

/**
 * Receives progress of a long step. Implementations decide how often to show it; callers may call
 * {@link #update} on every row.
 */
public interface Progress {
    /** A progress sink that shows nothing. */
    Progress NONE = (step, done, total) -> {};

    /**
     * Reports that {@code done} units of {@code step} are finished.
     *
     * @param step a short name of the step, such as {@code "import online-retail"}
     * @param done units finished so far
     * @param total units expected in all, or -1 when unknown
     */
    void update(String step, long done, long total);
}
