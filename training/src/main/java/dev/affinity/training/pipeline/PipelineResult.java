package dev.affinity.training.pipeline;

import dev.affinity.features.quality.QualityReport;
import dev.affinity.features.segments.SegmentReport;
import dev.affinity.training.churn.ChurnExperiment;
import dev.affinity.training.recommend.Leaderboard;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What one pipeline run did and found: the input of the run report.
 *
 * @param asOf the cutoff of the run
 * @param warehouse the warehouse directory
 * @param registry the model registry directory
 * @param startedAt when the run started
 * @param seconds wall time of the run
 * @param steps every step in order, run or skipped
 * @param quality rows and quarantined rows per table after the import step
 * @param profiles customer profiles in the snapshot
 * @param segments the segment batch's report, or {@code null} when the step did not run in any run
 * @param recommenders the recommender leaderboard (every candidate, several K), or {@code null}
 * @param churn the churn experiment (every candidate and the baseline, out of time), or {@code null}
 * @param gates the promotion decision for each model family
 * @param outcome {@code promoted}, {@code unchanged}, {@code gate-refused}, {@code data-quality-stop}
 *     or {@code failed}
 * @param exitCode the process exit code that goes with the outcome (see {@link PipelineExit})
 */
public record PipelineResult(
        LocalDate asOf,
        String warehouse,
        String registry,
        Instant startedAt,
        double seconds,
        List<StepResult> steps,
        QualityReport quality,
        long profiles,
        SegmentReport segments,
        Leaderboard recommenders,
        ChurnExperiment churn,
        List<GateDecision> gates,
        String outcome,
        int exitCode) {

    /** Copies the lists. */
    public PipelineResult {
        steps = List.copyOf(steps);
        gates = List.copyOf(gates);
    }

    /**
     * One step.
     *
     * @param name the step
     * @param status {@code ran}, {@code skipped} (inputs unchanged since a successful run) or {@code failed}
     * @param seconds wall time
     * @param detail what it did or why it was skipped, in words
     */
    public record StepResult(String name, String status, double seconds, String detail) {}

    /**
     * Whether a newly trained model replaced the current one.
     *
     * @param family {@code recommender} or {@code churn}
     * @param model the registry name of the candidate
     * @param metric the metric compared (higher is better), such as {@code ndcg@10}
     * @param candidate the candidate's value
     * @param current the current model's value on the same protocol, or {@code null} when there is none
     * @param margin how much better the candidate must be
     * @param promoted whether the candidate was published and made current
     * @param version the version published, or {@code null}
     * @param reason why, in words
     */
    public record GateDecision(
            String family,
            String model,
            String metric,
            double candidate,
            Double current,
            double margin,
            boolean promoted,
            String version,
            String reason) {}
}
