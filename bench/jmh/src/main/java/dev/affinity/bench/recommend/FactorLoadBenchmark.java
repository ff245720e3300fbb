package dev.affinity.bench.recommend;

import dev.affinity.models.artifact.ArtifactWriter;
import dev.affinity.models.artifact.ModelArtifact;
import dev.affinity.models.artifact.ModelType;
import dev.affinity.models.artifact.Provenance;
import dev.affinity.models.recommend.FactorModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Loading a 1M-user x 100K-item, 64-factor {@link FactorModel} artifact (5 training items per user)
 * from a warm page cache: {@link ModelArtifact#open} (manifest plus SHA-256 of every payload) and
 * {@link FactorModel#readFrom} (payloads into arrays, shape checks) measured apart. The artifact is
 * written once per fork under {@code -Daffinity.bench.dir} (default {@code /tmp}) and deleted at
 * the end.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class FactorLoadBenchmark {
    private Path dir;
    private ModelArtifact opened;

    /** Writes the artifact, then opens it once so that the page cache is warm. */
    @Setup
    public void write() throws IOException {
        Path parent = Path.of(System.getProperty("affinity.bench.dir", "/tmp"));
        dir = Files.createTempDirectory(parent, "affinity-factor-load-").resolve("artifact");
        FactorModel model = SyntheticFactors.model(1_000_000, 100_000, 64, 5, 42L);
        ArtifactWriter writer = ArtifactWriter.create(dir);
        model.writeTo(writer);
        writer.finish(
                "recommender", ModelType.FACTORS, null, null, null, Provenance.here("bench", "synthetic", null, 42L));
        opened = ModelArtifact.open(dir);
    }

    /** Deletes the artifact. */
    @TearDown
    public void delete() throws IOException {
        try (Stream<Path> files = Files.walk(dir.getParent())) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> {
                try {
                    Files.delete(file);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    /** Manifest and checksum verification of every payload. */
    @Benchmark
    public ModelArtifact open() {
        return ModelArtifact.open(dir);
    }

    /** Reading the payloads of an opened artifact into a model. */
    @Benchmark
    public FactorModel readFrom() {
        return FactorModel.readFrom(opened);
    }
}
