package dev.affinity.training.item2vec;

import java.util.List;

/**
 * A user's vector as the recency-weighted mean of their items' vectors: walking back from the most
 * recent item ({@code j = 0}), item {@code j} weighs {@code 0.5^(j / halfLife)}; items without a
 * vector are skipped and do not count as a position. With a half-life of 1 this is exactly the
 * weighting the runtime applies to a live session (1, 1/2, 1/4, ...), so a known user and a
 * session holding the same items score alike.
 */
public final class UserVectors {
    private UserVectors() {}

    /**
     * One row of {@code vectors.dimensions()} per sequence; a sequence with no item vector gives a
     * zero row.
     *
     * @param sequences per user, item positions oldest first
     * @param halfLife in positions, > 0
     */
    public static float[] of(List<int[]> sequences, ItemVectors vectors, double halfLife) {
        int d = vectors.dimensions();
        float[] items = vectors.data();
        float[] out = new float[sequences.size() * d];
        boolean[] has = new boolean[vectors.items()];
        for (int i = 0; i < has.length; i++) {
            has[i] = vectors.has(i);
        }
        double[] row = new double[d];
        for (int u = 0; u < sequences.size(); u++) {
            int[] s = sequences.get(u);
            java.util.Arrays.fill(row, 0);
            double total = 0;
            int j = 0;
            for (int k = s.length - 1; k >= 0; k--) {
                int i = s[k];
                if (!has[i]) {
                    continue;
                }
                double w = Math.pow(0.5, j++ / halfLife);
                total += w;
                for (int c = 0; c < d; c++) {
                    row[c] += w * items[i * d + c];
                }
            }
            if (total > 0) {
                for (int c = 0; c < d; c++) {
                    out[u * d + c] = (float) (row[c] / total);
                }
            }
        }
        return out;
    }
}
