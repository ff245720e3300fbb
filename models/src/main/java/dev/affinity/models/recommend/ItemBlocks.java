package dev.affinity.models.recommend;

/**
 * A second copy of the item factors, transposed in blocks of {@link #BLOCK} items: one array per
 * (block, factor) holding that factor of the block's items. Scoring a block is then {@code rank / 4}
 * loops of {@code out[j] += q[c] * x_c[j] + ... + q[c + 3] * x_{c+3}[j]}, which the JIT compiles to
 * SIMD instructions, where a per-item dot product of 64 floats does not vectorise (nor does the same loop over one flat array at
 * an offset, on Java 17). The sums are taken in another order than {@link FactorRecommender}'s exact
 * dot product, so they may differ from it in the last bits; callers re-score exactly. The last block
 * is padded with zero vectors. Immutable once built.
 */
final class ItemBlocks {
    /** Items per block: one block's scores (2 KB) stay in L1 while its columns stream past. */
    static final int BLOCK = 512;

    /** columns[block * rank + c][j]: factor c of item block * BLOCK + j. */
    private final float[][] columns;

    private final int rank;
    private final int items;

    ItemBlocks(float[] itemData, int items, int rank) {
        this.items = items;
        this.rank = rank;
        this.columns = new float[blocks() * rank][BLOCK];
        for (int i = 0; i < items; i++) {
            int b = i / BLOCK;
            int j = i % BLOCK;
            for (int c = 0; c < rank; c++) {
                columns[b * rank + c][j] = itemData[i * rank + c];
            }
        }
    }

    /** Number of blocks. */
    int blocks() {
        return (items + BLOCK - 1) / BLOCK;
    }

    /**
     * Sets {@code out[j]} to the first-pass score of item {@code block * BLOCK + j} against {@code
     * query[offset, offset + rank)}, for j in [0, BLOCK); padding items score 0.
     */
    void score(float[] query, int offset, int block, float[] out) {
        java.util.Arrays.fill(out, 0f);
        int base = block * rank;
        int c = 0;
        for (; c + 3 < rank; c += 4) {
            axpy4(query, offset + c, base + c, out);
        }
        for (; c < rank; c++) {
            axpy(query[offset + c], columns[base + c], out);
        }
    }

    /**
     * As {@link #score} for {@code count} queries at once, query q at {@code queries[q][offsets[q],
     * offsets[q] + rank)} and its scores in {@code out[q]}: each group of four columns of the block is
     * read from memory once for all of them and stays in L1 while they use it.
     */
    void score(float[][] queries, int[] offsets, int count, int block, float[][] out) {
        for (int q = 0; q < count; q++) {
            java.util.Arrays.fill(out[q], 0f);
        }
        int base = block * rank;
        int c = 0;
        for (; c + 3 < rank; c += 4) {
            for (int q = 0; q < count; q++) {
                axpy4(queries[q], offsets[q] + c, base + c, out[q]);
            }
        }
        for (; c < rank; c++) {
            float[] column = columns[base + c];
            for (int q = 0; q < count; q++) {
                axpy(queries[q][offsets[q] + c], column, out[q]);
            }
        }
    }

    /**
     * {@code out[j] += q[at] * x0[j] + ... + q[at + 3] * x3[j]} over columns {@code column ..
     * column + 3}: four columns per pass over {@code out} save three loads and stores of it per
     * element, and the loop keeps the shape the JIT vectorises (same index in distinct arrays).
     */
    private void axpy4(float[] q, int at, int column, float[] out) {
        float a = q[at];
        float b = q[at + 1];
        float c = q[at + 2];
        float d = q[at + 3];
        float[] x = columns[column];
        float[] y = columns[column + 1];
        float[] z = columns[column + 2];
        float[] w = columns[column + 3];
        for (int j = 0; j < BLOCK; j++) {
            out[j] += (a * x[j] + b * y[j]) + (c * z[j] + d * w[j]);
        }
    }

    /** {@code out[j] += a * x[j]}: same index in distinct arrays, the shape the JIT vectorises. */
    private static void axpy(float a, float[] x, float[] out) {
        for (int j = 0; j < BLOCK; j++) {
            out[j] += a * x[j];
        }
    }
}
