package dev.affinity.bench.spark;

import dev.affinity.training.als.Csr;

/**
 * Multiply-adds of one iteration of our implicit ALS (one user sweep and one item sweep, plus the
 * loss that {@code ImplicitAls} computes after each iteration), counted from the loops in {@code
 * LeastSquares} and {@code ImplicitAls}. One multiply-add is 2 FLOP. Vector updates of O(k) per row
 * are left out (under 2% here).
 *
 * <p>With U users, I items, N observed entries (each counted once; each appears in one user row and
 * one item row), k factors and s CG steps:
 *
 * <ul>
 *   <li>Gram matrices Y^T Y, twice per iteration, upper triangle: (U + I) k(k+1)/2
 *   <li>CG: per row, one A·v for the starting residual and one per step, each k^2 + 2 n_row k, plus
 *       n_row k for the right-hand side: (s + 1)((U + I) k^2 + 4 N k) + 2 N k
 *   <li>Cholesky instead: per row n_row k(k+1)/2 to build A, k^3/6 to factor, k^2 to solve, n_row k
 *       for b: N k(k+1) + (U + I)(k^3/6 + k^2) + 2 N k
 *   <li>Loss: I k(k+1)/2 (Gram) + U k^2 + N k
 * </ul>
 */
record AlsWork(int users, int items, long entries, int k) {
    static AlsWork of(Csr train, int k) {
        return new AlsWork(train.rows(), train.cols(), train.nnz(), k);
    }

    double gramMultiplyAdds() {
        return (double) (users + items) * k * (k + 1) / 2.0;
    }

    double cgMultiplyAdds(int steps) {
        double kk = (double) k * k;
        return (steps + 1) * ((users + items) * kk + 4.0 * entries * k) + 2.0 * entries * k;
    }

    double choleskyMultiplyAdds() {
        double kk = (double) k * k;
        return entries * (double) k * (k + 1) + (users + items) * (kk * k / 6.0 + kk) + 2.0 * entries * k;
    }

    double lossMultiplyAdds() {
        return items * (double) k * (k + 1) / 2.0 + users * (double) k * k + entries * (double) k;
    }

    /** FLOP of one CG iteration, grams and loss included. */
    double cgFlopPerIteration(int steps) {
        return 2 * (gramMultiplyAdds() + cgMultiplyAdds(steps) + lossMultiplyAdds());
    }

    /** FLOP of one Cholesky iteration, grams and loss included. */
    double choleskyFlopPerIteration() {
        return 2 * (gramMultiplyAdds() + choleskyMultiplyAdds() + lossMultiplyAdds());
    }
}
