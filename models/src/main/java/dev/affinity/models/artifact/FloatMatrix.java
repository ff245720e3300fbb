package dev.affinity.models.artifact;

import java.util.Objects;

/**
 * A dense row-major matrix of floats, such as user or item factors: row {@code r} is {@code
 * data[r * cols, (r + 1) * cols)}.
 *
 * @param rows number of rows
 * @param cols number of columns
 * @param data the values, {@code rows * cols} of them; not copied, so treat it as read-only
 */
public record FloatMatrix(int rows, int cols, float[] data) {
    /** Checks the shape. */
    public FloatMatrix {
        Objects.requireNonNull(data, "data");
        if (rows < 0 || cols < 0 || (long) rows * cols != data.length) {
            throw new IllegalArgumentException("matrix of " + rows + " x " + cols + " needs " + (long) rows * cols
                    + " values, got " + data.length);
        }
    }

    /** A zero matrix. */
    public static FloatMatrix zeros(int rows, int cols) {
        return new FloatMatrix(rows, cols, new float[Math.multiplyExact(rows, cols)]);
    }

    /** A single-column matrix holding {@code values} (a vector). */
    public static FloatMatrix column(float[] values) {
        return new FloatMatrix(values.length, 1, values);
    }

    /** The value at ({@code r}, {@code c}). */
    public float get(int r, int c) {
        return data[r * cols + c];
    }

    /** The dot product of row {@code r} with {@code vector} (of length {@code cols}). */
    public float dot(int r, float[] vector) {
        int offset = r * cols;
        float sum = 0;
        for (int c = 0; c < cols; c++) {
            sum += data[offset + c] * vector[c];
        }
        return sum;
    }

    /** A copy of row {@code r}. */
    public float[] row(int r) {
        float[] row = new float[cols];
        System.arraycopy(data, r * cols, row, 0, cols);
        return row;
    }
}
