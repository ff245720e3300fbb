package dev.affinity.training.pipeline;

import dev.affinity.training.report.PipelineReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Writes a run's report ({@code report.html}, self-contained with its charts, and {@code report.json})
 * into its own directory under the pipeline's {@code runs} folder.
 */
public final class PipelineRunWriter {
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private PipelineRunWriter() {}

    /** Writes the report of {@code result} into {@code runs/<start time>/} and returns the HTML file. */
    public static Path write(PipelineResult result, Path runs) {
        Path dir = runs.resolve(STAMP.format(result.startedAt()));
        try {
            Files.createDirectories(dir);
            return PipelineReport.write(result, dir).html();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the run report to " + dir, e);
        }
    }
}
