package dev.affinity.training.cli;

import dev.affinity.features.progress.Progress;
import java.io.PrintStream;
import java.util.Locale;

/** Shows progress on stderr at most once every two seconds, with the rate since the start. */
final class StderrProgress implements Progress {
    private static final long INTERVAL_NANOS = 2_000_000_000L;
    private final PrintStream err;
    private final long start = System.nanoTime();
    private long lastShown = start;

    StderrProgress(PrintStream err) {
        this.err = err;
    }

    @Override
    public void update(String step, long done, long total) {
        long now = System.nanoTime();
        if (now - lastShown < INTERVAL_NANOS) {
            return;
        }
        lastShown = now;
        double seconds = (now - start) / 1e9;
        String of = total > 0 ? String.format(Locale.ROOT, " of %,d (%.0f%%)", total, 100.0 * done / total) : "";
        err.printf(Locale.ROOT, "%s: %,d%s, %,.0f/s%n", step, done, of, done / seconds);
    }
}
