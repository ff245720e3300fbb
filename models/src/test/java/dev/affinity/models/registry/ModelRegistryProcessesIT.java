package dev.affinity.models.registry;

import static dev.affinity.models.registry.TestArtifacts.popularity;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two other JVMs and this one publish into one registry at once; the file lock keeps it consistent. */
class ModelRegistryProcessesIT {
    private static final int PER_PUBLISHER = 10;

    @TempDir
    Path dir;

    @Test
    void publishersInSeveralProcessesGetDistinctVersions() throws Exception {
        Path root = dir.resolve("models");
        List<Process> processes = new ArrayList<>();
        for (int p = 1; p <= 2; p++) {
            processes.add(new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString(),
                            "-cp",
                            System.getProperty("java.class.path"),
                            "-Djava.io.tmpdir=" + dir,
                            PublisherProcess.class.getName(),
                            root.toString(),
                            Integer.toString(PER_PUBLISHER),
                            Integer.toString(p))
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("publisher-" + p + ".log").toFile())
                    .start());
        }
        ModelRegistry registry = new ModelRegistry(root);
        for (int i = 0; i < PER_PUBLISHER; i++) {
            registry.publish("popular", popularity("popular", 3f), true);
        }
        for (Process process : processes) {
            assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue())
                    .as("publisher exit code (log in %s)", dir)
                    .isZero();
        }

        int total = 3 * PER_PUBLISHER;
        assertThat(registry.versions("popular"))
                .extracting(ModelVersion::version)
                .containsExactly(
                        IntStream.rangeClosed(1, total).mapToObj(Versions::of).toArray(String[]::new));
        for (ModelVersion v : registry.versions("popular")) {
            registry.open("popular", v.version());
        }
        assertThat(registry.history("popular")).hasSize(total);
        assertThat(registry.openCurrent("popular").dir().getParent()).isEqualTo(root.resolve("popular"));
        assertThat(root.resolve(".staging")).isEmptyDirectory();
    }
}
