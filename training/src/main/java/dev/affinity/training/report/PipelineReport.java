package dev.affinity.training.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.affinity.training.pipeline.PipelineResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes the report of one pipeline run: {@code report.html}, a self-contained page (CSS inline,
 * charts as embedded PNG images, no external resource) with the steps, the promotion decisions, the
 * data-quality counts, the segments, the recommender leaderboard with NDCG@K and Recall@K curves, and
 * the churn models with ROC, precision-recall, calibration and lift charts; and {@code report.json},
 * the same figures (the whole {@link PipelineResult}, curves included) as JSON.
 */
public final class PipelineReport {
    /** The HTML file's name. */
    public static final String HTML = "report.html";
    /** The JSON file's name. */
    public static final String JSON = "report.json";
    /** The JSON document's format version, bumped when a field changes meaning or goes away. */
    public static final int FORMAT_VERSION = 1;

    /** The mapper of {@code report.json}: ISO dates, indented. */
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * The JSON document.
     *
     * @param format always {@code affinity-run-report}
     * @param formatVersion {@link #FORMAT_VERSION}
     * @param run the run's figures
     */
    public record Document(String format, int formatVersion, PipelineResult run) {}

    private PipelineReport() {}

    /**
     * Writes both files into {@code dir} (created when missing), each through a temporary file
     * renamed into place, so that a reader never sees half a report.
     *
     * @return where they were written
     */
    public static ReportFiles write(PipelineResult result, Path dir) {
        try {
            Files.createDirectories(dir);
            Path json = dir.resolve(JSON);
            Path html = dir.resolve(HTML);
            writeAtomically(
                    json, MAPPER.writeValueAsBytes(new Document("affinity-run-report", FORMAT_VERSION, result)));
            writeAtomically(html, ReportHtml.page(result).getBytes(StandardCharsets.UTF_8));
            return new ReportFiles(html, json);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the run report to " + dir, e);
        }
    }

    private static void writeAtomically(Path file, byte[] bytes) throws IOException {
        Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
        Files.write(tmp, bytes);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
