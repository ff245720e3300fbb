package dev.affinity.serving.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.affinity.serving.blocks.BlockViews;
import dev.affinity.serving.blocks.ContentService;
import dev.affinity.serving.content.BlockConfig;
import dev.affinity.serving.content.TemplateException;
import io.javalin.http.Context;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code POST /v1/render} and {@code GET /v1/users/{id}/blocks/{block}}: thin, they parse and call the service. */
public final class ContentHandlers {
    /** The longest template {@code /v1/render} accepts, in characters. */
    public static final int MAX_TEMPLATE = 100_000;

    private static final Set<String> RENDER_FIELDS = Set.of("user_id", "template");

    private final ContentService service;

    /** Handlers over {@code service}. */
    public ContentHandlers(ContentService service) {
        this.service = service;
    }

    /** {@code POST /v1/render}: a JSON object with {@code user_id} and {@code template}. */
    public void render(Context ctx) {
        JsonNode body = object(ctx);
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!RENDER_FIELDS.contains(name)) {
                String shown = name.length() > 40 ? name.substring(0, 40) + "..." : name;
                throw ApiException.badRequest(shown, "unknown field '" + shown + "' (known: user_id, template)");
            }
        }
        JsonNode user = body.get("user_id");
        if (user == null || !user.isTextual()) {
            throw ApiException.badRequest("user_id", "user_id must be a string");
        }
        String userId = QueryParser.id(user.asText(), "user_id");
        JsonNode template = body.get("template");
        if (template == null || !template.isTextual() || template.asText().isEmpty()) {
            throw ApiException.badRequest("template", "template must be a non-empty string");
        }
        if (template.asText().length() > MAX_TEMPLATE) {
            throw ApiException.badRequest(
                    "template",
                    "template may be at most " + MAX_TEMPLATE + " characters, got "
                            + template.asText().length());
        }
        BlockViews.Rendered rendered;
        try {
            rendered = service.render(userId, template.asText());
        } catch (TemplateException e) {
            throw ApiException.badRequest("template", e.getMessage());
        }
        if (rendered == null) {
            throw new ApiException(404, "not_found", "no customer '" + userId + "'", "user_id");
        }
        Json.write(ctx, 200, rendered);
    }

    /** {@code GET /v1/users/{id}/blocks/{block}?format=json|html&utm_campaign=}. */
    public void block(Context ctx) {
        String id = QueryParser.id(ctx.pathParam("id"), "id");
        String name = ctx.pathParam("block");
        Map<String, List<String>> params = ctx.queryParamMap();
        String format = single(params, "format", "html");
        if (!format.equals("html") && !format.equals("json")) {
            throw ApiException.badRequest("format", "format must be html or json, got '" + clip(format) + "'");
        }
        String campaign = single(params, "utm_campaign", null);
        if (campaign != null) {
            try {
                BlockConfig.checkUtm("utm_campaign", campaign);
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("utm_campaign", clip(e.getMessage()));
            }
        }
        BlockViews.Block block = service.block(id, name, campaign);
        if (block == null) {
            throw new ApiException(
                    404,
                    "not_found",
                    "no block '" + clip(name) + "' (blocks: " + String.join(", ", service.blockNames()) + ")",
                    "block");
        }
        if (format.equals("json")) {
            Json.write(ctx, 200, block);
        } else {
            ctx.status(200).contentType("text/html; charset=utf-8").result(block.html());
        }
    }

    private static String single(Map<String, List<String>> params, String name, String fallback) {
        List<String> values = params.get(name);
        if (values == null || values.isEmpty()) {
            return fallback;
        }
        if (values.size() > 1) {
            throw ApiException.badRequest(name, name + " may be given once");
        }
        return values.get(0);
    }

    private static String clip(String s) {
        String clean = s.replaceAll("\\p{Cntrl}", "?");
        return clean.length() > 80 ? clean.substring(0, 80) + "..." : clean;
    }

    /** Reads a body that must be a JSON object (kept here beside its only other user, the batch). */
    static JsonNode object(Context ctx) {
        JsonNode body;
        try {
            body = Json.MAPPER.readTree(ctx.bodyAsBytes());
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("body", "the body is not valid JSON");
        } catch (java.io.IOException e) {
            throw ApiException.badRequest("body", "the body cannot be read");
        }
        if (body == null || !body.isObject()) {
            throw ApiException.badRequest("body", "the body must be a JSON object");
        }
        return body;
    }
}
