package dev.affinity.training.churn;

/**
 * Settings of the logistic regression (Tribuo's linear SGD with the log loss and AdaGrad), on
 * standardized features.
 *
 * @param epochs passes over the training rows (default 20)
 * @param learningRate AdaGrad's initial learning rate (default 0.1)
 * @param seed shuffling seed
 */
public record LogisticParameters(int epochs, double learningRate, long seed) {
    /** Checks the ranges. */
    public LogisticParameters {
        if (epochs < 1 || epochs > 10_000) {
            throw new IllegalArgumentException("epochs must be 1..10000, got " + epochs);
        }
        if (!(learningRate > 0 && learningRate <= 10)) {
            throw new IllegalArgumentException("learningRate must be in (0, 10], got " + learningRate);
        }
    }

    /** The defaults with {@code seed}. */
    public static LogisticParameters defaults(long seed) {
        return new LogisticParameters(20, 0.1, seed);
    }
}
