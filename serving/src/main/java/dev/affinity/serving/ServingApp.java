package dev.affinity.serving;

import dev.affinity.models.artifact.ArtifactManifest;
import dev.affinity.models.registry.ModelRegistry;
import dev.affinity.serving.access.ApiKeys;
import dev.affinity.serving.access.Scope;
import dev.affinity.serving.api.ErrorMapper;
import dev.affinity.serving.api.Json;
import dev.affinity.serving.api.Route;
import dev.affinity.serving.api.Routes;
import dev.affinity.serving.blocks.ContentService;
import dev.affinity.serving.config.ServingConfig;
import dev.affinity.serving.metrics.ServingMetrics;
import dev.affinity.serving.models.ModelManager;
import dev.affinity.serving.openapi.OpenApiDocument;
import dev.affinity.serving.personalize.PersonalizationService;
import dev.affinity.serving.segments.AudienceReader;
import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the server from its dependencies; {@link ServingMain} only reads configuration and calls
 * {@link #create}, and tests build the very same server on ephemeral ports.
 */
public final class ServingApp {
    private static final String STARTED = "affinity.started";

    private ServingApp() {}

    /**
     * The server, not started: the API on {@code config.port()}, and the ops endpoints either beside
     * it or on {@code config.opsPort()}.
     */
    public static ServingServer create(
            ServingConfig config, ModelManager manager, ModelRegistry registry, ServingMetrics metrics) {
        return create(config, manager, registry, metrics, Clock.systemUTC());
    }

    /**
     * As {@link #create(ServingConfig, ModelManager, ModelRegistry, ServingMetrics)}, with the clock
     * that segment rules count days to ({@code days_since}).
     */
    public static ServingServer create(
            ServingConfig config, ModelManager manager, ModelRegistry registry, ServingMetrics metrics, Clock clock) {
        PersonalizationService service =
                new PersonalizationService(manager, config, metrics::fallback, new AudienceReader(clock));
        ContentService content = new ContentService(manager, service);
        boolean opsSeparate = config.opsPort() != null;
        List<Route> routes = Routes.api(config, manager, registry, metrics, service, content, opsSeparate);
        ApiKeys keys = new ApiKeys(config.apiKeys());
        byte[] openApi = openApi(routes, config);
        Javalin api = Javalin.create(cfg -> {
            configure(cfg, config.host(), config.port(), routes, keys, metrics, config.cacheMaxAgeSeconds());
            cfg.routes.get(
                    "/openapi.json", ctx -> ctx.contentType("application/json").result(openApi));
        });
        Javalin ops = null;
        if (opsSeparate) {
            List<Route> opsRoutes = Routes.ops(manager, metrics);
            ops = Javalin.create(cfg ->
                    configure(cfg, config.host(), config.opsPort(), opsRoutes, new ApiKeys(List.of()), metrics, 0));
        }
        return new ServingServer(api, ops, manager);
    }

    /** The OpenAPI document of {@code routes}, as bytes. */
    static byte[] openApi(List<Route> routes, ServingConfig config) {
        try {
            return Json.MAPPER.writeValueAsBytes(
                    OpenApiDocument.of(routes, ArtifactManifest.currentProjectVersion(), config.authEnabled()));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write the OpenAPI document", e);
        }
    }

    private static void configure(
            JavalinConfig cfg,
            String host,
            int port,
            List<Route> routes,
            ApiKeys keys,
            ServingMetrics metrics,
            int maxAge) {
        cfg.startup.showJavalinBanner = false;
        cfg.startup.showOldJavalinVersionWarning = false;
        cfg.jetty.host = host;
        cfg.jetty.port = port;
        cfg.http.maxRequestSize = 1_000_000L;
        CompressionStrategy gzip = CompressionStrategy.GZIP;
        cfg.http.compressionStrategy = gzip;
        cfg.router.ignoreTrailingSlashes = true;
        ErrorMapper.register(cfg);
        Map<String, Scope> scopes = new HashMap<>();
        for (Route route : routes) {
            scopes.put(route.method() + " " + route.path(), route.scope());
            cfg.routes.addHttpHandler(route.method(), route.path(), route.handler());
        }
        cfg.routes.before(ctx -> ctx.attribute(STARTED, System.nanoTime()));
        cfg.routes.beforeMatched(ctx -> {
            Scope scope = scopes.getOrDefault(ctx.method() + " " + route(ctx), Scope.OPEN);
            keys.check(ctx.header("Authorization"), scope);
        });
        cfg.routes.after(ctx -> {
            int status = ctx.statusCode();
            String route = route(ctx);
            if (status == 200 && ctx.method() == HandlerType.GET && route.startsWith("/v1/")) {
                ctx.header("Cache-Control", "private, max-age=" + maxAge);
            } else if (ctx.res().getHeader("Cache-Control") == null) {
                ctx.header("Cache-Control", "no-store");
            }
            Long started = ctx.attribute(STARTED);
            if (started != null) {
                metrics.request(ctx.method().name(), route, status, System.nanoTime() - started);
            }
        });
    }

    private static String route(Context ctx) {
        try {
            var endpoint = ctx.endpoints().matchedHttpEndpoint();
            return endpoint == null ? "unmatched" : endpoint.path;
        } catch (RuntimeException e) {
            return "unmatched";
        }
    }
}
