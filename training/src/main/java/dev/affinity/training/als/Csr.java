package dev.affinity.training.als;

/**
 * A sparse matrix in compressed sparse row form, as ALS reads it: row {@code r} has columns {@code
 * indices[indptr[r], indptr[r + 1])} with {@code values} at the same positions.
 *
 * @param rows number of rows
 * @param cols number of columns
 * @param indptr row offsets, {@code rows + 1} of them
 * @param indices column of each entry, in [0, cols)
 * @param values value of each entry
 */
public record Csr(int rows, int cols, int[] indptr, int[] indices, float[] values) {
    /** Checks the shape. */
    public Csr {
        if (indptr.length != rows + 1
                || indptr[0] != 0
                || indptr[rows] != indices.length
                || indices.length != values.length) {
            throw new IllegalArgumentException("inconsistent sparse matrix of " + rows + " rows");
        }
        for (int c : indices) {
            if (c < 0 || c >= cols) {
                throw new IllegalArgumentException("column " + c + " outside [0, " + cols + ")");
            }
        }
    }

    /** Number of stored entries. */
    public int nnz() {
        return indices.length;
    }

    /** The transpose, with each row's columns ascending. */
    public Csr transpose() {
        int[] counts = new int[cols + 1];
        for (int c : indices) {
            counts[c + 1]++;
        }
        for (int c = 0; c < cols; c++) {
            counts[c + 1] += counts[c];
        }
        int[] tIndptr = counts.clone();
        int[] next = counts.clone();
        int[] tIndices = new int[indices.length];
        float[] tValues = new float[values.length];
        for (int r = 0; r < rows; r++) {
            for (int k = indptr[r]; k < indptr[r + 1]; k++) {
                int at = next[indices[k]]++;
                tIndices[at] = r;
                tValues[at] = values[k];
            }
        }
        return new Csr(cols, rows, tIndptr, tIndices, tValues);
    }
}
