package dev.affinity.serving.api;

import static io.javalin.http.HandlerType.GET;
import static io.javalin.http.HandlerType.POST;

import dev.affinity.models.registry.ModelRegistry;
import dev.affinity.serving.access.Scope;
import dev.affinity.serving.blocks.ContentService;
import dev.affinity.serving.config.ServingConfig;
import dev.affinity.serving.metrics.ServingMetrics;
import dev.affinity.serving.models.ModelManager;
import dev.affinity.serving.personalize.PersonalizationService;
import java.util.ArrayList;
import java.util.List;

/** The route table: every endpoint of the API, built from its dependencies. */
public final class Routes {
    private Routes() {}

    /** The send-time and admin routes (and, unless {@code opsSeparate}, the ops routes). */
    public static List<Route> api(
            ServingConfig config,
            ModelManager manager,
            ModelRegistry registry,
            ServingMetrics metrics,
            PersonalizationService service,
            ContentService content,
            boolean opsSeparate) {
        QueryParser parser = new QueryParser(config);
        UserHandlers users = new UserHandlers(service, parser);
        BatchHandler batch = new BatchHandler(service, parser, config);
        AdminHandlers admin = new AdminHandlers(manager, registry);
        ContentHandlers contentHandlers = new ContentHandlers(content);
        List<Route> routes = new ArrayList<>();
        routes.add(new Route(
                GET,
                "/v1/users/{id}/personalization",
                Scope.READ,
                "Everything one email needs: tokens, segments, churn, recommendations, fallbacks",
                Route.FILTERS,
                false,
                users::personalization));
        routes.add(new Route(
                GET,
                "/v1/users/{id}/recommendations",
                Scope.READ,
                "Recommended items with title, price, url, image url, score and reason",
                Route.FILTERS,
                false,
                users::recommendations));
        routes.add(new Route(
                GET,
                "/v1/users/{id}/segments",
                Scope.READ,
                "The user's segment labels by priority and membership of every enabled segment",
                List.of(),
                false,
                users::segments));
        routes.add(new Route(
                GET,
                "/v1/users/{id}/blocks/{block}",
                Scope.READ,
                "A content block rendered for the user: email-safe HTML or its data as JSON",
                List.of(
                        new Route.Param("format", "string", "html (default) or json"),
                        new Route.Param(
                                "utm_campaign", "string", "utm_campaign of the links; default from the block file")),
                false,
                contentHandlers::block));
        routes.add(new Route(
                POST,
                "/v1/render",
                Scope.READ,
                "Renders a template's {{token}} placeholders for a customer, values HTML-escaped",
                List.of(),
                true,
                contentHandlers::render));
        routes.add(new Route(
                GET, "/v1/users/{id}/churn", Scope.READ, "The user's churn score", List.of(), false, users::churn));
        routes.add(new Route(
                GET,
                "/v1/items/{id}/similar",
                Scope.READ,
                "Items similar to one item",
                Route.FILTERS.subList(0, 6),
                false,
                users::similar));
        routes.add(new Route(
                POST,
                "/v1/personalization/batch",
                Scope.READ,
                "Personalization for up to 1,000 users at once (ids x k at most 2,000)",
                List.of(),
                true,
                batch::handle));
        routes.add(new Route(
                GET, "/admin/models", Scope.ADMIN, "The models serving now", List.of(), false, admin::models));
        routes.add(new Route(
                POST,
                "/admin/models/reload",
                Scope.ADMIN,
                "Reload models from the registry now",
                List.of(),
                false,
                admin::reload));
        if (!opsSeparate) {
            routes.addAll(ops(manager, metrics));
        }
        return routes;
    }

    /** {@code /healthz}, {@code /readyz}, {@code /metrics}: open. */
    public static List<Route> ops(ModelManager manager, ServingMetrics metrics) {
        OpsHandlers ops = new OpsHandlers(manager, metrics);
        return List.of(
                new Route(GET, "/healthz", Scope.OPEN, "Process alive", List.of(), false, ops::health),
                new Route(
                        GET, "/readyz", Scope.OPEN, "503 until a recommender is loaded", List.of(), false, ops::ready),
                new Route(GET, "/metrics", Scope.OPEN, "Prometheus metrics", List.of(), false, ops::metrics));
    }
}
