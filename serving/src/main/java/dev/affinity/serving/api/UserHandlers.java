package dev.affinity.serving.api;

import dev.affinity.serving.personalize.PersonalizationService;
import io.javalin.http.Context;

/** The per-user send-time endpoints: thin, they parse, call the service, and write JSON. */
public final class UserHandlers {
    private final PersonalizationService service;
    private final QueryParser parser;

    /** Handlers over {@code service}. */
    public UserHandlers(PersonalizationService service, QueryParser parser) {
        this.service = service;
        this.parser = parser;
    }

    /** {@code GET /v1/users/{id}/personalization}. */
    public void personalization(Context ctx) {
        String id = QueryParser.id(ctx.pathParam("id"), "id");
        Json.write(ctx, 200, service.personalization(id, parser.fromQuery(ctx)));
    }

    /** {@code GET /v1/users/{id}/recommendations}. */
    public void recommendations(Context ctx) {
        String id = QueryParser.id(ctx.pathParam("id"), "id");
        Json.write(ctx, 200, service.recommendations(id, parser.fromQuery(ctx)));
    }

    /** {@code GET /v1/users/{id}/segments}. */
    public void segments(Context ctx) {
        String id = QueryParser.id(ctx.pathParam("id"), "id");
        Json.write(ctx, 200, service.segments(id));
    }

    /** {@code GET /v1/users/{id}/churn}. */
    public void churn(Context ctx) {
        String id = QueryParser.id(ctx.pathParam("id"), "id");
        Json.write(ctx, 200, service.churn(id));
    }

    /** {@code GET /v1/items/{id}/similar}. */
    public void similar(Context ctx) {
        String id = QueryParser.id(ctx.pathParam("id"), "id");
        Json.write(ctx, 200, service.similar(id, parser.fromQuery(ctx)));
    }
}
