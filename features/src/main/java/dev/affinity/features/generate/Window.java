package dev.affinity.features.generate;

import java.time.ZoneOffset;

/**
 * The simulated activity window in UTC epoch seconds.
 *
 * @param start first second of the window
 * @param end first second after the window
 */
record Window(long start, long end) {
    /** Checks that the window is not empty. */
    Window {
        if (end <= start) {
            throw new IllegalArgumentException("empty window: " + start + " to " + end);
        }
    }

    /** The window of {@code config}. */
    static Window of(GeneratorConfig config) {
        return new Window(
                config.windowStart().toEpochSecond(ZoneOffset.UTC),
                config.windowEnd().toEpochSecond(ZoneOffset.UTC));
    }

    /** Length in seconds. */
    long seconds() {
        return end - start;
    }
}
