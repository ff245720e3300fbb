package dev.affinity.models.registry;

import java.util.Objects;

/**
 * A move of a model's {@code current} pointer, by a promotion or a rollback.
 *
 * @param name the model name
 * @param from the version that was current, or {@code null} when none was
 * @param to the version that is current now
 */
public record CurrentChange(String name, String from, String to) {
    /** Checks the required fields. */
    public CurrentChange {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(to, "to");
    }

    /** Whether the pointer actually moved (promoting the current version changes nothing). */
    public boolean moved() {
        return !to.equals(from);
    }
}
