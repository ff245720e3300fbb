package dev.affinity.models.recommend;

/**
 * A second copy of the item factors, transposed in blocks of {@link #BLOCK} items: one array per
 * (block, factor) holding that factor of the block's items. Scoring a block is then {@code rank}
 * loops of {@code out[j] += q[c] * column[j]}, which the JIT compiles to SIMD instructions, where a
 * per-item dot product of 64 floats does not vectorise (nor does the same loop over one flat array at
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

    /** Bytes held by the transposed copy (array headers aside). */
    long bytes() {
        return 4L * BLOCK * columns.length;
    }

    /**
     * Sets {@code out[j]} to the first-pass score of item {@code block * BLOCK + j} against {@code
     * query[offset, offset + rank)}, for j in [0, BLOCK); padding items score 0.
     */
    void score(float[] query, int offset, int block, float[] out) {
        float[] first = columns[block * rank];
        float q0 = query[offset];
        for (int j = 0; j < BLOCK; j++) {
            out[j] = q0 * first[j];
        }
        for (int c = 1; c < rank; c++) {
            axpy(query[offset + c], columns[block * rank + c], out);
        }
    }

    /**
     * As {@link #score} for {@code count} queries at once, query q at {@code queries[q][offsets[q],
     * offsets[q] + rank)} and its scores in {@code out[q]}: each column of the block is read from
     * memory once for all of them.
     */
    void score(float[][] queries, int[] offsets, int count, int block, float[][] out) {
        for (int q = 0; q < count; q++) {
            java.util.Arrays.fill(out[q], 0f);
        }
        for (int c = 0; c < rank; c++) {
            float[] column = columns[block * rank + c];
            for (int q = 0; q < count; q++) {
                axpy(queries[q][offsets[q] + c], column, out[q]);
            }
        }
    }

    /** {@code out[j] += a * x[j]}: same index in distinct arrays, the shape the JIT vectorises. */
    private static void axpy(float a, float[] x, float[] out) {
        for (int j = 0; j < BLOCK; j++) {
            out[j] += a * x[j];
        }
    }
}
