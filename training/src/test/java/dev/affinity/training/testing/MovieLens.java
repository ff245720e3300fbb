package dev.affinity.training.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.affinity.training.recommend.RatingsFile;
import dev.affinity.training.recommend.TrainingData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * MovieLens 100K from {@code ../shared/data/movielens-100k/u.data} (research use only: read in
 * place, never copied into the project); the calling test is skipped when it is absent. Ratings of
 * 4 and 5 become implicit positives.
 */
public final class MovieLens {
    private MovieLens() {}

    /** The positives as training data, or the test is skipped. */
    public static TrainingData positives() throws IOException {
        Path file = find();
        assumeTrue(
                file != null, "skipped: movielens-100k/u.data not found under ../shared/data or $AFFINITY_SHARED_DATA");
        return RatingsFile.positives(file, 4);
    }

    private static Path find() {
        String env = System.getenv("AFFINITY_SHARED_DATA");
        if (env != null && Files.exists(Path.of(env, "movielens-100k/u.data"))) {
            return Path.of(env, "movielens-100k/u.data");
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/data/movielens-100k/u.data");
            if (Files.exists(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
