package dev.affinity.models.artifact;

import java.util.Objects;

/**
 * Sparse rows in compressed sparse row form: row {@code r} holds the columns {@code
 * indices[indptr[r], indptr[r + 1])} with {@code values} at the same positions. Used for each user's
 * training items and for item-item neighbour lists.
 *
 * @param rows number of rows
 * @param indptr row start offsets, {@code rows + 1} of them, non-decreasing, from 0 to {@code nnz}
 * @param indices column of each stored value
 * @param values the stored values
 */
public record SparseRows(int rows, int[] indptr, int[] indices, float[] values) {
    /** Checks the shape and that offsets are consistent. */
    public SparseRows {
        Objects.requireNonNull(indptr, "indptr");
        Objects.requireNonNull(indices, "indices");
        Objects.requireNonNull(values, "values");
        if (indptr.length != rows + 1
                || indptr[0] != 0
                || indptr[rows] != indices.length
                || indices.length != values.length) {
            throw new IllegalArgumentException("inconsistent sparse rows: " + rows + " rows, " + indptr.length
                    + " offsets, " + indices.length + " indices, " + values.length + " values");
        }
        for (int r = 0; r < rows; r++) {
            if (indptr[r] > indptr[r + 1]) {
                throw new IllegalArgumentException("row offsets decrease at row " + r);
            }
        }
    }

    /** Number of stored values. */
    public int nnz() {
        return indices.length;
    }

    /** Number of stored values in row {@code r}. */
    public int rowLength(int r) {
        return indptr[r + 1] - indptr[r];
    }
}
