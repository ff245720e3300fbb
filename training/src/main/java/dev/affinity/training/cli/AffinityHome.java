package dev.affinity.training.cli;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the warehouse, model registry and pipeline state live by default: under {@code $AFFINITY_HOME} when set,
 * else under {@code ./var}. An explicit {@code --warehouse} or {@code --registry} wins over both.
 */
record AffinityHome(Path root) {
    static AffinityHome from(Map<String, String> env) {
        String home = env.get("AFFINITY_HOME");
        return new AffinityHome(home == null || home.isBlank() ? Path.of("var") : Path.of(home));
    }

    Path warehouse() {
        return root.resolve("warehouse");
    }

    Path registry() {
        return root.resolve("models");
    }

    Path pipeline() {
        return root.resolve("pipeline");
    }
}
