package dev.affinity.serving.models;

import dev.affinity.models.churn.ChurnScorer;

/**
 * The churn model in use.
 *
 * @param name registry name, such as {@code churn}
 * @param version registry version
 * @param scorer the model
 */
public record LoadedChurn(String name, String version, ChurnScorer scorer) {
    /** {@code name@version}. */
    public String label() {
        return name + "@" + version;
    }
}
