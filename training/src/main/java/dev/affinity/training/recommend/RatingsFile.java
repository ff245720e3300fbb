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
 * sorted by id. When every kept row has a fourth column, it is read as epoch seconds and becomes the
 * interaction's time (the latest, for a pair rated twice); otherwise the data has no times. For
 * evaluations on public data sets; warehouse data goes through the interaction matrix instead.
 */
public final class RatingsFile {
    private RatingsFile() {}

    /**
     * The positives of {@code file}.
     *
     * @throws IllegalArgumentException naming the file and line of a malformed row
     */
    public static TrainingData positives(Path file, double minRating) throws IOException {
        TreeMap<String, TreeMap<String, Long>> byUser = new TreeMap<>();
        TreeSet<String> items = new TreeSet<>();
        boolean timed = true;
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
                    long seconds = Long.MIN_VALUE;
                    if (f.length >= 4) {
                        try {
                            seconds = Long.parseLong(f[3].trim());
                        } catch (NumberFormatException e) {
                            throw new IllegalArgumentException(file.getFileName() + ":" + lineNumber
                                    + ": the timestamp '" + f[3] + "' is not whole epoch seconds");
                        }
                    } else {
                        timed = false;
                    }
                    byUser.computeIfAbsent(f[0], k -> new TreeMap<>()).merge(f[1], seconds, Math::max);
                    items.add(f[1]);
                }
            }
        }
        IdIndex itemIndex = new IdIndex(new ArrayList<>(items));
        List<String> users = new ArrayList<>(byUser.keySet());
        int[] indptr = new int[users.size() + 1];
        List<Integer> cols = new ArrayList<>();
        List<Long> times = new ArrayList<>();
        for (int u = 0; u < users.size(); u++) {
            // Item ids sort the same way in the row as in the index, so the row stays ascending.
            for (var entry : byUser.get(users.get(u)).entrySet()) {
                cols.add(itemIndex.indexOf(entry.getKey()));
                times.add(entry.getValue() * 1000);
            }
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
        return new TrainingData(
                new IdIndex(users),
                itemIndex,
                csr,
                timed ? times.stream().mapToLong(Long::longValue).toArray() : null);
    }
}
