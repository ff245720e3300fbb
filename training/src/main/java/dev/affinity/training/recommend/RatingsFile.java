package dev.affinity.training.recommend;

import dev.affinity.models.artifact.IdIndex;
import dev.affinity.training.als.Csr;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Reads a tab-separated {@code user item rating [timestamp]} file, such as MovieLens {@code u.data},
 * keeping ratings at or above a threshold as implicit positives of weight 1. Users and items are
 * sorted by id. For evaluations on public data sets; warehouse data goes through the interaction
 * matrix instead.
 */
public final class RatingsFile {
    private RatingsFile() {}

    /**
     * The positives of {@code file}.
     *
     * @throws IllegalArgumentException naming the file and line of a malformed row
     */
    public static TrainingData positives(Path file, double minRating) throws IOException {
        TreeMap<String, TreeSet<String>> byUser = new TreeMap<>();
        TreeSet<String> items = new TreeSet<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            long lineNumber = 0;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split("\t");
                double rating;
                try {
                    rating = f.length >= 3 ? Double.parseDouble(f[2]) : Double.NaN;
                } catch (NumberFormatException e) {
                    rating = Double.NaN;
                }
                if (Double.isNaN(rating)) {
                    throw new IllegalArgumentException(file.getFileName() + ":" + lineNumber
                            + ": expected 'user<TAB>item<TAB>rating', got '" + line + "'");
                }
                if (rating >= minRating) {
                    byUser.computeIfAbsent(f[0], k -> new TreeSet<>()).add(f[1]);
                    items.add(f[1]);
                }
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
}
