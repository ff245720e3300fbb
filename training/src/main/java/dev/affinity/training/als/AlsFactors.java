package dev.affinity.training.als;

import java.util.List;

/**
 * The result of implicit ALS: row-major factor matrices and the loss after each iteration.
 *
 * @param users number of users (rows of {@code userFactors})
 * @param items number of items (rows of {@code itemFactors})
 * @param factors latent dimensions
 * @param userFactors users x factors, row-major
 * @param itemFactors items x factors, row-major
 * @param lossPerIteration the full weighted loss after each iteration, divided by users x items
 */
public record AlsFactors(
        int users, int items, int factors, float[] userFactors, float[] itemFactors, List<Double> lossPerIteration) {
    /** Checks the shapes and copies the loss list. */
    public AlsFactors {
        if (userFactors.length != (long) users * factors || itemFactors.length != (long) items * factors) {
            throw new IllegalArgumentException(
                    "factor arrays do not match " + users + " users, " + items + " items and " + factors + " factors");
        }
        lossPerIteration = List.copyOf(lossPerIteration);
    }

    /** The predicted preference of user {@code u} for item {@code i}: the dot product of their factors. */
    public float score(int u, int i) {
        float s = 0;
        for (int f = 0; f < factors; f++) {
            s += userFactors[u * factors + f] * itemFactors[i * factors + f];
        }
        return s;
    }
}
