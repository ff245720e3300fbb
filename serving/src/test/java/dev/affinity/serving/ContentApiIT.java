package dev.affinity.serving;

import static dev.affinity.serving.ServingApiIT.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.affinity.models.registry.ModelRegistry;
import dev.affinity.serving.testing.Fixture;
import dev.affinity.serving.testing.Golden;
import dev.affinity.serving.testing.HttpCalls;
import dev.affinity.serving.testing.HttpCalls.Answer;
import dev.affinity.serving.testing.TestServers;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Segments, tokens, {@code /v1/render} and content blocks of a real server over HTTP, against the
 * hand-made {@link Fixture} (labels and items worked out in its comment) with the bundled segment,
 * token and block files, the clock at {@link Fixture#NOW}.
 */
class ContentApiIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    static ServingServer server;
    static HttpCalls http;

    @BeforeAll
    static void start() throws Exception {
        Fixture.warehouse(dir.resolve("warehouse"));
        ModelRegistry registry = new ModelRegistry(dir.resolve("registry"));
        Fixture.publish(registry, "recommender-als", Fixture.factorModel(1f));
        Fixture.publishChurn(registry);
        server = TestServers.start(TestServers.config(dir.resolve("registry"), dir.resolve("warehouse"), 0, true));
        http = new HttpCalls(server.port(), TestServers.READ_KEY);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static JsonNode personalization(String user) {
        return http.get("/v1/users/" + user + "/personalization").json();
    }

    @Test
    void personalizationCarriesSegmentLabelsByPriority() {
        assertThat(personalization("u1").get("segments").toString())
                .isEqualTo("[\"Loyal Customers\",\"Recent High-Spenders\",\"Champions\"]");
        assertThat(personalization("u2").get("segments").toString())
                .isEqualTo("[\"At Risk of Churn\",\"One-Time Buyers\",\"Lost\"]");
        assertThat(personalization("u4").get("segments").toString()).isEqualTo("[\"No Orders Yet\"]");
        // Unknown, model-only and do-not-personalize users: no segments.
        assertThat(personalization("stranger").get("segments")).isEmpty();
        assertThat(personalization("u3").get("segments")).isEmpty();
        assertThat(personalization("u5").get("segments")).isEmpty();
    }

    @Test
    void personalizationCarriesResolvedTokensAndTheirFallbacks() {
        JsonNode u2 = personalization("u2");
        assertThat(u2.get("tokens").get("last_name").asText()).isEqualTo("O'Brien <b>&");
        assertThat(u2.get("tokens").get("favourite_category").asText()).isEqualTo("our new arrivals");
        assertThat(u2.get("tokens").get("loyalty_tier").asText()).isEqualTo("Member");
        assertThat(u2.get("tokens").get("days_since_last_order").asText()).isEqualTo("200");
        assertThat(u2.get("tokens_fallback").toString()).isEqualTo("[\"favourite_category\"]");
        JsonNode u4 = personalization("u4");
        assertThat(u4.get("tokens").get("first_name").asText()).isEqualTo("Dan");
        assertThat(u4.get("tokens").get("city").asText()).isEqualTo("your city");
        assertThat(u4.get("tokens_fallback").toString())
                .isEqualTo("[\"city\",\"country\",\"last_purchased_item\",\"last_purchase_category\","
                        + "\"favourite_category\",\"loyalty_tier\",\"days_since_last_order\",\"orders_count\"]");
        assertThat(u4.get("tokens").get("orders_count").asText()).isEqualTo("0");
        assertThat(u4.get("tokens").get("loyalty_tier").asText()).isEqualTo("Member");
        JsonNode stranger = personalization("stranger");
        assertThat(stranger.get("tokens").get("first_name").asText()).isEqualTo("Valued Customer");
        assertThat(stranger.get("tokens").get("last_purchased_item").asText()).isEqualTo("our bestsellers");
        assertThat(stranger.get("tokens_fallback"))
                .hasSize(stranger.get("tokens").size());
        assertThat(stranger.get("fallback_reasons").get("tokens").asText()).isEqualTo("unknown_user");
    }

    @Test
    void segmentsEndpointListsMembershipOfEverySegment() {
        JsonNode u1 = http.get("/v1/users/u1/segments").json();
        assertThat(u1.get("segments").toString())
                .isEqualTo("[\"Loyal Customers\",\"Recent High-Spenders\",\"Champions\"]");
        assertThat(u1.get("rfm_segment").asText()).isEqualTo("Champions");
        assertThat(u1.get("fallback").asBoolean()).isFalse();
        StringBuilder members = new StringBuilder();
        for (JsonNode m : u1.get("membership")) {
            members.append(m.get("name").asText())
                    .append('=')
                    .append(m.get("member").asBoolean())
                    .append(';');
        }
        assertThat(members.toString())
                .isEqualTo("Loyal Customers=true;Loyal and Slipping=false;Recent High-Spenders=true;"
                        + "One-Time Buyers=false;Cart Abandoners=false;At Risk of Churn=false;");
        assertThat(u1.get("membership").get(1).get("parent").asText()).isEqualTo("Loyal Customers");
        JsonNode stranger = http.get("/v1/users/stranger/segments").json();
        assertThat(stranger.get("known").asBoolean()).isFalse();
        assertThat(stranger.get("segments")).isEmpty();
        assertThat(stranger.get("rfm_segment").isNull()).isTrue();
        assertThat(stranger.get("fallback_reason").asText()).isEqualTo("unknown_user");
        assertThat(stranger.get("membership").findValues("member"))
                .allMatch(m -> !m.asBoolean())
                .hasSize(6);
    }

    private static Answer render(Map<String, Object> body) throws Exception {
        return http.send("POST", "/v1/render", JSON.writeValueAsString(body));
    }

    @Test
    void renderFillsTokensForARealCustomerEscapingHtml() throws Exception {
        JsonNode r = render(Map.of(
                        "user_id",
                        "u2",
                        "template",
                        "<p>Hi {{first_name}} {{ last_name }}, more {{favourite_category}}!</p>"))
                .json();
        assertThat(r.get("rendered").asText())
                .isEqualTo("<p>Hi Bob O&#39;Brien &lt;b&gt;&amp;, more our new arrivals!</p>");
        assertThat(r.get("tokens_used").toString()).isEqualTo("[\"first_name\",\"last_name\",\"favourite_category\"]");
        assertThat(r.get("tokens_fallback").toString()).isEqualTo("[\"favourite_category\"]");
    }

    @Test
    void renderRefusesBadTemplatesNamingTheField() throws Exception {
        assertError(render(Map.of("user_id", "u1")), 400, "template");
        assertError(render(Map.of("template", "Hi")), 400, "user_id");
        assertError(render(Map.of("user_id", "u1", "template", "x".repeat(100_001))), 400, "template");
        Answer unknownToken = render(Map.of("user_id", "u1", "template", "Hi {{first_name}}, {{shoe_size}}"));
        assertError(unknownToken, 400, "template");
        assertThat(unknownToken.json().get("error").get("message").asText())
                .contains("unknown token 'shoe_size' at position 20");
        assertError(render(Map.of("user_id", "u1", "template", "Hi {{first_name")), 400, "template");
        assertError(render(Map.of("user_id", "u1", "template", "{{#items}}")), 400, "template");
        assertError(render(Map.of("user_id", "u1", "template", "Hi", "cc", "x")), 400, "cc");
        assertError(http.send("POST", "/v1/render", "[1]"), 400, "body");
        assertError(render(Map.of("user_id", "stranger", "template", "Hi {{first_name}}")), 404, "user_id");
    }

    @Test
    void theRecommendationCarouselEscapesTitlesAndFallsBackToAPlaceholderImage() {
        JsonNode block = http.get("/v1/users/u1/blocks/recommended?format=json").json();
        assertThat(block.get("shown").asBoolean()).isTrue();
        assertThat(block.get("rendered_block").asText()).isEqualTo("recommended");
        assertThat(block.get("heading").asText()).isEqualTo("Picked for you, Ada");
        // u1, in stock, without purchases: p3 (1.5), p5 (1); p4 is out of stock.
        assertThat(block.get("items").findValuesAsText("id")).containsExactly("p3", "p5");
        JsonNode p3 = block.get("items").get(0);
        assertThat(p3.get("title").asText()).isEqualTo(Fixture.SCRIPT_TITLE);
        assertThat(p3.get("url").asText())
                .isEqualTo("https://shop.example/p/p3?utm_source=affinity&utm_medium=email"
                        + "&utm_campaign=personalized&utm_content=recommended-1");
        assertThat(p3.get("image_fallback").asBoolean()).isFalse();
        JsonNode p5 = block.get("items").get(1);
        assertThat(p5.get("image_url").asText()).isEqualTo("https://cdn.affinity.example/img/no-image.png");
        assertThat(p5.get("image_fallback").asBoolean()).isTrue();
        String html = block.get("html").asText();
        assertThat(html)
                .doesNotContain("<script>")
                .contains("Rake &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;")
                .contains("src=\"https://cdn.affinity.example/img/no-image.png\" alt=\"Lamp\"")
                .contains("utm_content=recommended-2");
        Answer asHtml = http.get("/v1/users/u1/blocks/recommended");
        assertThat(asHtml.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(asHtml.body()).isEqualTo(html);
        Golden.assertMatches("blocks/u1-recommended.html", asHtml.body());
    }

    @Test
    void theCampaignComesFromTheQueryWhenGiven() {
        JsonNode block = http.get("/v1/users/u1/blocks/recommended?format=json&utm_campaign=spring-sale")
                .json();
        assertThat(block.get("items").get(0).get("url").asText()).contains("&utm_campaign=spring-sale&");
    }

    @Test
    void becauseYouBoughtShowsItemsLikeTheLastPurchaseOrFallsBack() {
        JsonNode u1 =
                http.get("/v1/users/u1/blocks/because-you-bought?format=json").json();
        assertThat(u1.get("heading").asText()).isEqualTo("Because you bought Mug");
        assertThat(u1.get("rendered_block").asText()).isEqualTo("because-you-bought");
        // Like p1 (1, 0), in stock: p3 (cosine 0.71), then p2 and p5 (0).
        assertThat(u1.get("items").findValuesAsText("id")).containsExactly("p3", "p2", "p5");
        Golden.assertMatches(
                "blocks/u1-because-you-bought.html",
                http.get("/v1/users/u1/blocks/because-you-bought").body());
        // A stranger has no last purchase: the block falls back to the carousel of popular items.
        JsonNode stranger = http.get("/v1/users/stranger/blocks/because-you-bought?format=json")
                .json();
        assertThat(stranger.get("shown").asBoolean()).isTrue();
        assertThat(stranger.get("rendered_block").asText()).isEqualTo("recommended");
        assertThat(stranger.get("fallback_reason").asText()).isEqualTo("no_items");
        assertThat(stranger.get("heading").asText()).isEqualTo("Picked for you, Valued Customer");
        assertThat(stranger.get("items").findValuesAsText("id")).containsExactly("p1", "p2", "p3", "p5");
    }

    @Test
    void theWinBackBlockIsShownOnlyToCustomersAtRisk() {
        JsonNode u1 = http.get("/v1/users/u1/blocks/win-back?format=json").json();
        assertThat(u1.get("shown").asBoolean()).isFalse();
        assertThat(u1.get("fallback_reason").asText()).isEqualTo("not_in_segment");
        assertThat(u1.get("items")).isEmpty();
        Answer hidden = http.get("/v1/users/u1/blocks/win-back");
        assertThat(hidden.status()).isEqualTo(200);
        assertThat(hidden.body()).isEmpty();
        JsonNode u2 = http.get("/v1/users/u2/blocks/win-back?format=json").json();
        assertThat(u2.get("shown").asBoolean()).isTrue();
        assertThat(u2.get("heading").asText()).isEqualTo("We miss you, Bob");
        // u2 without purchases, in stock: p2 (1), p3 (1), p1 (0).
        assertThat(u2.get("items").findValuesAsText("id")).containsExactly("p2", "p3", "p1");
        Golden.assertMatches(
                "blocks/u2-win-back.html",
                http.get("/v1/users/u2/blocks/win-back").body());
    }

    @Test
    void blockRequestsAreCheckedNamingTheField() {
        assertError(http.get("/v1/users/u1/blocks/nope"), 404, "block");
        assertThat(http.get("/v1/users/u1/blocks/nope")
                        .json()
                        .get("error")
                        .get("message")
                        .asText())
                .contains("recommended, because-you-bought, win-back");
        assertError(http.get("/v1/users/u1/blocks/recommended?format=xml"), 400, "format");
        assertError(http.get("/v1/users/u1/blocks/recommended?format=json&format=html"), 400, "format");
        assertError(http.get("/v1/users/u1/blocks/recommended?utm_campaign=spring%20sale"), 400, "utm_campaign");
    }
}
