package dev.affinity.training.cli;

import dev.affinity.models.registry.ModelRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options every model registry command shares: where the registry is, and JSON output. */
final class RegistryOptions {
    @Option(
            names = "--registry",
            paramLabel = "DIR",
            description = "Model registry directory (default: $AFFINITY_HOME/models, or ./var/models).")
    Path registry;

    @Option(names = "--json", description = "Print a machine-readable JSON summary on stdout.")
    boolean json;

    Path registryDir() {
        return registry != null ? registry : AffinityHome.from(System.getenv()).registry();
    }

    /** The registry, which must exist: these commands never create one. */
    ModelRegistry openExisting() {
        Path dir = registryDir();
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException(
                    "no model registry at " + dir + " (train and publish a model first, or pass --registry DIR)");
        }
        return new ModelRegistry(dir);
    }
}
