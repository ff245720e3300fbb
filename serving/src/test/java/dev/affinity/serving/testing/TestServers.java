package dev.affinity.serving.testing;

import dev.affinity.features.warehouse.Warehouse;
import dev.affinity.models.registry.ModelRegistry;
import dev.affinity.serving.ServingApp;
import dev.affinity.serving.ServingServer;
import dev.affinity.serving.config.ApiKeyConfig;
import dev.affinity.serving.config.ServingConfig;
import dev.affinity.serving.metrics.ServingMetrics;
import dev.affinity.serving.models.ModelManager;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Builds servers the way {@code ServingMain} does, on ephemeral ports. */
public final class TestServers {
    /** The read-scope key of {@link #config}. */
    public static final String READ_KEY = "reader-key-123";
    /** The admin-and-read key of {@link #config}. */
    public static final String ADMIN_KEY = "admin-key-456";

    private TestServers() {}

    /** A configuration on free ports with two keys, minHistoryItems 2, and the given reload interval. */
    public static ServingConfig config(Path registry, Path warehouse, int reloadSeconds, boolean keys) {
        List<ApiKeyConfig> apiKeys = keys
                ? List.of(
                        new ApiKeyConfig("esp", ApiKeyConfig.hash(READ_KEY), List.of("read")),
                        new ApiKeyConfig("ops", ApiKeyConfig.hash(ADMIN_KEY), List.of("read", "admin")))
                : List.of();
        return new ServingConfig(
                "127.0.0.1",
                0,
                null,
                registry,
                warehouse,
                null,
                null,
                reloadSeconds,
                300,
                10,
                100,
                1000,
                2,
                Map.of("first_name", "Valued Customer"),
                apiKeys);
    }

    /** Starts a server for {@code config} and loads models once; its clock stands at {@link Fixture#NOW}. */
    public static ServingServer start(ServingConfig config) {
        ServingMetrics metrics = new ServingMetrics();
        ModelRegistry registry = new ModelRegistry(config.registry());
        Warehouse warehouse = config.warehouse() == null ? null : Warehouse.openExisting(config.warehouse());
        ModelManager manager = new ModelManager(config, registry, warehouse, metrics);
        ServingServer server = ServingApp.create(
                        config,
                        manager,
                        registry,
                        metrics,
                        java.time.Clock.fixed(Fixture.NOW, java.time.ZoneOffset.UTC))
                .start();
        manager.reload();
        return server;
    }
}
