package dev.affinity.serving.models;

import java.util.List;

/**
 * What one {@link ModelManager#reload} did.
 *
 * @param swapped whether a new set was swapped in
 * @param generation the generation serving now
 * @param changes what changed, in words
 * @param problems versions (or the warehouse) that failed to load and were skipped
 */
public record ReloadReport(boolean swapped, long generation, List<String> changes, List<String> problems) {
    /** Copies the lists. */
    public ReloadReport {
        changes = List.copyOf(changes);
        problems = List.copyOf(problems);
    }
}
