package dev.affinity.training.cli;

import dev.affinity.training.pipeline.Pipeline;
import dev.affinity.training.pipeline.PipelineConfig;
import dev.affinity.training.pipeline.PipelineExit;
import dev.affinity.training.pipeline.PipelineResult;
import dev.affinity.training.pipeline.PipelineRunWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code affinity pipeline}: the nightly retrain. */
@Command(
        name = "pipeline",
        description = "The nightly run: import new files, stop on bad data, profiles, segments, train and evaluate"
                + " every recommender and churn candidate, promote a winner only when it beats the current model, and"
                + " write a report. Steps whose inputs did not change are reused. Exit codes: 0 promoted or"
                + " unchanged, 1 failure, 2 bad input, 3 data-quality stop, 4 gate refused every new model, 5 another"
                + " run holds the lock.",
        mixinStandardHelpOptions = true)
final class PipelineCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    WarehouseOptions options;

    @Option(
            names = "--registry",
            paramLabel = "DIR",
            description = "Model registry (default: $AFFINITY_HOME/models, or ./var/models).")
    Path registry;

    @Option(
            names = "--work",
            paramLabel = "DIR",
            description = "Pipeline state, saved step outputs and reports (default: $AFFINITY_HOME/pipeline, or"
                    + " ./var/pipeline).")
    Path work;

    @Option(
            names = "--as-of",
            paramLabel = "DATE",
            description = "Cutoff (default: the day after the last order in the warehouse).")
    LocalDate asOf;

    @Option(names = "--config", paramLabel = "FILE", description = "Pipeline configuration (YAML or JSON).")
    Path config;

    @Override
    public Integer call() throws Exception {
        CommandRun run = new CommandRun();
        PipelineConfig c = config != null ? PipelineConfig.read(config) : PipelineConfig.defaults();
        AffinityHome home = AffinityHome.from(System.getenv());
        Path workDir = work != null ? work : home.pipeline();
        Pipeline pipeline = new Pipeline(
                options.warehouseDir(),
                registry != null ? registry : home.registry(),
                workDir,
                c,
                new StderrProgress(System.err),
                line -> System.err.println("pipeline: " + line));
        PipelineResult result;
        try {
            result = pipeline.run(asOf);
        } catch (Pipeline.LockedException e) {
            spec.commandLine().getErr().println("pipeline: " + e.getMessage());
            return PipelineExit.LOCKED;
        }
        Path written = PipelineRunWriter.write(result, workDir.resolve("runs"));
        StringBuilder summary = new StringBuilder(String.format(
                Locale.ROOT,
                "pipeline as of %s: %s (exit %d) in %.1f s%n",
                result.asOf(),
                result.outcome(),
                result.exitCode(),
                result.seconds()));
        for (PipelineResult.StepResult s : result.steps()) {
            summary.append(String.format(
                    Locale.ROOT, "  %-13s %-8s %7.1f s  %s%n", s.name(), s.status(), s.seconds(), s.detail()));
        }
        for (PipelineResult.GateDecision g : result.gates()) {
            summary.append("  gate ")
                    .append(g.family())
                    .append(": ")
                    .append(g.reason())
                    .append('\n');
        }
        summary.append("report written to ").append(written.toAbsolutePath());
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("outcome", result.outcome());
        figures.put("exitCode", result.exitCode());
        figures.put("steps", result.steps());
        figures.put("gates", result.gates());
        figures.put("report", written.toAbsolutePath().toString());
        run.finish(spec.commandLine().getOut(), options.json, "pipeline", summary.toString(), figures);
        return result.exitCode();
    }
}
