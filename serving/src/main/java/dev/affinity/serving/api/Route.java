package dev.affinity.serving.api;

import dev.affinity.serving.access.Scope;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.util.List;

/**
 * One route of the API: registered on the server and described in the OpenAPI document from this
 * same record, so the two cannot drift apart.
 *
 * @param method the HTTP method
 * @param path the Javalin path, with {@code {id}} parameters
 * @param scope the API key scope it needs
 * @param summary one line for the OpenAPI document
 * @param params its query parameters
 * @param jsonBody whether it takes a JSON body
 * @param handler the handler
 */
public record Route(
        HandlerType method,
        String path,
        Scope scope,
        String summary,
        List<Param> params,
        boolean jsonBody,
        Handler handler) {

    /**
     * A query parameter.
     *
     * @param name the name
     * @param type the OpenAPI type: {@code integer}, {@code number}, {@code boolean} or {@code string}
     * @param description what it does
     */
    public record Param(String name, String type, String description) {}

    /** The recommendation parameters that several routes share. */
    public static final List<Param> FILTERS = List.of(
            new Param("k", "integer", "number of items, 1..maxK (100); default 10"),
            new Param("exclude", "string", "comma-separated item ids never to return"),
            new Param("category", "string", "only items of this category"),
            new Param("min_price", "number", "only items priced at least this"),
            new Param("max_price", "number", "only items priced at most this (>= min_price)"),
            new Param("in_stock", "boolean", "only items in stock"),
            new Param("exclude_purchased", "boolean", "leave out the user's own items; default true"));
}
