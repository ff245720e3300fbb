package dev.affinity.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.affinity.models.registry.ModelRegistry;
import dev.affinity.serving.testing.Fixture;
import dev.affinity.serving.testing.HttpCalls;
import dev.affinity.serving.testing.HttpCalls.Answer;
import dev.affinity.serving.testing.TestServers;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every endpoint of a real server on an ephemeral port, over HTTP, against the hand-made {@link Fixture}. */
class ServingApiIT {
    @TempDir
    static Path dir;

    static ServingServer server;
    static HttpCalls http;
    static HttpCalls admin;
    static HttpCalls anonymous;

    @BeforeAll
    static void start() throws Exception {
        Fixture.warehouse(dir.resolve("warehouse"));
        ModelRegistry registry = new ModelRegistry(dir.resolve("registry"));
        Fixture.publish(registry, "recommender-als", Fixture.factorModel(1f));
        Fixture.publishChurn(registry);
        server = TestServers.start(TestServers.config(dir.resolve("registry"), dir.resolve("warehouse"), 0, true));
        http = new HttpCalls(server.port(), TestServers.READ_KEY);
        admin = new HttpCalls(server.port(), TestServers.ADMIN_KEY);
        anonymous = new HttpCalls(server.port(), null);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static List<String> ids(JsonNode recommendations) {
        return StreamSupport.stream(recommendations.get("items").spliterator(), false)
                .map(i -> i.get("id").asText())
                .toList();
    }

    @Test
    void personalizationOfAKnownUserCarriesEverythingOneEmailNeeds() {
        Answer a = http.get("/v1/users/u1/personalization?k=3");
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.headers().firstValue("Cache-Control")).contains("private, max-age=300");
        JsonNode p = a.json();
        assertThat(p.get("user_id").asText()).isEqualTo("u1");
        assertThat(p.get("known").asBoolean()).isTrue();
        assertThat(p.get("tokens").get("first_name").asText()).isEqualTo("Ada");
        assertThat(p.get("tokens").get("city").asText()).isEqualTo("London");
        assertThat(p.get("tokens").get("country").asText()).isEqualTo("UK");
        assertThat(p.get("tokens").get("favourite_category").asText()).isEqualTo("Kitchen");
        assertThat(p.get("tokens").toString())
                .isEqualTo("{\"first_name\":\"Ada\",\"last_name\":\"X\",\"city\":\"London\",\"country\":\"UK\","
                        + "\"last_purchased_item\":\"Mug\",\"last_purchase_category\":\"Kitchen\","
                        + "\"favourite_category\":\"Kitchen\",\"loyalty_tier\":\"Silver\",\"days_since_last_order\":\"10\","
                        + "\"orders_count\":\"5\"}");
        assertThat(p.get("tokens_fallback")).isEmpty();
        assertThat(p.get("segments").toString())
                .isEqualTo("[\"Loyal Customers\",\"Recent High-Spenders\",\"Champions\"]");
        JsonNode churn = p.get("churn");
        assertThat(churn.get("probability").asDouble()).isCloseTo(1 / (1 + Math.exp(2.3)), within(1e-9));
        assertThat(churn.get("score").asInt()).isEqualTo(9);
        assertThat(churn.get("tier").asText()).isEqualTo("LOW");
        assertThat(churn.get("top_reasons").get(0).get("feature").asText()).isEqualTo("recency_days");
        assertThat(churn.get("top_reasons").get(0).get("effect").asDouble()).isCloseTo(-1.8, within(1e-9));
        assertThat(churn.get("top_reasons").get(0).get("direction").asText()).isEqualTo("lowers");
        assertThat(churn.get("top_reasons").get(1).get("feature").asText()).isEqualTo("frequency");
        JsonNode recs = p.get("recommendations");
        assertThat(recs.get("source").asText()).isEqualTo("personalized");
        assertThat(recs.get("fallback").asBoolean()).isFalse();
        assertThat(ids(recs)).containsExactly("p4", "p3", "p5");
        JsonNode first = recs.get("items").get(0);
        assertThat(first.get("title").asText()).isEqualTo("Spade");
        assertThat(first.get("price").asDouble()).isEqualTo(40.0);
        assertThat(first.get("url").asText()).isEqualTo("https://shop.example/p/p4");
        assertThat(first.get("image_url").asText()).isEqualTo("https://img.example/p4.jpg");
        assertThat(first.get("in_stock").asBoolean()).isFalse();
        assertThat(first.get("score").asDouble()).isEqualTo(2.0);
        assertThat(first.get("reason").get("code").asText()).isEqualTo("because_you_bought");
        assertThat(first.get("reason").get("item_id").asText()).isEqualTo("p1");
        assertThat(first.get("reason").get("item_title").asText()).isEqualTo("Mug");
        assertThat(recs.get("items").get(1).get("score").asDouble()).isEqualTo(1.5);
        assertThat(recs.get("items").get(1).get("reason").get("item_id").asText())
                .isEqualTo("p1");
        assertThat(recs.get("items").get(2).get("reason").get("item_id").asText())
                .isEqualTo("p2");
        assertThat(p.get("model_versions").get("recommender").asText()).isEqualTo("recommender-als@v000001");
        assertThat(p.get("model_versions").get("churn").asText()).isEqualTo("churn@v000001");
        assertThat(p.get("fallback").asBoolean()).isFalse();
        assertThat(p.get("fallback_reasons")).isEmpty();
    }

    @Test
    void recommendationsHonourEveryFilter() {
        assertThat(ids(http.get("/v1/users/u1/recommendations").json().get("recommendations")))
                .containsExactly("p4", "p3", "p5");
        assertThat(ids(http.get("/v1/users/u1/recommendations?in_stock=true")
                        .json()
                        .get("recommendations")))
                .containsExactly("p3", "p5");
        assertThat(ids(http.get("/v1/users/u1/recommendations?category=Garden")
                        .json()
                        .get("recommendations")))
                .containsExactly("p4", "p3");
        assertThat(ids(http.get("/v1/users/u1/recommendations?min_price=35&max_price=45")
                        .json()
                        .get("recommendations")))
                .containsExactly("p4");
        assertThat(ids(http.get("/v1/users/u1/recommendations?exclude=p4,p5")
                        .json()
                        .get("recommendations")))
                .containsExactly("p3");
        // p1 and p5 tie at 1.0: the model's order breaks the tie.
        assertThat(ids(http.get("/v1/users/u1/recommendations?exclude_purchased=false&k=5")
                        .json()
                        .get("recommendations")))
                .containsExactly("p4", "p3", "p1", "p5", "p2");
        assertThat(ids(http.get("/v1/users/u2/recommendations?k=3").json().get("recommendations")))
                .containsExactly("p2", "p3", "p1");
    }

    @Test
    void churnOfAKnownUser() {
        JsonNode c = http.get("/v1/users/u2/churn").json();
        assertThat(c.get("churn").get("score").asInt()).isEqualTo(92);
        assertThat(c.get("churn").get("tier").asText()).isEqualTo("HIGH");
        assertThat(c.get("churn").get("probability").asDouble()).isCloseTo(1 / (1 + Math.exp(-2.5)), within(1e-9));
        assertThat(c.get("churn").get("top_reasons").get(0).get("direction").asText())
                .isEqualTo("raises");
        assertThat(c.get("fallback").asBoolean()).isFalse();
        assertThat(c.get("model_version").asText()).isEqualTo("churn@v000001");
    }

    @Test
    void similarItemsByCosineAndPopularForAnUnknownItem() {
        JsonNode s = http.get("/v1/items/p1/similar?k=2").json();
        assertThat(s.get("known").asBoolean()).isTrue();
        assertThat(ids(s.get("recommendations"))).containsExactly("p4", "p3");
        assertThat(s.get("recommendations").get("items").get(0).get("score").asDouble())
                .isCloseTo(1.0, within(1e-6));
        assertThat(s.get("recommendations")
                        .get("items")
                        .get(0)
                        .get("reason")
                        .get("code")
                        .asText())
                .isEqualTo("similar_item");
        JsonNode unknown = http.get("/v1/items/nope/similar?k=2").json();
        assertThat(unknown.get("recommendations").get("fallback_reason").asText())
                .isEqualTo("unknown_item");
        assertThat(ids(unknown.get("recommendations"))).containsExactly("p1", "p2");
    }

    @Test
    void anUnknownUserGetsPopularItemsDefaultTokensAndReasons() {
        JsonNode p = http.get("/v1/users/stranger/personalization").json();
        assertThat(p.get("known").asBoolean()).isFalse();
        assertThat(p.get("fallback").asBoolean()).isTrue();
        assertThat(p.get("tokens").get("first_name").asText()).isEqualTo("Valued Customer");
        assertThat(p.get("tokens_fallback").toString()).contains("first_name");
        assertThat(p.get("recommendations").get("source").asText()).isEqualTo("popular_fallback");
        assertThat(ids(p.get("recommendations"))).containsExactly("p1", "p2", "p3", "p4", "p5");
        assertThat(p.get("recommendations")
                        .get("items")
                        .get(0)
                        .get("reason")
                        .get("code")
                        .asText())
                .isEqualTo("popular");
        assertThat(p.get("churn").isNull()).isTrue();
        assertThat(p.get("fallback_reasons").get("recommendations").asText()).isEqualTo("unknown_user");
        assertThat(p.get("fallback_reasons").get("churn").asText()).isEqualTo("unknown_user");
        assertThat(p.get("fallback_reasons").get("tokens").asText()).isEqualTo("unknown_user");
        // Popular items still honour the filters.
        assertThat(ids(http.get("/v1/users/stranger/recommendations?category=Garden&in_stock=true")
                        .json()
                        .get("recommendations")))
                .containsExactly("p3");
    }

    @Test
    void aBrandNewUserKnownOnlyToTheWarehouse() {
        JsonNode p = http.get("/v1/users/u4/personalization").json();
        assertThat(p.get("known").asBoolean()).isTrue();
        assertThat(p.get("tokens").get("first_name").asText()).isEqualTo("Dan");
        assertThat(p.get("fallback_reasons").get("recommendations").asText()).isEqualTo("new_user");
        assertThat(p.get("fallback_reasons").get("churn").asText()).isEqualTo("no_profile");
        assertThat(ids(p.get("recommendations"))).containsExactly("p1", "p2", "p3", "p4", "p5");
    }

    @Test
    void aUserWithTooLittleHistoryGetsPopularItemsWithoutTheirOwn() {
        JsonNode p = http.get("/v1/users/u3/personalization").json();
        assertThat(p.get("fallback_reasons").get("recommendations").asText()).isEqualTo("too_little_history");
        assertThat(ids(p.get("recommendations"))).containsExactly("p2", "p3", "p4", "p5");
        assertThat(p.get("fallback_reasons").get("churn").asText()).isEqualTo("new_user");
    }

    @Test
    void aDoNotPersonalizeUserGetsNothingPersonal() {
        JsonNode p = http.get("/v1/users/u5/personalization").json();
        assertThat(p.get("fallback").asBoolean()).isTrue();
        assertThat(p.get("tokens").get("first_name").asText()).isEqualTo("Valued Customer");
        assertThat(p.get("churn").isNull()).isTrue();
        assertThat(p.get("fallback_reasons").get("recommendations").asText()).isEqualTo("do_not_personalize");
        assertThat(p.get("fallback_reasons").get("churn").asText()).isEqualTo("do_not_personalize");
        assertThat(p.get("fallback_reasons").get("tokens").asText()).isEqualTo("do_not_personalize");
        assertThat(ids(p.get("recommendations"))).containsExactly("p3", "p4", "p5");
    }

    @Test
    void batchAnswersInOrderFromOneModelSet() {
        Answer a =
                http.send("POST", "/v1/personalization/batch", "{\"ids\": [\"u1\", \"stranger\", \"u2\"], \"k\": 2}");
        assertThat(a.status()).isEqualTo(200);
        JsonNode results = a.json().get("results");
        assertThat(results).hasSize(3);
        assertThat(ids(results.get(0).get("recommendations"))).containsExactly("p4", "p3");
        assertThat(results.get(1).get("fallback").asBoolean()).isTrue();
        assertThat(ids(results.get(2).get("recommendations"))).containsExactly("p2", "p3");
    }

    @Test
    void aFullBatchStaysUnderOneMegabyte() {
        // With the bundled ten tokens (each listed again in tokens_fallback for an unknown user) an
        // answer is about 1.3 KB a user at k = 2: 700 ids fit in 1 MB, 1,000 do not and are refused
        // naming ids rather than sent over the limit.
        Answer a = http.send("POST", "/v1/personalization/batch", "{\"ids\": [" + ids(700) + "]}");
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        assertThat(a.json().get("results")).hasSize(700);
        assertThat(a.body().length()).isLessThan(1 << 20);
        Answer tooLarge = http.send("POST", "/v1/personalization/batch", "{\"ids\": [" + ids(1000) + "]}");
        assertError(tooLarge, 400, "ids");
        assertThat(tooLarge.json().get("error").get("code").asText()).isEqualTo("response_too_large");
    }

    private static String ids(int n) {
        return String.join(
                ",", IntStream.range(0, n).mapToObj(i -> "\"user-" + i + "\"").toList());
    }

    @Test
    void badInputIsA400NamingTheField() {
        assertError(http.get("/v1/users/u1/recommendations?k=abc"), 400, "k");
        assertError(http.get("/v1/users/u1/recommendations?k=0"), 400, "k");
        assertError(http.get("/v1/users/u1/recommendations?k=10000"), 400, "k");
        assertError(http.get("/v1/users/u1/personalization?min_price=50&max_price=10"), 400, "max_price");
        assertError(http.get("/v1/users/u1/personalization?min_price=cheap"), 400, "min_price");
        assertError(http.get("/v1/users/u1/personalization?in_stock=maybe"), 400, "in_stock");
        assertError(http.get("/v1/items/p1/similar?k=-1"), 400, "k");
        String tooMany = String.join(
                ",", IntStream.range(0, 1001).mapToObj(i -> "\"u" + i + "\"").toList());
        assertError(http.send("POST", "/v1/personalization/batch", "{\"ids\": [" + tooMany + "]}"), 400, "ids");
        assertError(http.send("POST", "/v1/personalization/batch", "{\"ids\": [\"u1\""), 400, "body");
        assertError(http.send("POST", "/v1/personalization/batch", "[1, 2]"), 400, "body");
        assertError(http.send("POST", "/v1/personalization/batch", "{\"ids\": []}"), 400, "ids");
        assertError(http.send("POST", "/v1/personalization/batch", "{\"ids\": [\"u1\"], \"k\": \"x\"}"), 400, "k");
        assertError(
                http.send("POST", "/v1/personalization/batch", "{\"ids\": [\"u1\"], \"colour\": 1}"), 400, "colour");
    }

    @Test
    void unknownRoutesAre404AndWrongMethods405AsJson() {
        Answer notFound = http.get("/v1/nothing/here");
        assertThat(notFound.status()).isEqualTo(404);
        assertThat(notFound.json().get("error").get("code").asText()).isEqualTo("not_found");
        Answer wrongMethod = http.send("DELETE", "/v1/users/u1/personalization", null);
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.json().get("error").get("code").asText()).isEqualTo("method_not_allowed");
        // A trailing slash is served, not redirected.
        assertThat(http.get("/v1/users/u1/churn/").status()).isEqualTo(200);
    }

    @Test
    void apiKeysWithScopes() {
        Answer none = anonymous.get("/v1/users/u1/personalization");
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.json().get("error").get("field").asText()).isEqualTo("Authorization");
        assertThat(new HttpCalls(server.port(), "wrong")
                        .get("/v1/users/u1/churn")
                        .status())
                .isEqualTo(401);
        Answer forbidden = http.get("/admin/models");
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.json().get("error").get("code").asText()).isEqualTo("forbidden");
        assertThat(admin.get("/v1/users/u1/churn").status()).isEqualTo(200);
        assertThat(anonymous.get("/healthz").status()).isEqualTo(200);
        assertThat(anonymous.get("/readyz").status()).isEqualTo(200);
        assertThat(anonymous.get("/metrics").status()).isEqualTo(200);
        assertThat(anonymous.get("/openapi.json").status()).isEqualTo(200);
    }

    @Test
    void adminShowsTheModelsWithProvenanceAndReloadsOnRequest() {
        JsonNode models = admin.get("/admin/models").json();
        assertThat(models.get("ready").asBoolean()).isTrue();
        assertThat(models.get("recommender").get("version").asText()).isEqualTo("v000001");
        assertThat(models.get("recommender").get("type").asText()).isEqualTo("FACTORS");
        assertThat(models.get("recommender").get("provenance").get("trainer").asText())
                .isEqualTo("hand-made");
        assertThat(models.get("churn").get("name").asText()).isEqualTo("churn");
        assertThat(models.get("products").asInt()).isEqualTo(6);
        assertThat(models.get("customers").asInt()).isEqualTo(4);
        assertThat(models.get("profiles_as_of").asText()).isEqualTo("2024-06-01");
        JsonNode lists = models.get("user_lists");
        assertThat(lists.get("items_per_user").asInt()).isEqualTo(50);
        assertThat(lists.get("users").asInt()).isEqualTo(4);
        assertThat(lists.get("filled").asInt()).isBetween(0, 4);
        Answer reload = admin.send("POST", "/admin/models/reload", null);
        assertThat(reload.status()).isEqualTo(200);
        assertThat(reload.json().get("swapped").asBoolean()).isFalse();
    }

    @Test
    void gzipWhenAsked() {
        Answer plain = http.get("/openapi.json");
        assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
        Answer gzip = http.send(http.builder("/openapi.json")
                .header("Accept-Encoding", "gzip")
                .GET()
                .build());
        assertThat(gzip.headers().firstValue("Content-Encoding")).contains("gzip");
    }

    @Test
    void metricsCountRoutesFallbacksAndVersions() {
        http.get("/v1/users/stranger/personalization");
        http.get("/v1/users/u1/personalization");
        String metrics = anonymous.get("/metrics").body();
        assertThat(metrics).contains("http_server_requests_seconds_bucket{");
        assertThat(metrics)
                .containsPattern(
                        "http_server_requests_seconds_count\\{[^}]*route=\"/v1/users/\\{id}/personalization\"[^}]*status=\"200\"");
        assertThat(metrics)
                .containsPattern("affinity_fallbacks_total\\{part=\"recommendations\",reason=\"unknown_user\"} [1-9]");
        assertThat(metrics)
                .containsPattern(
                        "affinity_model_loaded\\{model=\"recommender-als\",role=\"recommender\",version=\"v000001\"} 1");
        assertThat(metrics)
                .containsPattern("affinity_model_loaded\\{model=\"churn\",role=\"churn\",version=\"v000001\"} 1");
    }

    @Test
    void theOpenApiDocumentDescribesExactlyTheRealRoutes() {
        JsonNode doc = anonymous.get("/openapi.json").json();
        assertThat(doc.get("openapi").asText()).startsWith("3.");
        List<String> documented = new ArrayList<>();
        List<String> methods = List.of("get", "post", "put", "delete", "patch");
        doc.get("paths").fields().forEachRemaining(e -> {
            String path = e.getKey().replace("{id}", "u1").replace("{block}", "recommended");
            for (String method : methods) {
                boolean isDocumented = e.getValue().has(method);
                String body = method.equals("post") ? "{\"ids\": [\"u1\"]}" : null;
                int status = admin.send(method.toUpperCase(java.util.Locale.ROOT), path, body)
                        .status();
                if (isDocumented) {
                    documented.add(method + " " + e.getKey());
                    assertThat(status).as(method + " " + path).isNotIn(404, 405).isLessThan(500);
                    JsonNode op = e.getValue().get(method);
                    assertThat(op.get("operationId").asText()).isNotBlank();
                    assertThat(op.get("responses").has("200")).isTrue();
                } else {
                    assertThat(status)
                            .as(method + " " + path + " is not documented")
                            .isEqualTo(405);
                }
            }
        });
        assertThat(documented)
                .containsExactlyInAnyOrder(
                        "get /v1/users/{id}/personalization",
                        "get /v1/users/{id}/recommendations",
                        "get /v1/users/{id}/churn",
                        "get /v1/users/{id}/segments",
                        "get /v1/users/{id}/blocks/{block}",
                        "post /v1/render",
                        "get /v1/items/{id}/similar",
                        "post /v1/personalization/batch",
                        "get /admin/models",
                        "post /admin/models/reload",
                        "get /healthz",
                        "get /readyz",
                        "get /metrics",
                        "get /openapi.json");
    }

    static void assertError(Answer a, int status, String field) {
        assertThat(a.status()).as(a.body()).isEqualTo(status);
        JsonNode error = a.json().get("error");
        assertThat(error.get("code").asText()).isNotBlank();
        assertThat(error.get("message").asText()).isNotBlank();
        assertThat(error.get("field").asText()).isEqualTo(field);
    }
}
