package dev.affinity.serving.api;

import dev.affinity.serving.metrics.ServingMetrics;
import dev.affinity.serving.models.ModelManager;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code /healthz}, {@code /readyz} and {@code /metrics}: for orchestrators and scrapers, never cached. */
public final class OpsHandlers {
    private final ModelManager manager;
    private final ServingMetrics metrics;

    /** Handlers over {@code manager} and {@code metrics}. */
    public OpsHandlers(ModelManager manager, ServingMetrics metrics) {
        this.manager = manager;
        this.metrics = metrics;
    }

    /** 200 while the process answers. */
    public void health(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        Json.write(ctx, 200, Map.of("status", "alive"));
    }

    /** 200 once a recommender is loaded, else 503 with the reason. */
    public void ready(Context ctx) {
        Map<String, Object> body = new LinkedHashMap<>();
        boolean ready = manager.ready();
        body.put("ready", ready);
        var set = manager.current();
        body.put(
                "recommender",
                set.recommender() == null ? null : set.recommender().label());
        body.put("churn", set.churn() == null ? null : set.churn().label());
        body.put("reason", ready ? null : manager.lastProblem());
        ctx.header("Cache-Control", "no-store");
        Json.write(ctx, ready ? 200 : 503, body);
    }

    /** The Prometheus text exposition. */
    public void metrics(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape());
    }
}
