package dev.affinity.training.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Writes a run's result into its own directory under the pipeline's {@code runs} folder. */
public final class PipelineRunWriter {
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private PipelineRunWriter() {}

    /**
     * Writes {@code result} as {@code run.json} into {@code runs/<start time>/} and returns the file.
     */
    public static Path write(PipelineResult result, Path runs) {
        Path dir = runs.resolve(STAMP.format(result.startedAt()));
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve("run.json");
            Pipeline.JSON.writeValue(file.toFile(), result);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the run to " + dir, e);
        }
    }
}
