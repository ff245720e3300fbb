package dev.affinity.training.als;

/**
 * Hyperparameters of implicit ALS. Confidence is {@code 1 + alpha * r} for an observed interaction
 * of strength {@code r} and 1 (with preference 0) for everything unobserved.
 *
 * @param factors latent dimensions (default 64)
 * @param iterations full user-then-item sweeps (default 15)
 * @param regularization L2 penalty lambda on every factor vector (default 0.05)
 * @param alpha confidence scale (default 10)
 * @param solver how each least-squares problem is solved (default CG)
 * @param cgSteps conjugate-gradient steps per solve, warm-started from the previous factors (default 3)
 * @param seed seed of the initial factors
 * @param threads worker threads (default: available processors)
 */
public record AlsParameters(
        int factors,
        int iterations,
        double regularization,
        double alpha,
        Solver solver,
        int cgSteps,
        long seed,
        int threads) {

    /** How each user's (or item's) least-squares problem is solved. */
    public enum Solver {
        /** A few conjugate-gradient steps from the previous solution: fast, approximate. */
        CG,
        /** Build the k x k system and solve it exactly by Cholesky: slow, exact, for checking. */
        CHOLESKY
    }

    /** Checks every field. */
    public AlsParameters {
        if (factors < 1 || factors > 1024) {
            throw new IllegalArgumentException("factors must be 1..1024, got " + factors);
        }
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations must be >= 1, got " + iterations);
        }
        if (!(regularization > 0) || !Double.isFinite(regularization)) {
            throw new IllegalArgumentException("regularization must be positive, got " + regularization);
        }
        if (!(alpha > 0) || !Double.isFinite(alpha)) {
            throw new IllegalArgumentException("alpha must be positive, got " + alpha);
        }
        if (solver == null) {
            throw new IllegalArgumentException("solver is required");
        }
        if (cgSteps < 1) {
            throw new IllegalArgumentException("cgSteps must be >= 1, got " + cgSteps);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
    }

    /** The documented defaults with a seed. */
    public static AlsParameters defaults(long seed) {
        return new AlsParameters(
                64, 15, 0.05, 10, Solver.CG, 3, seed, Runtime.getRuntime().availableProcessors());
    }

    /** These parameters with another number of factors. */
    public AlsParameters withFactors(int value) {
        return new AlsParameters(value, iterations, regularization, alpha, solver, cgSteps, seed, threads);
    }

    /** These parameters with another number of iterations. */
    public AlsParameters withIterations(int value) {
        return new AlsParameters(factors, value, regularization, alpha, solver, cgSteps, seed, threads);
    }

    /** These parameters with another solver. */
    public AlsParameters withSolver(Solver value) {
        return new AlsParameters(factors, iterations, regularization, alpha, value, cgSteps, seed, threads);
    }

    /** These parameters with another regularization and alpha. */
    public AlsParameters withRegularization(double lambda, double confidenceAlpha) {
        return new AlsParameters(factors, iterations, lambda, confidenceAlpha, solver, cgSteps, seed, threads);
    }

    /** These parameters with another number of threads. */
    public AlsParameters withThreads(int value) {
        return new AlsParameters(factors, iterations, regularization, alpha, solver, cgSteps, seed, value);
    }
}
