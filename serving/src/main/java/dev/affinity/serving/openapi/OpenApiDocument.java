package dev.affinity.serving.openapi;

import dev.affinity.serving.access.Scope;
import dev.affinity.serving.api.Route;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The OpenAPI 3 document of the routes, built from the same route table the server registers. */
public final class OpenApiDocument {
    private static final Pattern PATH_PARAM = Pattern.compile("\\{([a-z_]+)}");

    private OpenApiDocument() {}

    /** The document for {@code routes} (plus {@code /openapi.json} itself). */
    public static Map<String, Object> of(List<Route> routes, String version, boolean auth) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("openapi", "3.0.3");
        doc.put(
                "info",
                Map.of(
                        "title", "Affinity send-time personalization API",
                        "version", version,
                        "description", "Called by email platforms once per recipient while sending."));
        Map<String, Object> paths = new LinkedHashMap<>();
        for (Route route : routes) {
            @SuppressWarnings("unchecked")
            Map<String, Object> item =
                    (Map<String, Object>) paths.computeIfAbsent(route.path(), p -> new LinkedHashMap<String, Object>());
            item.put(route.method().name().toLowerCase(Locale.ROOT), operation(route, auth));
        }
        Map<String, Object> self = new LinkedHashMap<>();
        self.put("summary", "This document");
        self.put("operationId", "openapi");
        self.put("responses", Map.of("200", Map.of("description", "the OpenAPI document")));
        paths.put("/openapi.json", Map.of("get", self));
        doc.put("paths", paths);
        Map<String, Object> error = Map.of(
                "type", "object",
                "required", List.of("error"),
                "properties",
                        Map.of(
                                "error",
                                Map.of(
                                        "type", "object",
                                        "required", List.of("code", "message"),
                                        "properties",
                                                Map.of(
                                                        "code", Map.of("type", "string"),
                                                        "message", Map.of("type", "string"),
                                                        "field", Map.of("type", "string", "nullable", true)))));
        Map<String, Object> components = new LinkedHashMap<>();
        components.put("schemas", Map.of("Error", error));
        components.put("securitySchemes", Map.of("bearer", Map.of("type", "http", "scheme", "bearer")));
        doc.put("components", components);
        return doc;
    }

    private static Map<String, Object> operation(Route route, boolean auth) {
        Map<String, Object> op = new LinkedHashMap<>();
        op.put("summary", route.summary());
        op.put("operationId", operationId(route));
        List<Object> parameters = new ArrayList<>();
        Matcher m = PATH_PARAM.matcher(route.path());
        while (m.find()) {
            parameters.add(
                    Map.of("name", m.group(1), "in", "path", "required", true, "schema", Map.of("type", "string")));
        }
        for (Route.Param p : route.params()) {
            Map<String, Object> schema = new LinkedHashMap<>();
            schema.put("type", p.type());
            if (p.name().equals("k")) {
                schema.put("minimum", 1);
                schema.put("maximum", 100);
            }
            parameters.add(Map.of(
                    "name",
                    p.name(),
                    "in",
                    "query",
                    "required",
                    false,
                    "description",
                    p.description(),
                    "schema",
                    schema));
        }
        if (!parameters.isEmpty()) {
            op.put("parameters", parameters);
        }
        if (route.jsonBody() && route.path().equals("/v1/render")) {
            op.put("requestBody", Map.of("required", true, "content", json(renderBody())));
        } else if (route.jsonBody()) {
            op.put(
                    "requestBody",
                    Map.of(
                            "required",
                            true,
                            "content",
                            Map.of(
                                    "application/json",
                                    Map.of(
                                            "schema",
                                            Map.of(
                                                    "type", "object",
                                                    "required", List.of("ids"),
                                                    "properties",
                                                            Map.of(
                                                                    "ids",
                                                                            Map.of(
                                                                                    "type",
                                                                                    "array",
                                                                                    "maxItems",
                                                                                    1000,
                                                                                    "items",
                                                                                    Map.of("type", "string")),
                                                                    "k",
                                                                            Map.of(
                                                                                    "type", "integer", "minimum", 1,
                                                                                    "maximum", 100)))))));
        }
        Map<String, Object> responses = new LinkedHashMap<>();
        responses.put(
                "200", Map.of("description", "the answer, a JSON object", "content", json(Map.of("type", "object"))));
        Map<String, Object> errorRef = json(Map.of("$ref", "#/components/schemas/Error"));
        if (!parameters.isEmpty() || route.jsonBody()) {
            responses.put("400", Map.of("description", "a bad parameter, named in error.field", "content", errorRef));
        }
        if (route.path().equals("/v1/render") || route.path().endsWith("/blocks/{block}")) {
            responses.put(
                    "404",
                    Map.of(
                            "description",
                            "no such customer (user_id) or block (block), named in error.field",
                            "content",
                            errorRef));
        }
        if (route.path().endsWith("/blocks/{block}")) {
            responses.put(
                    "200",
                    Map.of(
                            "description",
                            "the block as email-safe HTML (format=html, empty when hidden) or as JSON",
                            "content",
                            Map.of(
                                    "text/html",
                                    Map.of("schema", Map.of("type", "string")),
                                    "application/json",
                                    Map.of("schema", Map.of("type", "object")))));
        }
        if (route.path().equals("/readyz")) {
            responses.put(
                    "503", Map.of("description", "models not loaded yet", "content", json(Map.of("type", "object"))));
        }
        if (auth && route.scope() != Scope.OPEN) {
            responses.put("401", Map.of("description", "missing or unknown API key", "content", errorRef));
            responses.put(
                    "403",
                    Map.of(
                            "description",
                            "the key lacks the '" + route.scope().configName() + "' scope",
                            "content",
                            errorRef));
            op.put("security", List.of(Map.of("bearer", List.of())));
        }
        op.put("responses", responses);
        return op;
    }

    private static Map<String, Object> renderBody() {
        return Map.of(
                "type",
                "object",
                "required",
                List.of("user_id", "template"),
                "properties",
                Map.of(
                        "user_id",
                        Map.of("type", "string", "maxLength", 256),
                        "template",
                        Map.of("type", "string", "minLength", 1, "maxLength", 100_000)));
    }

    private static Map<String, Object> json(Map<String, Object> schema) {
        return Map.of("application/json", Map.of("schema", schema));
    }

    private static String operationId(Route route) {
        StringBuilder id = new StringBuilder(route.method().name().toLowerCase(Locale.ROOT));
        for (String part : route.path().split("/")) {
            String clean = part.replaceAll("[^A-Za-z0-9]", "");
            if (!clean.isEmpty()) {
                id.append(Character.toUpperCase(clean.charAt(0))).append(clean.substring(1));
            }
        }
        return id.toString();
    }
}
