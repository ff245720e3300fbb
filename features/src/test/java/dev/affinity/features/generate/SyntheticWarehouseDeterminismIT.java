package dev.affinity.features.generate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.affinity.features.progress.Progress;
import dev.affinity.features.warehouse.Warehouse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same configuration must give the same bytes; another seed must not. */
class SyntheticWarehouseDeterminismIT {
    private static final GeneratorConfig CONFIG = GeneratorConfig.of(2_000, 500, 60, 7);
    /** Small parts, so that part boundaries are exercised too. */
    private static final long ROWS_PER_PART = 20_000;

    @TempDir
    Path dir;

    @Test
    void sameConfigurationGivesByteIdenticalParts() throws IOException {
        Path first = generate("first", CONFIG);
        Path second = generate("second", CONFIG);

        List<Path> files = parquetFiles(first);
        assertThat(files).hasSizeGreaterThan(8);
        assertThat(files.stream().filter(f -> f.startsWith("events")).count()).isGreaterThan(1);
        assertThat(parquetFiles(second)).isEqualTo(files);
        for (Path file : files) {
            assertThat(Files.mismatch(first.resolve(file), second.resolve(file)))
                    .as(file.toString())
                    .isEqualTo(-1L);
        }
        assertThat(Files.mismatch(first.resolve("_manifest.json"), second.resolve("_manifest.json")))
                .isEqualTo(-1L);
    }

    @Test
    void anotherSeedGivesOtherBytes() throws IOException {
        Path first = generate("first", CONFIG);
        Path other = generate("other", new GeneratorConfig(2_000, 500, 60, 8, 50, CONFIG.endDate()));

        for (Path file : List.of(
                Path.of("customers", "part-00000.parquet"),
                Path.of("products", "part-00000.parquet"),
                Path.of("events", "part-00000.parquet"),
                Path.of("orders", "part-00000.parquet"),
                Path.of("email_events", "part-00000.parquet"),
                Path.of("generator_truth", "part-00000.parquet"))) {
            assertThat(Files.mismatch(first.resolve(file), other.resolve(file)))
                    .as(file.toString())
                    .isNotEqualTo(-1L);
        }
    }

    private Path generate(String name, GeneratorConfig config) {
        Path root = dir.resolve(name);
        SyntheticWarehouse.generate(Warehouse.open(root), config, Progress.NONE, ROWS_PER_PART);
        return root;
    }

    /** Every Parquet file under {@code root}, relative to it, sorted. */
    private static List<Path> parquetFiles(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> p.toString().endsWith(".parquet"))
                    .map(root::relativize)
                    .sorted()
                    .toList();
        }
    }
}
