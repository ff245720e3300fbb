package dev.affinity.models.registry;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.affinity.models.artifact.ArtifactException;
import dev.affinity.models.artifact.ArtifactJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A model's promotion history: a JSON array of {@link Promotion}s, oldest first. Replaying it gives
 * the stack of versions that were current, which is where a rollback goes back along.
 */
final class PromotionHistory {
    private static final TypeReference<List<Promotion>> ENTRIES = new TypeReference<>() {};

    private PromotionHistory() {}

    /** The entries of {@code file}, or none when it does not exist. */
    static List<Promotion> read(Path file) {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            return List.copyOf(ArtifactJson.MAPPER.readValue(file.toFile(), ENTRIES));
        } catch (IOException | IllegalArgumentException e) {
            throw new ArtifactException(file + ": not a promotion history: " + e.getMessage(), e);
        }
    }

    /** Appends an entry, replacing the file atomically. */
    static void append(Path file, Promotion entry) {
        List<Promotion> entries = new ArrayList<>(read(file));
        entries.add(entry);
        try {
            RegistryFiles.replace(file, ArtifactJson.MAPPER.writeValueAsBytes(entries));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /**
     * The versions that were current, most recent first: a promotion pushes its version (unless it
     * is already on top), a rollback pops down to the version it went back to.
     */
    static Deque<String> stack(List<Promotion> entries) {
        Deque<String> stack = new ArrayDeque<>();
        for (Promotion p : entries) {
            if (p.action() == Promotion.Action.ROLLBACK) {
                while (!stack.isEmpty() && !stack.peek().equals(p.version())) {
                    stack.pop();
                }
            }
            if (stack.isEmpty() || !stack.peek().equals(p.version())) {
                stack.push(p.version());
            }
        }
        return stack;
    }
}
