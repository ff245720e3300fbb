package dev.affinity.models.registry;

import dev.affinity.models.artifact.ArtifactManifest;
import java.nio.file.Path;
import java.util.Objects;

/**
 * One version of a model in the registry, as listed: its manifest is read but its payloads are not
 * verified (use {@link ModelRegistry#open} for that).
 *
 * @param name the model name
 * @param version the version, such as {@code v000003}
 * @param dir the artifact directory
 * @param manifest the manifest, or {@code null} when it cannot be read (see {@code problem})
 * @param current whether the {@code current} pointer names this version
 * @param problem why the manifest cannot be read, naming the file; {@code null} when it can
 */
public record ModelVersion(
        String name, String version, Path dir, ArtifactManifest manifest, boolean current, String problem) {

    /** Checks that exactly one of {@code manifest} and {@code problem} is given. */
    public ModelVersion {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(dir, "dir");
        if ((manifest == null) == (problem == null)) {
            throw new IllegalArgumentException(
                    "a model version has either a manifest or a problem, not both or neither: " + name + " " + version);
        }
    }

    /** Whether the manifest could be read. */
    public boolean readable() {
        return manifest != null;
    }
}
