package dev.affinity.training.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.affinity.models.artifact.ArtifactWriter;
import dev.affinity.models.artifact.FloatMatrix;
import dev.affinity.models.artifact.IdIndex;
import dev.affinity.models.artifact.ModelType;
import dev.affinity.models.artifact.Provenance;
import dev.affinity.models.registry.ModelRegistry;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code affinity models ...} in-process on a registry holding popular v000001..v000003 (v000003 current). */
class ModelsCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private String registry;

    record Outcome(int code, String out, String err) {
        JsonNode json() throws Exception {
            return JSON.readTree(out);
        }
    }

    private Outcome run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--registry";
        all[args.length + 1] = registry;
        int code = AffinityCli.execute(all, new PrintWriter(out), new PrintWriter(err));
        return new Outcome(code, out.toString(), err.toString());
    }

    @BeforeEach
    void publishThreeVersions() {
        Path root = dir.resolve("models");
        registry = root.toString();
        ModelRegistry models = new ModelRegistry(root);
        for (int i = 1; i <= 3; i++) {
            float score = i;
            models.publish(
                    "popular",
                    tmp -> ArtifactWriter.create(tmp)
                            .ids("items.ids", new IdIndex(List.of("A", "B")))
                            .matrix("popularity.f32", FloatMatrix.column(new float[] {score, score / 2}))
                            .finish(
                                    "popular",
                                    ModelType.POPULARITY,
                                    null,
                                    null,
                                    Map.of("validation", Map.of("recall_at_10", score / 10.0)),
                                    new Provenance("test", "fp", LocalDate.of(2011, 9, 1), 7L, "jvm", "os", "host")),
                    true);
        }
    }

    @Test
    void listsModelsAndVersions() throws Exception {
        Outcome all = run("models", "list");
        assertThat(all.code()).isZero();
        assertThat(all.out()).contains("1 model\n", "  popular: 3 versions, current v000003");

        Outcome one = run("models", "list", "popular", "--json");
        assertThat(one.code()).isZero();
        JsonNode versions = one.json().at("/models/0/versions");
        assertThat(versions.size()).isEqualTo(3);
        assertThat(versions.get(0).get("version").asText()).isEqualTo("v000001");
        assertThat(versions.get(0).get("type").asText()).isEqualTo("POPULARITY");
        assertThat(versions.get(2).get("current").asBoolean()).isTrue();
        assertThat(versions.get(1).at("/metrics/validation/recall_at_10").asDouble())
                .isEqualTo(0.2);
        assertThat(one.json().at("/models/0/current").asText()).isEqualTo("v000003");
    }

    @Test
    void showsTheCurrentOrANamedVersion() throws Exception {
        Outcome current = run("models", "show", "popular", "--json");
        assertThat(current.code()).isZero();
        assertThat(current.json().get("version").asText()).isEqualTo("v000003");
        assertThat(current.json().at("/manifest/provenance/seed").asLong()).isEqualTo(7);
        assertThat(current.json().at("/manifest/payloads").has("popularity.f32"))
                .isTrue();

        Outcome first = run("models", "show", "popular", "v000001");
        assertThat(first.code()).isZero();
        assertThat(first.out()).startsWith("popular v000001 POPULARITY").contains("items.ids");
    }

    @Test
    void promotesRollsBackAndCollects() throws Exception {
        Outcome promoted = run("models", "promote", "popular", "v000001", "--json");
        assertThat(promoted.code()).isZero();
        assertThat(promoted.json().get("from").asText()).isEqualTo("v000003");
        assertThat(promoted.json().get("to").asText()).isEqualTo("v000001");
        assertThat(dir.resolve("models/popular/current")).hasContent("v000001");

        Outcome rolledBack = run("models", "rollback", "popular");
        assertThat(rolledBack.code()).isZero();
        assertThat(rolledBack.out()).contains("popular: rolled back from v000001 to v000003");

        Outcome gc = run("models", "gc", "popular", "--keep", "1", "--json");
        assertThat(gc.code()).isZero();
        assertThat(gc.json().get("deleted").toString()).isEqualTo("[\"v000001\",\"v000002\"]");
        assertThat(gc.json().get("kept").toString()).isEqualTo("[\"v000003\"]");
        assertThat(dir.resolve("models/popular/v000001")).doesNotExist();

        Outcome nothingLeft = run("models", "rollback", "popular");
        assertThat(nothingLeft.code()).isEqualTo(1);
        assertThat(nothingLeft.err()).contains("no previous version to roll back to from v000003");
    }

    @Test
    void unknownModelsAndVersionsExitTwoNamingThem() {
        Outcome version = run("models", "promote", "popular", "v000009");
        assertThat(version.code()).isEqualTo(2);
        assertThat(version.err()).contains("no version 'v000009'", "[v000001, v000002, v000003]");
        assertThat(dir.resolve("models/popular/current")).hasContent("v000003");

        Outcome show = run("models", "show", "popular", "v000042");
        assertThat(show.code()).isEqualTo(2);
        assertThat(show.err()).contains("v000042");

        Outcome model = run("models", "list", "populr");
        assertThat(model.code()).isEqualTo(2);
        assertThat(model.err()).contains("no model 'populr'", "[popular]");
    }

    @Test
    void badKeepAndMissingRegistryExitTwo() {
        Outcome keep = run("models", "gc", "popular", "--keep", "0");
        assertThat(keep.code()).isEqualTo(2);
        assertThat(keep.err()).contains("--keep must be at least 1, got 0");

        registry = dir.resolve("typo").toString();
        Outcome missing = run("models", "list");
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("no model registry at", "typo");
        assertThat(dir.resolve("typo")).doesNotExist();
    }

    @Test
    void aDamagedVersionIsRefusedAtPromotionNamingTheFile() throws Exception {
        Path payload = dir.resolve("models/popular/v000002/popularity.f32");
        Files.write(payload, new byte[] {0});
        Outcome promote = run("models", "promote", "popular", "v000002");
        assertThat(promote.code()).isEqualTo(1);
        assertThat(promote.err()).contains(payload.toString(), "checksum mismatch");
        assertThat(dir.resolve("models/popular/current")).hasContent("v000003");
    }
}
