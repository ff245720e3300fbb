package dev.affinity.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.affinity.features.generate.GeneratorConfig;
import dev.affinity.features.generate.SyntheticWarehouse;
import dev.affinity.features.progress.Progress;
import dev.affinity.features.warehouse.Warehouse;
import dev.affinity.models.registry.ModelRegistry;
import dev.affinity.serving.ServingApp;
import dev.affinity.serving.ServingServer;
import dev.affinity.serving.config.ConfigLoader;
import dev.affinity.serving.config.ServingConfig;
import dev.affinity.serving.metrics.ServingMetrics;
import dev.affinity.serving.models.ModelManager;
import dev.affinity.training.pipeline.Pipeline;
import dev.affinity.training.pipeline.PipelineConfig;
import dev.affinity.training.pipeline.PipelineResult;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The product end to end: a small synthetic warehouse, the nightly pipeline, the server started on
 * the same directories, and a personalization request answered from the freshly promoted model.
 */
class PipelineToServerIT {
    @TempDir
    Path dir;

    @Test
    void theServerAnswersFromTheModelThePipelineJustPromoted() throws Exception {
        Path warehouseDir = dir.resolve("warehouse");
        Path registryDir = dir.resolve("models");
        SyntheticWarehouse.generate(
                Warehouse.open(warehouseDir),
                new GeneratorConfig(1_500, 200, 400, 7, 30, LocalDate.of(2026, 11, 30)),
                Progress.NONE);
        PipelineConfig config = new PipelineConfig(
                null,
                null,
                new PipelineConfig.Recommenders(List.of("popularity", "item-knn"), 10, 0.2, 0.0),
                new PipelineConfig.Churn(true, 90, List.of("logistic", "xgboost"), 0.0),
                null,
                42L);
        PipelineResult run = new Pipeline(
                        warehouseDir, registryDir, dir.resolve("pipeline"), config, Progress.NONE, l -> {})
                .run(null);
        assertThat(run.outcome()).isEqualTo("promoted");
        String promoted = run.gates().get(0).version();
        assertThat(promoted).isNotNull();
        assertThat(run.gates().get(1).promoted())
                .as(run.gates().get(1).reason())
                .isTrue();

        Map<String, Object> flags = new LinkedHashMap<>();
        flags.put("registry", registryDir);
        flags.put("warehouse", warehouseDir);
        flags.put("host", "127.0.0.1");
        flags.put("port", 0);
        ServingConfig serving = ConfigLoader.load(null, flags);
        ServingMetrics metrics = new ServingMetrics();
        ModelRegistry registry = new ModelRegistry(registryDir);
        ModelManager manager = new ModelManager(serving, registry, Warehouse.openExisting(warehouseDir), metrics);
        ServingServer server =
                ServingApp.create(serving, manager, registry, metrics).start();
        try {
            manager.reload();
            // A customer the promoted model was trained on.
            String user = registry.openCurrent(Pipeline.RECOMMENDER_SLOT)
                    .ids("users.ids")
                    .id(0);
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/v1/users/" + user
                                            + "/personalization"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode body = new ObjectMapper().readTree(response.body());
            assertThat(body.at("/model_versions/recommender").asText())
                    .isEqualTo(Pipeline.RECOMMENDER_SLOT + "@" + promoted);
            assertThat(body.at("/recommendations/source").asText()).isEqualTo("personalized");
            assertThat(body.at("/recommendations/items")).isNotEmpty();
            assertThat(body.at("/churn/tier").asText()).as(response.body()).isIn("LOW", "MEDIUM", "HIGH");
        } finally {
            server.close();
        }
    }
}
