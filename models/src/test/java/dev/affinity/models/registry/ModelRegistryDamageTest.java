package dev.affinity.models.registry;

import static dev.affinity.models.registry.TestArtifacts.popularity;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.affinity.models.artifact.ArtifactException;
import dev.affinity.models.artifact.ArtifactManifest;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damaged artifacts are refused with a message naming the file, and never move {@code current}:
 * v000001 is current and healthy, v000002 is published beside it and then damaged.
 */
class ModelRegistryDamageTest {
    @TempDir
    Path dir;

    private ModelRegistry registry;
    private Path currentFile;
    private Path v2;

    @BeforeEach
    void publishTwoVersions() {
        registry = new ModelRegistry(dir.resolve("models"));
        registry.publish("popular", popularity("popular", 1f), true);
        v2 = registry.publish("popular", popularity("popular", 2f), false).dir();
        currentFile = dir.resolve("models/popular/current");
    }

    /** Open, promote, and a rollback towards the damaged version all fail, naming {@code file}. */
    private void assertRefusedEverywhere(Path file, String reason) throws Exception {
        String before = Files.readString(currentFile);
        assertThatThrownBy(() -> registry.open("popular", "v000002"))
                .isInstanceOf(ArtifactException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining(reason);
        assertThatThrownBy(() -> registry.promote("popular", "v000002"))
                .isInstanceOf(ArtifactException.class)
                .hasMessageContaining(file.toString());
        assertThat(currentFile).hasContent(before.strip());
        assertThat(registry.openCurrent("popular").matrix("popularity.f32").get(0, 0))
                .isEqualTo(1f);
    }

    @Test
    void aFlippedByteInAPayloadIsRefused() throws Exception {
        Path payload = v2.resolve("popularity.f32");
        try (RandomAccessFile f = new RandomAccessFile(payload.toFile(), "rw")) {
            f.seek(13);
            int b = f.read();
            f.seek(13);
            f.write(b ^ 0x01);
        }
        assertRefusedEverywhere(payload, "checksum mismatch");
    }

    @Test
    void aMissingPayloadIsRefused() throws Exception {
        Path payload = v2.resolve("settings.json");
        Files.delete(payload);
        assertRefusedEverywhere(payload, "missing");
    }

    @Test
    void anUnknownFormatVersionIsRefusedAndListedWithItsProblem() throws Exception {
        Path manifest = v2.resolve("manifest.json");
        Files.writeString(
                manifest, Files.readString(manifest).replaceFirst("\"formatVersion\" : 1", "\"formatVersion\" : 99"));
        assertRefusedEverywhere(manifest, "unknown artifact format version 99");
        ModelVersion listed = registry.versions("popular").get(1);
        assertThat(listed.readable()).isFalse();
        assertThat(listed.problem()).contains(manifest.toString());
    }

    @Test
    void aRollbackToADamagedVersionIsRefused() throws Exception {
        registry.promote("popular", "v000002");
        Path payload = dir.resolve("models/popular/v000001/popularity.f32");
        Files.write(payload, new byte[] {1, 2, 3});
        assertThatThrownBy(() -> registry.rollback("popular"))
                .isInstanceOf(ArtifactException.class)
                .hasMessageContaining(payload.toString());
        assertThat(currentFile).hasContent("v000002");
    }

    @Test
    void aWriterThatProducesADamagedArtifactPublishesNothing() throws Exception {
        Function<Path, ArtifactManifest> damaging = staging -> {
            ArtifactManifest manifest = popularity("popular", 3f).apply(staging);
            try {
                Files.writeString(staging.resolve("settings.json"), "{\"halfLifeDays\": 31}");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return manifest;
        };
        assertThatThrownBy(() -> registry.publish("popular", damaging, true))
                .isInstanceOf(ArtifactException.class)
                .hasMessageContaining("settings.json: checksum mismatch");
        assertNothingPublished();
    }

    @Test
    void aWriterThatFailsHalfWayPublishesNothing() throws Exception {
        Function<Path, ArtifactManifest> failing = staging -> {
            popularity("popular", 3f).apply(staging);
            throw new IllegalStateException("trainer ran out of patience");
        };
        assertThatThrownBy(() -> registry.publish("popular", failing, true)).hasMessage("trainer ran out of patience");
        assertNothingPublished();
    }

    private void assertNothingPublished() throws Exception {
        assertThat(registry.versions("popular"))
                .extracting(ModelVersion::version)
                .containsExactly("v000001", "v000002");
        assertThat(dir.resolve("models/popular/v000003")).doesNotExist();
        assertThat(dir.resolve("models/.staging")).isEmptyDirectory();
        assertThat(currentFile).hasContent("v000001");
    }
}
