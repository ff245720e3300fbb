package dev.affinity.training.ease;

import dev.affinity.models.artifact.SparseRows;
import dev.affinity.training.als.Csr;
import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Fits EASE and keeps, for each item h, its strongest positive weights {@code B[h][i]}: a user's
 * score for item i is then the sum of {@code B[h][i]} over the items h in their history. Dense: the
 * Gram matrix of n items takes {@code 8 n^2} bytes and the inverse {@code n^3 / 3} operations, so
 * larger catalogs are refused.
 */
public final class Ease {
    /** The largest catalog EASE accepts (a 20,000-item Gram matrix is 3.2 GB). */
    public static final int MAX_ITEMS = 20_000;

    private final double lambda;
    private final int neighbors;

    /**
     * @param lambda L2 regularization added to the Gram matrix's diagonal (Steck uses hundreds)
     * @param neighbors weights kept per item
     */
    public Ease(double lambda, int neighbors) {
        if (!(lambda > 0) || !Double.isFinite(lambda)) {
            throw new IllegalArgumentException("lambda must be positive, got " + lambda);
        }
        if (neighbors < 1) {
            throw new IllegalArgumentException("neighbors must be >= 1, got " + neighbors);
        }
        this.lambda = lambda;
        this.neighbors = neighbors;
    }

    /** The full dense weight matrix B (items x items, row-major), for tests and small catalogs. */
    public double[] weights(Csr rows) {
        int n = rows.cols();
        if (n > MAX_ITEMS) {
            throw new IllegalArgumentException(
                    "EASE needs a dense " + n + " x " + n + " inverse; catalogs of more than " + MAX_ITEMS
                            + " items are refused: use ALS or item-kNN instead");
        }
        DMatrixRMaj gram = new DMatrixRMaj(n, n);
        double[] g = gram.data;
        for (int r = 0; r < rows.rows(); r++) {
            for (int a = rows.indptr()[r]; a < rows.indptr()[r + 1]; a++) {
                int i = rows.indices()[a];
                double wi = rows.values()[a];
                for (int b = rows.indptr()[r]; b < rows.indptr()[r + 1]; b++) {
                    g[i * n + rows.indices()[b]] += wi * rows.values()[b];
                }
            }
        }
        for (int i = 0; i < n; i++) {
            g[i * n + i] += lambda;
        }
        DMatrixRMaj p = new DMatrixRMaj(n, n);
        if (!CommonOps_DDRM.invertSPD(gram, p)) {
            throw new ArithmeticException("EASE: the regularized Gram matrix is not positive definite");
        }
        double[] b = p.data;
        double[] diagonal = new double[n];
        for (int j = 0; j < n; j++) {
            diagonal[j] = b[j * n + j];
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                b[i * n + j] = i == j ? 0 : -b[i * n + j] / diagonal[j];
            }
        }
        return b;
    }

    /** Fits EASE and keeps each item's strongest positive weights, strongest first (ties: lower item first). */
    public SparseRows fit(Csr rows) {
        int n = rows.cols();
        double[] b = weights(rows);
        int keep = Math.min(neighbors, Math.max(n - 1, 0));
        int[] indptr = new int[n + 1];
        int[] indices = new int[n * keep];
        float[] values = new float[n * keep];
        Integer[] order = new Integer[n];
        int nnz = 0;
        for (int h = 0; h < n; h++) {
            int row = h;
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            // n log n per row is small next to the n^3 inverse.
            Arrays.sort(order, (x, y) -> {
                int c = Double.compare(b[row * n + y], b[row * n + x]);
                return c != 0 ? c : Integer.compare(x, y);
            });
            for (int t = 0; t < keep && b[row * n + order[t]] > 0; t++) {
                indices[nnz] = order[t];
                values[nnz++] = (float) b[row * n + order[t]];
            }
            indptr[h + 1] = nnz;
        }
        return new SparseRows(n, indptr, Arrays.copyOf(indices, nnz), Arrays.copyOf(values, nnz));
    }
}
