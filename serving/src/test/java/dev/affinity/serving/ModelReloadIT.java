package dev.affinity.serving;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.affinity.models.registry.ModelRegistry;
import dev.affinity.models.registry.ModelVersion;
import dev.affinity.serving.testing.Fixture;
import dev.affinity.serving.testing.HttpCalls;
import dev.affinity.serving.testing.TestServers;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reloads while requests run, broken artifacts, and serving before any model exists. */
class ModelReloadIT {
    @TempDir
    Path dir;

    /**
     * Version 1 gives u1 (1, 0.5): first item p4. Version 2 gives u1 (0, 0.5): scores p5 1, p3 0.5,
     * p4 0, so the first item is p5. Every answer must be one or the other, never a mix.
     */
    @Test
    void theWatcherSwapsVersionsUnderLoadWithoutAFailedRequest() throws Exception {
        Fixture.warehouse(dir.resolve("warehouse"));
        ModelRegistry registry = new ModelRegistry(dir.resolve("registry"));
        Fixture.publish(registry, "recommender-als", Fixture.factorModel(1f));
        try (ServingServer server =
                TestServers.start(TestServers.config(dir.resolve("registry"), dir.resolve("warehouse"), 1, false))) {
            HttpCalls http = new HttpCalls(server.port(), null);
            AtomicBoolean stop = new AtomicBoolean();
            AtomicInteger failures = new AtomicInteger();
            Map<String, String> firstItemByVersion = new ConcurrentHashMap<>();
            AtomicInteger requests = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(6);
            List<Future<?>> clients = new ArrayList<>();
            for (int t = 0; t < 6; t++) {
                clients.add(pool.submit(() -> {
                    while (!stop.get()) {
                        HttpCalls.Answer a = http.get("/v1/users/u1/personalization?k=3");
                        requests.incrementAndGet();
                        if (a.status() != 200) {
                            failures.incrementAndGet();
                            continue;
                        }
                        JsonNode p = a.json();
                        String version =
                                p.get("model_versions").get("recommender").asText();
                        String first = p.get("recommendations")
                                .get("items")
                                .get(0)
                                .get("id")
                                .asText();
                        String earlier = firstItemByVersion.putIfAbsent(version, first);
                        if (earlier != null && !earlier.equals(first)) {
                            failures.incrementAndGet();
                        }
                    }
                }));
            }
            Thread.sleep(500);
            ModelVersion v2 = Fixture.publish(registry, "recommender-als", Fixture.factorModel(0f));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            while (!firstItemByVersion.containsKey("recommender-als@" + v2.version()) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            Thread.sleep(500);
            stop.set(true);
            for (Future<?> f : clients) {
                f.get(30, TimeUnit.SECONDS);
            }
            pool.shutdown();
            assertThat(failures.get())
                    .as("failed or mixed answers among " + requests.get())
                    .isZero();
            assertThat(requests.get()).isGreaterThan(100);
            assertThat(firstItemByVersion)
                    .containsEntry("recommender-als@v000001", "p4")
                    .containsEntry("recommender-als@v000002", "p5");
            assertThat(http.get("/v1/users/u1/recommendations?k=1")
                            .json()
                            .get("recommendations")
                            .get("model_version")
                            .asText())
                    .isEqualTo("recommender-als@v000002");
        }
    }

    @Test
    void aBrokenArtifactIsCountedAndSkippedWhileTheOldVersionServes() throws Exception {
        Fixture.warehouse(dir.resolve("warehouse"));
        ModelRegistry registry = new ModelRegistry(dir.resolve("registry"));
        Fixture.publish(registry, "recommender-als", Fixture.factorModel(1f));
        try (ServingServer server =
                TestServers.start(TestServers.config(dir.resolve("registry"), dir.resolve("warehouse"), 0, true))) {
            HttpCalls admin = new HttpCalls(server.port(), TestServers.ADMIN_KEY);
            ModelVersion v2 = Fixture.publish(registry, "recommender-als", Fixture.factorModel(0f));
            Path payload = v2.dir().resolve("user_factors.f32");
            try (var channel = Files.newByteChannel(payload, StandardOpenOption.WRITE)) {
                channel.position(Files.size(payload) - 4);
                channel.write(ByteBuffer.wrap(new byte[] {1, 2, 3, 4}));
            }
            JsonNode report = admin.send("POST", "/admin/models/reload", null).json();
            assertThat(report.get("swapped").asBoolean()).isFalse();
            assertThat(report.get("problems").get(0).asText()).contains("recommender-als@v000002");
            JsonNode p = admin.get("/v1/users/u1/personalization?k=1").json();
            assertThat(p.get("model_versions").get("recommender").asText()).isEqualTo("recommender-als@v000001");
            assertThat(p.get("recommendations").get("items").get(0).get("id").asText())
                    .isEqualTo("p4");
            assertThat(admin.get("/admin/models").json().get("problem").asText())
                    .contains("v000002");
            assertThat(admin.get("/metrics").body())
                    .containsPattern("affinity_model_load_failures_total\\{model=\"recommender-als\"} 1");
            assertThat(admin.get("/readyz").status()).isEqualTo(200);
            // A later good version is picked up; the broken one is not retried.
            Fixture.publish(registry, "recommender-als", Fixture.factorModel(0f));
            assertThat(admin.send("POST", "/admin/models/reload", null)
                            .json()
                            .get("swapped")
                            .asBoolean())
                    .isTrue();
            assertThat(admin.get("/v1/users/u1/personalization?k=1")
                            .json()
                            .get("model_versions")
                            .get("recommender")
                            .asText())
                    .isEqualTo("recommender-als@v000003");
        }
    }

    @Test
    void beforeAnyModelExistsAnswersArePopularFromTheWarehouseAndNotReady() throws Exception {
        Fixture.warehouse(dir.resolve("warehouse"));
        ModelRegistry registry = new ModelRegistry(dir.resolve("registry"));
        try (ServingServer server =
                TestServers.start(TestServers.config(dir.resolve("registry"), dir.resolve("warehouse"), 0, false))) {
            HttpCalls http = new HttpCalls(server.port(), null);
            HttpCalls.Answer ready = http.get("/readyz");
            assertThat(ready.status()).isEqualTo(503);
            assertThat(ready.json().get("reason").asText()).contains("no recommender");
            JsonNode p = http.get("/v1/users/u1/personalization").json();
            assertThat(p.get("fallback_reasons").get("recommendations").asText())
                    .isEqualTo("model_not_loaded");
            assertThat(p.get("fallback_reasons").get("churn").asText()).isEqualTo("model_not_loaded");
            assertThat(p.get("tokens").get("first_name").asText()).isEqualTo("Ada");
            // Distinct buyers in the orders: p5 3, p3 2, p1 1.
            assertThat(ServingApiIT.ids(p.get("recommendations"))).containsExactly("p5", "p3", "p1");
            assertThat(ServingApiIT.ids(http.get("/v1/users/u1/recommendations?category=Garden")
                            .json()
                            .get("recommendations")))
                    .containsExactly("p3");
            // A recommender without churn: recommendations personalize, churn says why it is missing.
            Fixture.publish(registry, "recommender-als", Fixture.factorModel(1f));
            http.send("POST", "/admin/models/reload", null);
            assertThat(http.get("/readyz").status()).isEqualTo(200);
            JsonNode q = http.get("/v1/users/u1/personalization?k=1").json();
            assertThat(q.get("recommendations").get("source").asText()).isEqualTo("personalized");
            assertThat(q.get("churn").isNull()).isTrue();
            assertThat(q.get("fallback_reasons").get("churn").asText()).isEqualTo("model_not_loaded");
            // The churn model arrives later and is picked up with the profile fields it needs.
            Fixture.publishChurn(registry);
            http.send("POST", "/admin/models/reload", null);
            assertThat(http.get("/v1/users/u1/churn")
                            .json()
                            .get("churn")
                            .get("score")
                            .asInt())
                    .isEqualTo(9);
        }
    }

    @Test
    void withoutAWarehouseItemsCarryTheirIdsAndTheNextConfiguredRecommenderIsUsed() throws Exception {
        ModelRegistry registry = new ModelRegistry(dir.resolve("registry"));
        Fixture.publish(registry, "recommender-item-knn", Fixture.factorModel(1f));
        try (ServingServer server = TestServers.start(TestServers.config(dir.resolve("registry"), null, 0, false))) {
            HttpCalls http = new HttpCalls(server.port(), null);
            JsonNode p = http.get("/v1/users/u1/personalization?k=2").json();
            assertThat(p.get("model_versions").get("recommender").asText()).isEqualTo("recommender-item-knn@v000001");
            assertThat(ServingApiIT.ids(p.get("recommendations"))).containsExactly("p4", "p3");
            assertThat(p.get("recommendations").get("items").get(0).get("title").asText())
                    .isEqualTo("p4");
            assertThat(p.get("known").asBoolean()).isTrue();
            assertThat(p.get("tokens").get("first_name").asText()).isEqualTo("Valued Customer");
        }
    }
}
