package dev.affinity.models.registry;

import static dev.affinity.models.registry.TestArtifacts.popularity;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two publishers at once, through one registry instance or two, leave a consistent registry. */
class ModelRegistryConcurrencyTest {
    private static final int THREADS = 2;
    private static final int PUBLISHES = 10;

    @TempDir
    Path dir;

    @Test
    void twoThreadsSharingOneRegistry() throws Exception {
        ModelRegistry shared = new ModelRegistry(dir.resolve("models"));
        publishConcurrently(t -> shared);
    }

    @Test
    void twoRegistryInstancesOnTheSameFolder() throws Exception {
        // Each thread has its own instance, so they meet at the file lock itself.
        publishConcurrently(t -> new ModelRegistry(dir.resolve("models"), Duration.ofSeconds(30)));
    }

    private void publishConcurrently(IntFunction<ModelRegistry> registryOfThread) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<List<String>>> results = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                ModelRegistry registry = registryOfThread.apply(t);
                float score = t + 1;
                results.add(pool.submit(() -> {
                    start.await();
                    List<String> published = new ArrayList<>();
                    for (int i = 0; i < PUBLISHES; i++) {
                        published.add(registry.publish("popular", popularity("popular", score), true)
                                .version());
                    }
                    return published;
                }));
            }
            start.countDown();
            List<String> all = new ArrayList<>();
            for (Future<List<String>> r : results) {
                all.addAll(r.get());
            }
            List<String> expected = IntStream.rangeClosed(1, THREADS * PUBLISHES)
                    .mapToObj(Versions::of)
                    .toList();
            assertThat(all).containsExactlyInAnyOrderElementsOf(expected);
        } finally {
            pool.shutdownNow();
        }

        ModelRegistry registry = new ModelRegistry(dir.resolve("models"));
        assertThat(registry.versions("popular"))
                .extracting(ModelVersion::version)
                .containsExactly(IntStream.rangeClosed(1, THREADS * PUBLISHES)
                        .mapToObj(Versions::of)
                        .toArray(String[]::new));
        for (ModelVersion v : registry.versions("popular")) {
            assertThat(registry.open("popular", v.version()).manifest().name()).isEqualTo("popular");
        }
        String current = registry.current("popular").orElseThrow().version();
        assertThat(registry.openCurrent("popular").dir()).isEqualTo(dir.resolve("models/popular/" + current));
        assertThat(registry.history("popular")).hasSize(THREADS * PUBLISHES);
        assertThat(dir.resolve("models/.staging")).isEmptyDirectory();
        assertThat(dir.resolve("models/popular")).isDirectoryNotContaining("glob:**.tmp");
    }
}
