package dev.affinity.serving;

import dev.affinity.features.warehouse.Warehouse;
import dev.affinity.models.registry.ModelRegistry;
import dev.affinity.serving.config.ConfigException;
import dev.affinity.serving.config.ConfigLoader;
import dev.affinity.serving.config.ServingConfig;
import dev.affinity.serving.metrics.ServingMetrics;
import dev.affinity.serving.models.ModelManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code affinity serve}: reads the configuration (file, then flags), validates it, logs it with
 * secrets redacted, builds the server with {@link ServingApp#create} and runs it until stopped.
 * Exits 2 naming the option, file or field on bad input.
 */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = "Run the send-time personalization API (see README: HTTP API).")
public final class ServingMain implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(ServingMain.class);

    @Option(names = "--config", description = "configuration file, JSON or YAML (.yaml/.yml)")
    Path configFile;

    @Option(
            names = "--registry",
            description = "model registry directory (default: $AFFINITY_HOME/models or var/models)")
    Path registry;

    @Option(
            names = "--warehouse",
            description =
                    "warehouse directory: catalog, customers, profiles (default: $AFFINITY_HOME/warehouse or var/warehouse, when it exists)")
    Path warehouse;

    @Option(names = "--host", description = "interface to listen on (default: 127.0.0.1)")
    String host;

    @Option(names = "--port", description = "HTTP port (default: 7070)")
    Integer port;

    @Option(names = "--ops-port", description = "separate port for /healthz, /readyz, /metrics")
    Integer opsPort;

    @Option(names = "--segments", description = "segment rules file, YAML (default: the bundled examples)")
    Path segments;

    @Option(names = "--tokens", description = "token file, YAML (default: the bundled tokens)")
    Path tokens;

    @Option(names = "--blocks", description = "content-block file, YAML (default: the bundled blocks)")
    Path blocks;

    /** Runs the server; see the class comment. */
    public static void main(String[] args) {
        int code = new CommandLine(new ServingMain()).execute(args);
        if (code != 0) {
            System.exit(code);
        }
    }

    @Override
    public Integer call() {
        ServingConfig config;
        try {
            Map<String, Object> flags = new LinkedHashMap<>();
            // Like the CLI: $AFFINITY_HOME/models and $AFFINITY_HOME/warehouse (or under ./var) unless a
            // flag or the configuration file says otherwise.
            Path home = Path.of(System.getenv().getOrDefault("AFFINITY_HOME", "var"));
            boolean fileNamesThem = configFile != null;
            flags.put("registry", registry != null || fileNamesThem ? registry : home.resolve("models"));
            flags.put(
                    "warehouse",
                    warehouse != null || fileNamesThem || !Files.isDirectory(home.resolve("warehouse"))
                            ? warehouse
                            : home.resolve("warehouse"));
            flags.put("host", host);
            flags.put("port", port);
            flags.put("opsPort", opsPort);
            flags.put("segments", segments);
            flags.put("tokens", tokens);
            flags.put("blocks", blocks);
            config = ConfigLoader.load(configFile, flags);
            if (config.warehouse() != null && !Files.isDirectory(config.warehouse())) {
                throw new ConfigException("warehouse", "no warehouse directory at " + config.warehouse());
            }
        } catch (ConfigException e) {
            System.err.println("affinity serve: bad configuration: " + e.getMessage());
            return 2;
        }
        LOG.info("configuration: {}", config.redacted());
        if (!config.authEnabled()) {
            LOG.warn("no API keys configured: every endpoint is open (fine on 127.0.0.1, not on a network)");
        }
        ServingMetrics metrics = new ServingMetrics();
        ModelRegistry models = new ModelRegistry(config.registry());
        Warehouse wh = config.warehouse() == null ? null : Warehouse.openExisting(config.warehouse());
        ModelManager manager;
        try {
            manager = new ModelManager(config, models, wh, metrics);
        } catch (ConfigException e) {
            System.err.println("affinity serve: bad configuration: " + e.getMessage());
            return 2;
        }
        ServingServer server =
                ServingApp.create(config, manager, models, metrics).start();
        LOG.info(
                "listening on http://{}:{} (ops on port {}); loading models",
                config.host(),
                server.port(),
                server.opsPort());
        manager.reload();
        LOG.info("ready: {}", manager.ready() ? "yes" : "no - " + manager.lastProblem());
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "affinity-shutdown"));
        try {
            Thread.currentThread().join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }
}
