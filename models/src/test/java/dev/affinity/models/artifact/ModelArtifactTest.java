package dev.affinity.models.artifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelArtifactTest {
    @TempDir
    Path dir;

    private Path write() {
        Path artifact = dir.resolve("a");
        ArtifactWriter w = ArtifactWriter.create(artifact);
        w.matrix("m.f32", new FloatMatrix(2, 3, new float[] {1, 2, 3, 4, 5, -6.5f}));
        w.sparse("s.csr", new SparseRows(3, new int[] {0, 2, 2, 3}, new int[] {4, 1, 0}, new float[] {0.5f, 1, 2}));
        w.ids("x.ids", new IdIndex(List.of("p1", "p 2", "p-3")));
        w.json("p.json", Map.of("alpha", 1.5));
        w.finish(
                "demo",
                ModelType.POPULARITY,
                null,
                null,
                Map.of("validation", Map.of("ndcg_at_10", 0.31)),
                Provenance.here("test", "fp", null, 7));
        return artifact;
    }

    @Test
    void payloadsRoundTripExactly() {
        ModelArtifact a = ModelArtifact.open(write());
        FloatMatrix m = a.matrix("m.f32");
        assertThat(m.rows()).isEqualTo(2);
        assertThat(m.cols()).isEqualTo(3);
        assertThat(m.data()).containsExactly(1, 2, 3, 4, 5, -6.5f);
        SparseRows s = a.sparse("s.csr");
        assertThat(s.indptr()).containsExactly(0, 2, 2, 3);
        assertThat(s.indices()).containsExactly(4, 1, 0);
        assertThat(s.values()).containsExactly(0.5f, 1, 2);
        IdIndex ids = a.ids("x.ids");
        assertThat(ids.ids()).containsExactly("p1", "p 2", "p-3");
        assertThat(ids.indexOf("p 2")).isEqualTo(1);
        assertThat(ids.indexOf("nope")).isEqualTo(-1);
        assertThat(a.manifest().metric("validation", "ndcg_at_10")).isEqualTo(0.31);
        assertThat(a.manifest().provenance().seed()).isEqualTo(7);
        assertThat(a.manifest().projectVersion())
                .isEqualTo(ArtifactManifest.currentProjectVersion())
                .matches("\\d+\\.\\d+\\.\\d+.*"); // filled in by the build, not a placeholder
        assertThat(a.manifest().provenance().jvm()).contains(System.getProperty("java.version"));
        assertThat(a.manifest().payloads()).containsOnlyKeys("m.f32", "s.csr", "x.ids", "p.json");
    }

    @Test
    void aFlippedByteIsRefusedNamingTheFile() throws Exception {
        Path artifact = write();
        Path payload = artifact.resolve("m.f32");
        byte[] bytes = Files.readAllBytes(payload);
        bytes[bytes.length - 1] ^= 0x01;
        Files.write(payload, bytes);
        assertThatThrownBy(() -> ModelArtifact.open(artifact))
                .isInstanceOf(ArtifactException.class)
                .hasMessageContaining(payload.toString())
                .hasMessageContaining("checksum mismatch");
    }

    @Test
    void aMissingPayloadIsRefusedNamingTheFile() throws Exception {
        Path artifact = write();
        Files.delete(artifact.resolve("s.csr"));
        assertThatThrownBy(() -> ModelArtifact.open(artifact))
                .isInstanceOf(ArtifactException.class)
                .hasMessageContaining(artifact.resolve("s.csr").toString())
                .hasMessageContaining("missing");
    }

    @Test
    void anUnknownFormatVersionIsRefused() throws Exception {
        Path artifact = write();
        Path manifest = artifact.resolve("manifest.json");
        Files.writeString(
                manifest, Files.readString(manifest).replace("\"formatVersion\" : 1", "\"formatVersion\" : 99"));
        assertThatThrownBy(() -> ModelArtifact.open(artifact))
                .isInstanceOf(ArtifactException.class)
                .hasMessageContaining(manifest.toString())
                .hasMessageContaining("unknown artifact format version 99");
    }

    @Test
    void aDirectoryWithoutManifestOrWithTheWrongTypeIsRefused() {
        assertThatThrownBy(() -> ModelArtifact.open(dir))
                .isInstanceOf(ArtifactException.class)
                .hasMessageContaining("not a model artifact");
        ModelArtifact a = ModelArtifact.open(write());
        assertThatThrownBy(() -> a.requireType(ModelType.FACTORS))
                .hasMessageContaining("POPULARITY model, not FACTORS");
        assertThatThrownBy(() -> a.matrix("absent.f32")).hasMessageContaining("no payload 'absent.f32'");
    }

    @Test
    void aPayloadOfTheWrongKindIsRefused() {
        ModelArtifact a = ModelArtifact.open(write());
        assertThatThrownBy(() -> a.matrix("s.csr"))
                .isInstanceOf(ArtifactException.class)
                .hasMessageContaining("bad magic");
    }

    @Test
    void theWriterRefusesBadNamesAndNonEmptyDirectories() throws Exception {
        ArtifactWriter w = ArtifactWriter.create(dir.resolve("b"));
        assertThatThrownBy(() -> w.json("../escape.json", 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> w.json("manifest.json", 1)).isInstanceOf(IllegalArgumentException.class);
        w.json("x.json", 1);
        assertThatThrownBy(() -> w.json("x.json", 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ArtifactWriter.create(dir.resolve("b"))).hasMessageContaining("not empty");
        assertThatThrownBy(() -> new IdIndex(List.of("a", "a"))).hasMessageContaining("duplicate id 'a'");
        assertThatThrownBy(() -> new FloatMatrix(2, 2, new float[3])).hasMessageContaining("needs 4 values");
    }
}
