package dev.affinity.training.als;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Implicit ALS: alternately solves every user's factors given the items' and every item's given the
 * users', each a weighted ridge regression with confidence {@code 1 + alpha * r}. Deterministic for
 * a seed whatever the number of threads, since each row's solve depends only on the other side's
 * factors.
 */
public final class ImplicitAls {
    private static final int ROWS_PER_TASK = 256;

    private final AlsParameters parameters;

    /** ALS with these hyperparameters. */
    public ImplicitAls(AlsParameters parameters) {
        this.parameters = parameters;
    }

    /** Receives the loss after each iteration, for progress and early stopping by the caller. */
    @FunctionalInterface
    public interface IterationListener {
        /** Called after iteration {@code iteration} (1-based) with its loss. */
        void iterationDone(int iteration, double loss);
    }

    /**
     * Scores the factors after an iteration on held-out data, higher being better, for early
     * stopping. It may read the factors but must not keep or change them.
     */
    @FunctionalInterface
    public interface Validation {
        /** The validation score of {@code current}. */
        double score(AlsFactors current);
    }

    /** Factorizes the users x items confidence matrix {@code userItems}, for every iteration. */
    public AlsFactors fit(Csr userItems, IterationListener listener) {
        return fit(userItems, listener, null, 0);
    }

    /**
     * Factorizes {@code userItems}, stopping early when {@code validation} has not improved for
     * {@code patience} iterations, and returning the factors of its best iteration (with the losses
     * of every iteration run). Without a validation it runs every iteration.
     */
    public AlsFactors fit(Csr userItems, IterationListener listener, Validation validation, int patience) {
        int k = parameters.factors();
        Csr itemUsers = userItems.transpose();
        float[] users = initial(userItems.rows(), k, parameters.seed());
        float[] items = initial(userItems.cols(), k, parameters.seed() ^ 0x9E3779B97F4A7C15L);
        List<Double> losses = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(parameters.threads(), r -> {
            Thread t = new Thread(r, "als-worker");
            t.setDaemon(true);
            return t;
        });
        float[] bestUsers = users;
        float[] bestItems = items;
        double bestScore = Double.NEGATIVE_INFINITY;
        int bestIteration = 0;
        try {
            for (int iteration = 1; iteration <= parameters.iterations(); iteration++) {
                solveAll(pool, users, items, userItems);
                solveAll(pool, items, users, itemUsers);
                double loss = loss(users, items, userItems);
                losses.add(loss);
                listener.iterationDone(iteration, loss);
                if (validation == null) {
                    continue;
                }
                double score =
                        validation.score(new AlsFactors(userItems.rows(), userItems.cols(), k, users, items, losses));
                if (score > bestScore) {
                    bestScore = score;
                    bestIteration = iteration;
                    bestUsers = users.clone();
                    bestItems = items.clone();
                } else if (iteration - bestIteration >= patience) {
                    break;
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return new AlsFactors(userItems.rows(), userItems.cols(), k, bestUsers, bestItems, losses);
    }

    /** Small Gaussian factors (sd 0.01), from the seed. */
    private static float[] initial(int rows, int k, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] f = new float[rows * k];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) (0.01 * random.nextGaussian());
        }
        return f;
    }

    /** Solves every row of {@code target} given {@code fixed}, in parallel chunks of rows. */
    private void solveAll(ExecutorService pool, float[] target, float[] fixed, Csr data) {
        int k = parameters.factors();
        double[] gram = gram(fixed, k);
        forEachRow(
                pool,
                data.rows(),
                () -> new LeastSquares(k, parameters.regularization(), parameters.alpha(), gram),
                (solver, row) -> {
                    if (parameters.solver() == AlsParameters.Solver.CG) {
                        solver.conjugateGradient(target, fixed, data, row, parameters.cgSteps());
                    } else {
                        solver.cholesky(target, fixed, data, row);
                    }
                });
    }

    private interface RowTask {
        void solve(LeastSquares solver, int row);
    }

    private static void forEachRow(
            ExecutorService pool, int rows, java.util.function.Supplier<LeastSquares> solvers, RowTask task) {
        List<Future<?>> futures = new ArrayList<>();
        for (int start = 0; start < rows; start += ROWS_PER_TASK) {
            int from = start;
            int to = Math.min(rows, start + ROWS_PER_TASK);
            futures.add(pool.submit(() -> {
                LeastSquares solver = solvers.get();
                for (int row = from; row < to; row++) {
                    task.solve(solver, row);
                }
            }));
        }
        await(futures);
    }

    private static void await(List<Future<?>> futures) {
        try {
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("ALS interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("ALS solve failed: " + e.getCause().getMessage(), e.getCause());
        }
    }

    /** Y^T Y as a k x k row-major double matrix. */
    static double[] gram(float[] y, int k) {
        double[] g = new double[k * k];
        int rows = y.length / k;
        for (int r = 0; r < rows; r++) {
            int off = r * k;
            for (int i = 0; i < k; i++) {
                double yi = y[off + i];
                for (int j = i; j < k; j++) {
                    g[i * k + j] += yi * y[off + j];
                }
            }
        }
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < i; j++) {
                g[i * k + j] = g[j * k + i];
            }
        }
        return g;
    }

    /**
     * The full objective, divided by users x items: sum over all (u, i) of c_ui (p_ui - x_u . y_i)^2
     * plus lambda times the squared norms, computed as sum_u x_u^T G x_u plus a correction over the
     * observed entries, so it costs O(nnz k + users k^2).
     */
    double loss(float[] users, float[] items, Csr userItems) {
        int k = parameters.factors();
        double[] g = gram(items, k);
        double total = 0;
        for (int u = 0; u < userItems.rows(); u++) {
            int off = u * k;
            for (int i = 0; i < k; i++) {
                double s = 0;
                for (int j = 0; j < k; j++) {
                    s += g[i * k + j] * users[off + j];
                }
                total += users[off + i] * s;
            }
            for (int e = userItems.indptr()[u]; e < userItems.indptr()[u + 1]; e++) {
                int io = userItems.indices()[e] * k;
                double s = 0;
                for (int j = 0; j < k; j++) {
                    s += users[off + j] * items[io + j];
                }
                double c = 1 + parameters.alpha() * userItems.values()[e];
                total += c * (1 - s) * (1 - s) - s * s;
            }
        }
        total += parameters.regularization() * (squaredNorm(users) + squaredNorm(items));
        return total / ((double) userItems.rows() * userItems.cols());
    }

    private static double squaredNorm(float[] v) {
        double s = 0;
        for (float x : v) {
            s += (double) x * x;
        }
        return s;
    }
}
