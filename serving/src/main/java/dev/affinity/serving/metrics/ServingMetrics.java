package dev.affinity.serving.metrics;

import dev.affinity.models.recommend.UserListFill;
import dev.affinity.serving.models.ModelManager;
import dev.affinity.serving.models.ServingModels;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The server's Prometheus metrics: request latency histograms per route and status, fallbacks by
 * part and reason, model load failures, and the loaded model versions ({@code
 * affinity_model_loaded{role, model, version} 1}), and how many users' top lists are filled
 * ({@code affinity_user_lists_filled} of {@code affinity_user_lists_users}). Also the {@link ModelManager.Listener} that
 * feeds the model metrics.
 */
public final class ServingMetrics implements ModelManager.Listener {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final MultiGauge loaded;
    private final ConcurrentMap<String, Timer> timers = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Counter> fallbacks = new ConcurrentHashMap<>();

    /** Fresh metrics, with JVM memory and thread metrics bound. */
    public ServingMetrics() {
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        loaded = MultiGauge.builder("affinity.model.loaded")
                .description("1 for each model version serving now")
                .register(registry);
        registry.gauge("affinity.models.generation", this, m -> m.generation);
        Gauge.builder("affinity.user.lists.filled", this, m -> m.lists == null ? 0 : m.lists.filled())
                .description("users of the serving recommender whose top list is filled")
                .register(registry);
        Gauge.builder("affinity.user.lists.users", this, m -> m.lists == null ? 0 : m.lists.users())
                .description("users of the serving recommender who get a top list (0: lists only for recent users)")
                .register(registry);
    }

    private volatile long generation;
    private volatile UserListFill lists;

    /** Records one request's latency; {@code route} is the route's path template. */
    public void request(String method, String route, int status, long nanos) {
        String key = method + " " + route + " " + status;
        timers.computeIfAbsent(
                        key,
                        k -> Timer.builder("http.server.requests")
                                .description("HTTP requests by route and status")
                                .tags("method", method, "route", route, "status", Integer.toString(status))
                                .publishPercentileHistogram()
                                .minimumExpectedValue(Duration.ofMillis(1).dividedBy(10))
                                .maximumExpectedValue(Duration.ofSeconds(10))
                                .register(registry))
                .record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
    }

    /** Counts one fallback of a part of an answer ({@code recommendations}, {@code churn}, {@code tokens}). */
    public void fallback(String part, String reason) {
        fallbacks
                .computeIfAbsent(
                        part + "|" + reason,
                        k -> Counter.builder("affinity.fallbacks")
                                .description("answers that fell back, by part and reason")
                                .tags("part", part, "reason", reason)
                                .register(registry))
                .increment();
    }

    @Override
    public void loadFailed(String model, String version, Exception e) {
        Counter.builder("affinity.model.load.failures")
                .description("model versions (or warehouse loads) that failed and were skipped")
                .tags("model", model)
                .register(registry)
                .increment();
    }

    @Override
    public void swapped(ServingModels models) {
        generation = models.generation();
        lists = models.recommender() == null
                ? null
                : models.recommender().recommender().userLists().orElse(null);
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        if (models.recommender() != null) {
            rows.add(MultiGauge.Row.of(
                    Tags.of(
                            "role",
                            "recommender",
                            "model",
                            models.recommender().name(),
                            "version",
                            models.recommender().version()),
                    1));
        }
        if (models.churn() != null) {
            rows.add(MultiGauge.Row.of(
                    Tags.of(
                            "role",
                            "churn",
                            "model",
                            models.churn().name(),
                            "version",
                            models.churn().version()),
                    1));
        }
        loaded.register(rows, true);
    }

    /** The Prometheus text exposition. */
    public String scrape() {
        return registry.scrape();
    }
}
