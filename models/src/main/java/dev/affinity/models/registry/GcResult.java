package dev.affinity.models.registry;

import java.util.List;
import java.util.Objects;

/**
 * What a garbage collection of one model's versions did.
 *
 * @param name the model name
 * @param kept the versions kept, oldest first (the newest ones and the current one)
 * @param deleted the versions deleted, oldest first
 * @param current the current version, or {@code null} when none is set
 */
public record GcResult(String name, List<String> kept, List<String> deleted, String current) {
    /** Copies the lists. */
    public GcResult {
        Objects.requireNonNull(name, "name");
        kept = List.copyOf(kept);
        deleted = List.copyOf(deleted);
    }
}
