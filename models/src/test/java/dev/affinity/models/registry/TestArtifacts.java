package dev.affinity.models.registry;

import dev.affinity.models.artifact.ArtifactManifest;
import dev.affinity.models.artifact.ArtifactWriter;
import dev.affinity.models.artifact.FloatMatrix;
import dev.affinity.models.artifact.IdIndex;
import dev.affinity.models.artifact.ModelType;
import dev.affinity.models.artifact.Provenance;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Small real POPULARITY artifacts for registry tests. */
final class TestArtifacts {
    private TestArtifacts() {}

    /** A writer of a three-item popularity model whose scores are {@code score, score / 2, score / 4}. */
    static Function<Path, ArtifactManifest> popularity(String name, float score) {
        return dir -> ArtifactWriter.create(dir)
                .ids("items.ids", new IdIndex(List.of("A", "B", "C")))
                .matrix("popularity.f32", FloatMatrix.column(new float[] {score, score / 2, score / 4}))
                .json("settings.json", Map.of("halfLifeDays", 30))
                .finish(
                        name,
                        ModelType.POPULARITY,
                        null,
                        null,
                        Map.of("validation", Map.of("recall_at_10", (double) score / 10)),
                        new Provenance("test", "fingerprint", LocalDate.of(2011, 9, 1), 42L, "jvm", "os", "host"));
    }
}
