package dev.affinity.training.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.affinity.models.artifact.IdIndex;
import dev.affinity.training.als.Csr;
import dev.affinity.training.recommend.TrainingData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * MovieLens 100K from {@code ../shared/data/movielens-100k/u.data} (research use only: read in
 * place, never copied into the project); the calling test is skipped when it is absent. Ratings of
 * 4 and 5 become implicit positives of weight 1.
 */
public final class MovieLens {
    private MovieLens() {}

    /** The positives as training data, or the test is skipped. */
    public static TrainingData positives() throws IOException {
        Path file = find();
        assumeTrue(
                file != null, "skipped: movielens-100k/u.data not found under ../shared/data or $AFFINITY_SHARED_DATA");
        TreeMap<String, TreeSet<String>> byUser = new TreeMap<>();
        TreeSet<String> items = new TreeSet<>();
        for (String line : Files.readAllLines(file)) {
            String[] f = line.split("\t");
            if (Integer.parseInt(f[2]) >= 4) {
                byUser.computeIfAbsent(f[0], k -> new TreeSet<>()).add(f[1]);
                items.add(f[1]);
            }
        }
        IdIndex itemIndex = new IdIndex(new ArrayList<>(items));
        List<String> users = new ArrayList<>(byUser.keySet());
        int[] indptr = new int[users.size() + 1];
        List<Integer> cols = new ArrayList<>();
        for (int u = 0; u < users.size(); u++) {
            byUser.get(users.get(u)).stream().map(itemIndex::indexOf).sorted().forEach(cols::add);
            indptr[u + 1] = cols.size();
        }
        float[] values = new float[cols.size()];
        java.util.Arrays.fill(values, 1f);
        Csr csr = new Csr(
                users.size(),
                items.size(),
                indptr,
                cols.stream().mapToInt(Integer::intValue).toArray(),
                values);
        return new TrainingData(new IdIndex(users), itemIndex, csr);
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
