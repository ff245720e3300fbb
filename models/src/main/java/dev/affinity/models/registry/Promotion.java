package dev.affinity.models.registry;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of a model's promotion history ({@code <registry>/<name>/history.json}).
 *
 * @param action whether the version was promoted or rolled back to
 * @param version the version that became current
 * @param at when
 */
public record Promotion(Action action, String version, Instant at) {
    /** How a version became current. */
    public enum Action {
        /** Promoted explicitly, or on publish. */
        PROMOTE,
        /** Made current again by a rollback. */
        ROLLBACK
    }

    /** Checks the required fields. */
    public Promotion {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(at, "at");
    }
}
