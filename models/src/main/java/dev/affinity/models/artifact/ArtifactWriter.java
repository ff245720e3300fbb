package dev.affinity.models.artifact;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Writes one artifact directory: payloads first, then {@code manifest.json} with the SHA-256 of
 * every payload. The directory is normally a registry's temporary directory, renamed into place
 * once complete.
 */
public final class ArtifactWriter {
    private final Path dir;
    private final Set<String> payloads = new LinkedHashSet<>();

    private ArtifactWriter(Path dir) {
        this.dir = dir;
    }

    /** A writer into {@code dir}, which must not exist yet or be empty. */
    public static ArtifactWriter create(Path dir) {
        try {
            Files.createDirectories(dir);
            try (var entries = Files.list(dir)) {
                if (entries.findAny().isPresent()) {
                    throw new IllegalArgumentException("artifact directory " + dir + " is not empty");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create artifact directory " + dir, e);
        }
        return new ArtifactWriter(dir);
    }

    /** The directory being written. */
    public Path dir() {
        return dir;
    }

    /** Writes a dense matrix payload. */
    public ArtifactWriter matrix(String name, FloatMatrix matrix) {
        return write(name, file -> Payloads.writeMatrix(file, matrix));
    }

    /** Writes a sparse rows payload. */
    public ArtifactWriter sparse(String name, SparseRows rows) {
        return write(name, file -> Payloads.writeSparse(file, rows));
    }

    /** Writes an id list payload. */
    public ArtifactWriter ids(String name, IdIndex ids) {
        return write(name, file -> Payloads.writeIds(file, ids));
    }

    /** Writes a JSON payload from any Jackson-serializable value. */
    public ArtifactWriter json(String name, Object value) {
        return write(name, file -> ArtifactJson.MAPPER.writeValue(file.toFile(), value));
    }

    /** Writes raw bytes, for a library's own model format. */
    public ArtifactWriter bytes(String name, byte[] content) {
        return write(name, file -> Files.write(file, content));
    }

    /**
     * Writes the manifest with the checksums of all payloads written.
     *
     * @return the manifest as written
     */
    public ArtifactManifest finish(
            String modelName,
            ModelType type,
            JsonNode hyperparameters,
            JsonNode featureSchema,
            Map<String, Map<String, Double>> metrics,
            Provenance provenance) {
        Map<String, String> sums = new TreeMap<>();
        for (String name : payloads) {
            sums.put(name, Checksums.sha256(dir.resolve(name)));
        }
        ArtifactManifest manifest = new ArtifactManifest(
                ArtifactManifest.FORMAT_VERSION,
                modelName,
                type,
                ProjectVersion.get(),
                Instant.now(),
                hyperparameters,
                featureSchema,
                metrics,
                provenance,
                sums);
        try {
            ArtifactJson.MAPPER.writeValue(dir.resolve(ModelArtifact.MANIFEST).toFile(), manifest);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write manifest in " + dir, e);
        }
        return manifest;
    }

    private interface PayloadWrite {
        void to(Path file) throws IOException;
    }

    private ArtifactWriter write(String name, PayloadWrite write) {
        if (!name.matches("[a-z0-9_.-]+") || name.equals(ModelArtifact.MANIFEST) || !payloads.add(name)) {
            throw new IllegalArgumentException("bad or repeated payload name: " + name);
        }
        try {
            write.to(dir.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write payload " + dir.resolve(name), e);
        }
        return this;
    }
}
