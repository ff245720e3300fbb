package dev.affinity.training.content;

import dev.affinity.models.artifact.SparseRows;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Item-item cosine similarity of TF-IDF vectors. Tokens are lower-cased letter and digit runs of two
 * or more characters from the title and description (title tokens count twice), plus the category
 * as a single {@code cat:<name>} token. Term frequency is {@code 1 + ln(tf)}, inverse document
 * frequency {@code ln((1 + n) / (1 + df)) + 1}; vectors are L2-normalized. Similar items are found
 * through an inverted index, so the cost follows the number of shared tokens, not n^2.
 */
public final class TfIdfSimilarity {
    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{Nd}]{2,}");

    private final int neighbors;

    /** Keeps {@code neighbors} most similar items per item. */
    public TfIdfSimilarity(int neighbors) {
        if (neighbors < 1) {
            throw new IllegalArgumentException("neighbors must be >= 1, got " + neighbors);
        }
        this.neighbors = neighbors;
    }

    /** The neighbour lists of {@code items}, in their order; ties keep the lower position first. */
    public SparseRows fit(List<ItemText> items) {
        int n = items.size();
        Map<String, Integer> vocabulary = new HashMap<>();
        List<Map<Integer, Double>> counts = new ArrayList<>(n);
        for (ItemText item : items) {
            Map<Integer, Double> tf = new HashMap<>();
            addTokens(item.title(), 2, vocabulary, tf);
            addTokens(item.description(), 1, vocabulary, tf);
            if (item.category() != null && !item.category().isBlank()) {
                tf.merge(
                        vocabulary.computeIfAbsent(
                                "cat:" + item.category().toLowerCase(Locale.ROOT), k -> vocabulary.size()),
                        1.0,
                        Double::sum);
            }
            counts.add(tf);
        }
        int[] df = new int[vocabulary.size()];
        counts.forEach(tf -> tf.keySet().forEach(t -> df[t]++));
        // Sparse, L2-normalized vectors and the inverted index term -> (item, weight).
        int[][] terms = new int[n][];
        double[][] weights = new double[n][];
        List<List<int[]>> postings = new ArrayList<>();
        for (int t = 0; t < df.length; t++) {
            postings.add(new ArrayList<>());
        }
        for (int i = 0; i < n; i++) {
            Map<Integer, Double> tf = counts.get(i);
            terms[i] = tf.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
            weights[i] = new double[terms[i].length];
            double norm = 0;
            for (int a = 0; a < terms[i].length; a++) {
                int t = terms[i][a];
                double w = (1 + Math.log(tf.get(t))) * (Math.log((1.0 + n) / (1.0 + df[t])) + 1);
                weights[i][a] = w;
                norm += w * w;
            }
            norm = Math.sqrt(norm);
            for (int a = 0; a < terms[i].length; a++) {
                weights[i][a] /= norm;
                postings.get(terms[i][a]).add(new int[] {i, a});
            }
        }
        double[] dot = new double[n];
        int[] touched = new int[n];
        int keep = Math.min(neighbors, Math.max(n - 1, 0));
        int[] indptr = new int[n + 1];
        int[] indices = new int[n * keep];
        float[] values = new float[n * keep];
        int nnz = 0;
        for (int i = 0; i < n; i++) {
            int touchedCount = 0;
            for (int a = 0; a < terms[i].length; a++) {
                for (int[] posting : postings.get(terms[i][a])) {
                    int j = posting[0];
                    if (j == i) {
                        continue;
                    }
                    if (dot[j] == 0) {
                        touched[touchedCount++] = j;
                    }
                    dot[j] += weights[i][a] * weights[j][posting[1]];
                }
            }
            int[] candidates = Arrays.copyOf(touched, touchedCount);
            double[] scores = new double[touchedCount];
            for (int c = 0; c < touchedCount; c++) {
                scores[c] = dot[candidates[c]];
                dot[candidates[c]] = 0;
            }
            Integer[] order = new Integer[touchedCount];
            for (int c = 0; c < touchedCount; c++) {
                order[c] = c;
            }
            Arrays.sort(order, (x, y) -> {
                int cmp = Double.compare(scores[y], scores[x]);
                return cmp != 0 ? cmp : Integer.compare(candidates[x], candidates[y]);
            });
            for (int c = 0; c < Math.min(keep, touchedCount); c++) {
                indices[nnz] = candidates[order[c]];
                values[nnz++] = (float) scores[order[c]];
            }
            indptr[i + 1] = nnz;
        }
        return new SparseRows(n, indptr, Arrays.copyOf(indices, nnz), Arrays.copyOf(values, nnz));
    }

    private static void addTokens(
            String text, double weight, Map<String, Integer> vocabulary, Map<Integer, Double> tf) {
        if (text == null) {
            return;
        }
        var m = TOKEN.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            tf.merge(vocabulary.computeIfAbsent(m.group(), k -> vocabulary.size()), weight, Double::sum);
        }
    }
}
