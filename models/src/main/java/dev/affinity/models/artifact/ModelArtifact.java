package dev.affinity.models.artifact;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A verified, readable artifact directory. {@link #open} checks the manifest, the format version
 * and the SHA-256 of every payload, so a model is either loaded whole or refused with a message
 * naming the file at fault.
 */
public final class ModelArtifact {
    /** The manifest's file name. */
    public static final String MANIFEST = "manifest.json";

    private final Path dir;
    private final ArtifactManifest manifest;

    private ModelArtifact(Path dir, ArtifactManifest manifest) {
        this.dir = dir;
        this.manifest = manifest;
    }

    /** Reads the manifest only, without verifying payloads: for listings. */
    public static ArtifactManifest readManifest(Path dir) {
        Path file = dir.resolve(MANIFEST);
        if (!Files.isRegularFile(file)) {
            throw new ArtifactException(file + ": missing; " + dir + " is not a model artifact");
        }
        JsonNode tree;
        try {
            tree = ArtifactJson.MAPPER.readTree(file.toFile());
        } catch (IOException e) {
            throw new ArtifactException(file + ": not valid JSON: " + e.getMessage(), e);
        }
        int version = tree.path("formatVersion").asInt(-1);
        if (version != ArtifactManifest.FORMAT_VERSION) {
            throw new ArtifactException(file + ": unknown artifact format version " + tree.path("formatVersion")
                    + " (this build reads version " + ArtifactManifest.FORMAT_VERSION + ")");
        }
        try {
            return ArtifactJson.MAPPER.treeToValue(tree, ArtifactManifest.class);
        } catch (IOException | IllegalArgumentException e) {
            throw new ArtifactException(file + ": invalid manifest: " + e.getMessage(), e);
        }
    }

    /** Opens and verifies the artifact in {@code dir}. */
    public static ModelArtifact open(Path dir) {
        ArtifactManifest manifest = readManifest(dir);
        for (Map.Entry<String, String> payload : manifest.payloads().entrySet()) {
            Path file = dir.resolve(payload.getKey());
            if (!Files.isRegularFile(file)) {
                throw new ArtifactException(file + ": payload listed in the manifest is missing");
            }
            String actual = Checksums.sha256(file);
            if (!actual.equals(payload.getValue())) {
                throw new ArtifactException(file + ": checksum mismatch (manifest " + payload.getValue() + ", file "
                        + actual + "); the artifact is damaged");
            }
        }
        return new ModelArtifact(dir, manifest);
    }

    /** The artifact's directory. */
    public Path dir() {
        return dir;
    }

    /** The verified manifest. */
    public ArtifactManifest manifest() {
        return manifest;
    }

    /** Refuses the artifact unless it is of {@code type}. */
    public ModelArtifact requireType(ModelType type) {
        if (manifest.type() != type) {
            throw new ArtifactException(dir.resolve(MANIFEST) + ": a " + manifest.type() + " model, not " + type);
        }
        return this;
    }

    /** Reads a dense matrix payload. */
    public FloatMatrix matrix(String name) {
        return read(name, Payloads::readMatrix);
    }

    /** Reads a sparse rows payload. */
    public SparseRows sparse(String name) {
        return read(name, Payloads::readSparse);
    }

    /** Reads an id list payload. */
    public IdIndex ids(String name) {
        return read(name, Payloads::readIds);
    }

    /** Reads a JSON payload into {@code type}. */
    public <T> T json(String name, Class<T> type) {
        return read(name, file -> ArtifactJson.MAPPER.readValue(file.toFile(), type));
    }

    /** The path of a raw payload, for libraries that read their own format. */
    public Path file(String name) {
        return read(name, file -> file);
    }

    private interface PayloadRead<T> {
        T from(Path file) throws IOException;
    }

    private <T> T read(String name, PayloadRead<T> read) {
        if (!manifest.payloads().containsKey(name)) {
            throw new ArtifactException(
                    dir.resolve(MANIFEST) + ": no payload '" + name + "' in this " + manifest.type() + " artifact");
        }
        Path file = dir.resolve(name);
        try {
            return read.from(file);
        } catch (IOException | RuntimeException e) {
            if (e instanceof ArtifactException a) {
                throw a;
            }
            throw new ArtifactException(file + ": cannot read: " + e.getMessage(), e);
        }
    }
}
