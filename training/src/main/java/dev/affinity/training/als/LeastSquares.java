package dev.affinity.training.als;

/**
 * Solves one row's implicit least-squares problem {@code (G + lambda I + sum_i (c_i - 1) y_i y_i^T) x
 * = sum_i c_i y_i}, where {@code G = Y^T Y} and {@code c_i = 1 + alpha r_i} over the row's observed
 * items. One instance per worker thread: it owns scratch buffers and is not thread-safe.
 */
final class LeastSquares {
    private final int k;
    private final double lambda;
    private final double alpha;
    private final double[] gram;
    private final double[] x;
    private final double[] r;
    private final double[] p;
    private final double[] ap;
    private final double[] a;

    LeastSquares(int k, double lambda, double alpha, double[] gram) {
        this.k = k;
        this.lambda = lambda;
        this.alpha = alpha;
        this.gram = gram;
        this.x = new double[k];
        this.r = new double[k];
        this.p = new double[k];
        this.ap = new double[k];
        this.a = new double[k * k];
    }

    /** A x for the row: G x + lambda x + sum_i (c_i - 1)(y_i . x) y_i, into {@code out}. */
    private void multiply(double[] v, double[] out, float[] fixed, Csr data, int row) {
        for (int i = 0; i < k; i++) {
            double s = lambda * v[i];
            int off = i * k;
            for (int j = 0; j < k; j++) {
                s += gram[off + j] * v[j];
            }
            out[i] = s;
        }
        for (int e = data.indptr()[row]; e < data.indptr()[row + 1]; e++) {
            int off = data.indices()[e] * k;
            double dot = 0;
            for (int j = 0; j < k; j++) {
                dot += fixed[off + j] * v[j];
            }
            double w = alpha * data.values()[e] * dot;
            for (int j = 0; j < k; j++) {
                out[j] += w * fixed[off + j];
            }
        }
    }

    /** b - A x into {@code r}: b = sum_i c_i y_i. */
    private void residual(float[] fixed, Csr data, int row) {
        multiply(x, ap, fixed, data, row);
        for (int j = 0; j < k; j++) {
            r[j] = -ap[j];
        }
        for (int e = data.indptr()[row]; e < data.indptr()[row + 1]; e++) {
            int off = data.indices()[e] * k;
            double c = 1 + alpha * data.values()[e];
            for (int j = 0; j < k; j++) {
                r[j] += c * fixed[off + j];
            }
        }
    }

    /** Conjugate gradient, warm-started from {@code target}'s row, for {@code steps} steps. */
    void conjugateGradient(float[] target, float[] fixed, Csr data, int row, int steps) {
        int base = row * k;
        for (int j = 0; j < k; j++) {
            x[j] = target[base + j];
        }
        residual(fixed, data, row);
        System.arraycopy(r, 0, p, 0, k);
        double rsOld = dot(r, r);
        for (int step = 0; step < steps && rsOld > 1e-20; step++) {
            multiply(p, ap, fixed, data, row);
            double step0 = rsOld / dot(p, ap);
            for (int j = 0; j < k; j++) {
                x[j] += step0 * p[j];
                r[j] -= step0 * ap[j];
            }
            double rsNew = dot(r, r);
            for (int j = 0; j < k; j++) {
                p[j] = r[j] + (rsNew / rsOld) * p[j];
            }
            rsOld = rsNew;
        }
        for (int j = 0; j < k; j++) {
            target[base + j] = (float) x[j];
        }
    }

    /** The exact solution by Cholesky decomposition of the k x k system. */
    void cholesky(float[] target, float[] fixed, Csr data, int row) {
        System.arraycopy(gram, 0, a, 0, k * k);
        for (int i = 0; i < k; i++) {
            a[i * k + i] += lambda;
            r[i] = 0;
        }
        for (int e = data.indptr()[row]; e < data.indptr()[row + 1]; e++) {
            int off = data.indices()[e] * k;
            double c = 1 + alpha * data.values()[e];
            for (int i = 0; i < k; i++) {
                double yi = fixed[off + i];
                r[i] += c * yi;
                for (int j = 0; j <= i; j++) {
                    a[i * k + j] += (c - 1) * yi * fixed[off + j];
                }
            }
        }
        // In-place lower Cholesky factor L with A = L L^T (only the lower triangle is read).
        for (int j = 0; j < k; j++) {
            double d = a[j * k + j];
            for (int m = 0; m < j; m++) {
                d -= a[j * k + m] * a[j * k + m];
            }
            if (!(d > 0)) {
                throw new ArithmeticException("least-squares system is not positive definite at row " + row);
            }
            double l = Math.sqrt(d);
            a[j * k + j] = l;
            for (int i = j + 1; i < k; i++) {
                double s = a[i * k + j];
                for (int m = 0; m < j; m++) {
                    s -= a[i * k + m] * a[j * k + m];
                }
                a[i * k + j] = s / l;
            }
        }
        for (int i = 0; i < k; i++) { // L z = b
            double s = r[i];
            for (int m = 0; m < i; m++) {
                s -= a[i * k + m] * x[m];
            }
            x[i] = s / a[i * k + i];
        }
        for (int i = k - 1; i >= 0; i--) { // L^T x = z
            double s = x[i];
            for (int m = i + 1; m < k; m++) {
                s -= a[m * k + i] * x[m];
            }
            x[i] = s / a[i * k + i];
        }
        int base = row * k;
        for (int j = 0; j < k; j++) {
            target[base + j] = (float) x[j];
        }
    }

    private double dot(double[] u, double[] v) {
        double s = 0;
        for (int j = 0; j < k; j++) {
            s += u[j] * v[j];
        }
        return s;
    }
}
