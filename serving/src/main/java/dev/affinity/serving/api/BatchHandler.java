package dev.affinity.serving.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.affinity.serving.config.ServingConfig;
import dev.affinity.serving.personalize.PersonalizationService;
import dev.affinity.serving.personalize.RecommendationQuery;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code POST /v1/personalization/batch}: a JSON object with {@code ids} (up to {@code maxBatch}) and
 * optionally {@code k} (default 2 here, to keep the answer under 1 MB), {@code exclude}, {@code
 * category}, {@code min_price}, {@code max_price}, {@code in_stock}, {@code exclude_purchased}.
 */
public final class BatchHandler {
    /** {@code k} when the body gives none. */
    public static final int DEFAULT_K = 2;
    /** The most items one batch answer may hold (ids times k), which keeps it under 1 MB. */
    public static final int MAX_ITEMS = 2000;

    private static final Set<String> FIELDS =
            Set.of("ids", "k", "exclude", "category", "min_price", "max_price", "in_stock", "exclude_purchased");

    private final PersonalizationService service;
    private final QueryParser parser;
    private final ServingConfig config;

    /** A handler over {@code service}. */
    public BatchHandler(PersonalizationService service, QueryParser parser, ServingConfig config) {
        this.service = service;
        this.parser = parser;
        this.config = config;
    }

    /** Handles one batch. */
    public void handle(Context ctx) {
        JsonNode body;
        try {
            body = Json.MAPPER.readTree(ctx.bodyAsBytes());
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("body", "the body is not valid JSON: " + clip(e.getOriginalMessage()));
        } catch (java.io.IOException e) {
            throw ApiException.badRequest("body", "the body cannot be read");
        }
        if (body == null || !body.isObject()) {
            throw ApiException.badRequest("body", "the body must be a JSON object with an 'ids' array");
        }
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw ApiException.badRequest(clip(name), "unknown field '" + clip(name) + "' (known: " + FIELDS + ")");
            }
        }
        JsonNode ids = body.get("ids");
        if (ids == null || !ids.isArray() || ids.isEmpty()) {
            throw ApiException.badRequest("ids", "ids must be a non-empty array of user ids");
        }
        if (ids.size() > config.maxBatch()) {
            throw ApiException.badRequest("ids", "at most " + config.maxBatch() + " ids per batch, got " + ids.size());
        }
        List<String> userIds = new ArrayList<>(ids.size());
        for (JsonNode id : ids) {
            if (!id.isTextual()) {
                throw ApiException.badRequest("ids", "every id must be a string");
            }
            userIds.add(QueryParser.id(id.asText(), "ids"));
        }
        Set<String> exclude = new LinkedHashSet<>();
        JsonNode ex = body.get("exclude");
        if (ex != null && !ex.isNull()) {
            if (!ex.isArray()) {
                throw ApiException.badRequest("exclude", "exclude must be an array of item ids");
            }
            for (JsonNode id : ex) {
                if (!id.isTextual()) {
                    throw ApiException.badRequest("exclude", "every excluded id must be a string");
                }
                exclude.add(id.asText());
            }
        }
        String k = scalar(body, "k");
        RecommendationQuery query = parser.build(
                k == null ? Integer.toString(Math.min(DEFAULT_K, config.maxK())) : k,
                exclude,
                scalar(body, "category"),
                scalar(body, "min_price"),
                scalar(body, "max_price"),
                scalar(body, "in_stock"),
                scalar(body, "exclude_purchased"));
        if ((long) userIds.size() * query.k() > MAX_ITEMS) {
            throw ApiException.badRequest(
                    "k",
                    "ids x k may be at most " + MAX_ITEMS + " (to stay under 1 MB), got " + userIds.size() + " x "
                            + query.k());
        }
        Json.write(ctx, 200, service.batch(userIds, query));
    }

    private static String scalar(JsonNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isValueNode()) {
            throw ApiException.badRequest(field, field + " must be a single value");
        }
        return v.asText();
    }

    private static String clip(String s) {
        if (s == null) {
            return "";
        }
        String clean = s.replaceAll("\\p{Cntrl}", "?");
        return clean.length() > 80 ? clean.substring(0, 80) + "..." : clean;
    }
}
