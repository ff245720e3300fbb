package dev.affinity.training.report;

import java.nio.file.Path;

/**
 * The files a run report was written to.
 *
 * @param html the self-contained HTML page
 * @param json the same figures as JSON
 */
public record ReportFiles(Path html, Path json) {}
