package dev.affinity.training.pipeline;

/** The pipeline's documented exit codes. */
public final class PipelineExit {
    /** Models were promoted, or nothing changed (every step reused, or no new model was better). */
    public static final int OK = 0;
    /** Something failed: an exception, a corrupt input; the run can be resumed. */
    public static final int FAILED = 1;
    /** Bad input: an unknown option, a missing file (the CLI's usual code). */
    public static final int BAD_INPUT = 2;
    /** The share of quarantined rows passed the configured threshold: nothing was trained. */
    public static final int DATA_QUALITY_STOP = 3;
    /** New models were trained but none beat the current ones by the margin: nothing was promoted. */
    public static final int GATE_REFUSED = 4;
    /** Another run holds the pipeline lock. */
    public static final int LOCKED = 5;

    private PipelineExit() {}
}
