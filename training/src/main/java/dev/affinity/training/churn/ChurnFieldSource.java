package dev.affinity.training.churn;

import dev.affinity.models.churn.ChurnArtifacts;
import dev.affinity.models.churn.ChurnScore;
import dev.affinity.models.churn.ChurnScorer;
import dev.affinity.models.registry.ModelRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Fills {@code churn_score} and {@code churn_tier} from a registry's current churn model, if any,
 * for the segment rules that read them.
 */
public final class ChurnFieldSource {
    /** The registry name churn models are published under by default. */
    public static final String MODEL_NAME = "churn";

    private final ChurnScorer scorer;
    private final String description;

    private ChurnFieldSource(ChurnScorer scorer, String description) {
        this.scorer = scorer;
        this.description = description;
    }

    /** The current model {@link #MODEL_NAME} of the registry at {@code registryDir}, or none. */
    public static ChurnFieldSource fromRegistry(Path registryDir) {
        if (!Files.isDirectory(registryDir)) {
            return new ChurnFieldSource(null, "none (no registry at " + registryDir + ")");
        }
        return current(new ModelRegistry(registryDir), MODEL_NAME);
    }

    /** The current model {@code name} of {@code registry}, or none. */
    public static ChurnFieldSource current(ModelRegistry registry, String name) {
        var current = registry.names().contains(name)
                ? registry.current(name)
                : java.util.Optional.<dev.affinity.models.registry.ModelVersion>empty();
        if (current.isEmpty()) {
            return new ChurnFieldSource(null, "none (no current '" + name + "' model)");
        }
        return new ChurnFieldSource(
                ChurnArtifacts.read(registry.openCurrent(name)),
                name + " " + current.get().version());
    }

    /** Which model fills the fields, in words. */
    public String describe() {
        return description;
    }

    /** The churn fields of one profile (empty without a model). */
    public Map<String, Object> fieldsFor(Map<String, Object> profile) {
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
