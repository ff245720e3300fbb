package dev.affinity.training.cli;

import dev.affinity.features.progress.Progress;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * Shows progress on stderr: the start and the end of a step at once, and in between at most once
 * every two seconds, with the rate since the start.
 */
final class StderrProgress implements Progress {
    private static final long INTERVAL_NANOS = 2_000_000_000L;
    private final PrintWriter err;
    private final long start = System.nanoTime();
    private long lastShown = start;

    StderrProgress(PrintStream err) {
        this(new PrintWriter(err, true));
    }

    /** Progress on a command's error writer, which tests can capture. */
    StderrProgress(PrintWriter err) {
        this.err = err;
    }

    @Override
    public void update(String step, long done, long total) {
        long now = System.nanoTime();
        boolean boundary = done == 0 || done == total;
        if (!boundary && now - lastShown < INTERVAL_NANOS) {
            return;
        }
        lastShown = now;
        double seconds = (now - start) / 1e9;
        if (total == 1) { // a single long step: say that it started and when it ended
            err.printf(Locale.ROOT, done == 0 ? "%s...%n" : "%s: done after %.1f s%n", step, seconds);
            return;
        }
        String of = total > 0 ? String.format(Locale.ROOT, " of %,d (%.0f%%)", total, 100.0 * done / total) : "";
        err.printf(Locale.ROOT, "%s: %,d%s, %,.0f/s%n", step, done, of, done / Math.max(seconds, 1e-3));
    }
}
