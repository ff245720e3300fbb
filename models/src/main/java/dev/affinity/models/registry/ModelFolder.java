package dev.affinity.models.registry;

import dev.affinity.models.artifact.ArtifactException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The folder of one model name: version directories, the {@code current} pointer, the promotion
 * history, the last version number handed out, and the lock file.
 */
final class ModelFolder {
    /** The pointer file: the current version's name and a newline. */
    static final String CURRENT = "current";
    /** The promotion history, see {@link PromotionHistory}. */
    static final String HISTORY = "history.json";
    /** The last version number handed out, so that numbers are never reused after a gc. */
    static final String LAST_VERSION = "last-version";
    /** The lock file, see {@link RegistryLock}. */
    static final String LOCK = ".lock";

    private final String name;
    private final Path dir;

    ModelFolder(Path root, String name) {
        this.name = name;
        this.dir = root.resolve(name);
    }

    String name() {
        return name;
    }

    Path dir() {
        return dir;
    }

    Path versionDir(String version) {
        return dir.resolve(version);
    }

    Path file(String fileName) {
        return dir.resolve(fileName);
    }

    /** The versions present, oldest first; none when the folder does not exist. */
    List<String> versions() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(Files::isDirectory)
                    .map(p -> p.getFileName().toString())
                    .filter(Versions::isVersion)
                    .sorted(Comparator.comparingLong(Versions::number))
                    .toList();
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    /** The version the {@code current} file names, if there is one. */
    Optional<String> current() {
        Path file = file(CURRENT);
        String content;
        try {
            content = Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (!Versions.isVersion(content)) {
            throw new ArtifactException(file + ": not a version name: '" + content + "'");
        }
        return Optional.of(content);
    }

    /** Points {@code current} at {@code version}, atomically. */
    void setCurrent(String version) {
        RegistryFiles.replace(file(CURRENT), (version + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Hands out the next version: one more than both the last one handed out and the highest
     * present, and records it. Call under the lock.
     */
    String nextVersion() {
        long last = versions().stream().mapToLong(Versions::number).max().orElse(0);
        Path file = file(LAST_VERSION);
        if (Files.exists(file)) {
            try {
                last = Math.max(
                        last,
                        Long.parseLong(
                                Files.readString(file, StandardCharsets.UTF_8).strip()));
            } catch (IOException | NumberFormatException e) {
                throw new ArtifactException(file + ": not a version number: " + e.getMessage(), e);
            }
        }
        long next = last + 1;
        while (Files.exists(versionDir(Versions.of(next)))) {
            next++;
        }
        RegistryFiles.replace(file, (next + "\n").getBytes(StandardCharsets.UTF_8));
        return Versions.of(next);
    }
}
