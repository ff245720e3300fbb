package dev.affinity.training.cli;

import dev.affinity.models.artifact.ModelArtifact;
import dev.affinity.models.churn.ChurnArtifacts;
import dev.affinity.models.churn.ChurnScore;
import dev.affinity.models.churn.ChurnScorer;
import dev.affinity.models.registry.ModelRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** Fills {@code churn_score} and {@code churn_tier} from the registry's current churn model, if any. */
final class ChurnFields {
    /** The registry name churn models are published under. */
    static final String MODEL_NAME = "churn";

    private final ChurnScorer scorer;
    private final String description;

    private ChurnFields(ChurnScorer scorer, String description) {
        this.scorer = scorer;
        this.description = description;
    }

    static ChurnFields fromRegistry(Path registryDir) {
        if (!Files.isDirectory(registryDir)) {
            return new ChurnFields(null, "none (no registry at " + registryDir + ")");
        }
        ModelRegistry registry = new ModelRegistry(registryDir);
        if (!registry.names().contains(MODEL_NAME)) {
            return new ChurnFields(null, "none (no '" + MODEL_NAME + "' model in " + registryDir + ")");
        }
        var current = registry.current(MODEL_NAME);
        if (current.isEmpty()) {
            return new ChurnFields(null, "none (no current '" + MODEL_NAME + "' model)");
        }
        ModelArtifact artifact = registry.openCurrent(MODEL_NAME);
        return new ChurnFields(
                ChurnArtifacts.read(artifact), MODEL_NAME + " " + current.get().version());
    }

    String describe() {
        return description;
    }

    Map<String, Object> fieldsFor(Map<String, Object> profile) {
        if (scorer == null) {
            return Map.of();
        }
        Map<String, Double> numbers = new HashMap<>();
        profile.forEach((k, v) -> {
            if (v instanceof Number n) {
                numbers.put(k, n.doubleValue());
            }
        });
        ChurnScore score = scorer.score(numbers, 0);
        return Map.of(
                "churn_score",
                (double) score.score(),
                "churn_tier",
                score.tier().name().toLowerCase(Locale.ROOT));
    }
}
