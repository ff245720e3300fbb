package dev.affinity.features.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locates the real data sets in {@code ../shared/data} beside the project (or under {@code
 * $AFFINITY_SHARED_DATA}), and skips the calling test with a clear message when they are absent.
 */
public final class SharedData {
    private SharedData() {}

    /**
     * The UCI Online Retail CSV from {@code ../shared/data}, else the copy bundled in the project's
     * {@code data/} folder (the same file, CC BY 4.0), or the test is skipped.
     */
    public static Path onlineRetail() {
        String relative = "online-retail/online-retail.csv.gz";
        Path shared = find(relative);
        if (shared != null) {
            return shared;
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("data").resolve(relative)) && Files.exists(dir.resolve("affinity"))) {
                return dir.resolve("data").resolve(relative);
            }
        }
        return require(relative);
    }

    /** A file under the shared data directory, or the test is skipped. */
    public static Path require(String relative) {
        Path found = find(relative);
        assumeTrue(found != null, "skipped: " + relative + " not found under ../shared/data or $AFFINITY_SHARED_DATA");
        return found;
    }

    private static Path find(String relative) {
        String env = System.getenv("AFFINITY_SHARED_DATA");
        if (env != null && Files.exists(Path.of(env, relative))) {
            return Path.of(env, relative);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/data").resolve(relative);
            if (Files.exists(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
