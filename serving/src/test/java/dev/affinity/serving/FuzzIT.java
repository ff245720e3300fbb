package dev.affinity.serving;

import static org.assertj.core.api.Assertions.assertThat;

import dev.affinity.models.registry.ModelRegistry;
import dev.affinity.serving.testing.Fixture;
import dev.affinity.serving.testing.HttpCalls;
import dev.affinity.serving.testing.TestServers;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Random paths, parameters and bodies (fixed seed): never a 5xx, never a stack trace. */
class FuzzIT {
    @TempDir
    Path dir;

    static final List<String> PATHS = List.of(
            "/v1/users/%s/personalization",
            "/v1/users/%s/recommendations",
            "/v1/users/%s/churn",
            "/v1/users/%s/segments",
            "/v1/users/%s/blocks/%s",
            "/v1/users/u1/blocks/%s",
            "/v1/users/%s/blocks/recommended",
            "/v1/render",
            "/v1/items/%s/similar",
            "/v1/personalization/batch",
            "/admin/models",
            "/admin/models/reload",
            "/v1/users/%s",
            "/%s",
            "/v1/%s/%s",
            "/healthz",
            "/readyz",
            "/openapi.json");
    static final List<String> PARAMS = List.of(
            "k",
            "exclude",
            "category",
            "min_price",
            "max_price",
            "in_stock",
            "exclude_purchased",
            "zzz",
            "format",
            "utm_campaign");
    static final List<String> METHODS = List.of("GET", "POST", "PUT", "DELETE", "PATCH");

    @Test
    void randomRequestsNeverFailTheServer() throws Exception {
        Fixture.warehouse(dir.resolve("warehouse"));
        ModelRegistry registry = new ModelRegistry(dir.resolve("registry"));
        Fixture.publish(registry, "recommender-als", Fixture.factorModel(1f));
        Fixture.publishChurn(registry);
        Random random = new Random(20240601);
        try (ServingServer server =
                TestServers.start(TestServers.config(dir.resolve("registry"), dir.resolve("warehouse"), 0, true))) {
            HttpCalls http = new HttpCalls(server.port(), TestServers.ADMIN_KEY);
            for (int i = 0; i < 600; i++) {
                String template = PATHS.get(random.nextInt(PATHS.size()));
                String path = template.replaceFirst("%s", word(random)).replaceFirst("%s", word(random));
                StringBuilder query = new StringBuilder();
                int params = random.nextInt(4);
                for (int j = 0; j < params; j++) {
                    query.append(j == 0 ? "?" : "&")
                            .append(PARAMS.get(random.nextInt(PARAMS.size())))
                            .append('=')
                            .append(URLEncoder.encode(value(random), StandardCharsets.UTF_8));
                }
                String method = METHODS.get(random.nextInt(METHODS.size()));
                String body = random.nextBoolean() ? body(random) : null;
                HttpCalls.Answer a = http.send(method, path + query, body);
                String what = method + " " + path + query + " body=" + body + " -> " + a.status() + " " + a.body();
                assertThat(a.status()).as(what).isLessThan(500);
                assertThat(a.body())
                        .as(what)
                        .doesNotContain("Exception")
                        .doesNotContain("\tat ")
                        .doesNotContain("java.");
                if (a.status() >= 400) {
                    assertThat(a.json().get("error").get("code").asText())
                            .as(what)
                            .isNotBlank();
                }
            }
        }
    }

    static String word(Random r) {
        String[] words = {
            "u1", "u2", "p1", "stranger", "", " ", "%", "..", "null", "🙂", "a\"b", "<script>", "x".repeat(300)
        };
        String w = words[r.nextInt(words.length)];
        return URLEncoder.encode(w, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String value(Random r) {
        String[] values = {
            "0",
            "-1",
            "3",
            "100",
            "101",
            "1e309",
            "NaN",
            "abc",
            "",
            "true",
            "maybe",
            "p1,p2",
            ",,,",
            "9".repeat(30),
            "json",
            "html",
            "spring sale"
        };
        return values[r.nextInt(values.length)];
    }

    static String body(Random r) {
        String[] bodies = {
            "{}",
            "[]",
            "null",
            "{\"ids\": 5}",
            "{\"ids\": [1, 2]}",
            "{\"ids\": [\"u1\"], \"k\": 101}",
            "{\"ids\": [\"u1\"], \"k\": {\"a\": 1}}",
            "{\"ids\": [\"u1\"], \"min_price\": 5, \"max_price\": 1}",
            "{\"ids\": [\"u1\"",
            "\u0000\u0001",
            "{\"ids\": [\"u1\", \"u2\"], \"exclude\": \"p1\"}",
            "{\"ids\": [\"u1\"], \"in_stock\": \"perhaps\"}",
            "{\"ids\": [\"" + "y".repeat(500) + "\"]}",
            "{\"user_id\": \"u1\", \"template\": \"Hi {{first_name}}\"}",
            "{\"user_id\": \"u1\", \"template\": \"Hi {{first_name\"}",
            "{\"user_id\": \"u1\", \"template\": \"{{ nope }} {{#x}}\"}",
            "{\"user_id\": 7, \"template\": 7}",
            "{\"user_id\": \"stranger\", \"template\": \"<b>{{city}}</b>\"}"
        };
        return bodies[r.nextInt(bodies.length)];
    }
}
