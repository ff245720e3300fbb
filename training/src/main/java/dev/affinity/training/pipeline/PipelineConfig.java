package dev.affinity.training.pipeline;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The pipeline's configuration (YAML or JSON); every field has a default, so an empty file is valid.
 *
 * <pre>
 * inputs:                          # new source files, imported incrementally (idempotent)
 *   - {kind: online-retail, path: data/online-retail/online-retail.csv.gz}
 * max_quarantine_share: 0.05       # stop (exit 3) when more of this run's rows are quarantined
 * recommenders: {models: [popularity, als, item-knn, ease], k: 10, validation_ratio: 0.2, margin: 0.0}
 * churn: {enabled: true, horizon_days: 90, models: [logistic, xgboost, smile-gbt], margin: 0.0}
 * segments: path/to/segments.yaml  # default: the bundled examples
 * seed: 42
 * </pre>
 *
 * @param inputs source files to import first
 * @param maxQuarantineShare the data-quality threshold, in [0, 1]
 * @param recommenders recommender training and its gate
 * @param churn churn training and its gate
 * @param segments a segment configuration file, or {@code null} for the bundled one
 * @param seed the seed of every split and trainer
 */
public record PipelineConfig(
        @JsonProperty("inputs") List<Input> inputs,
        @JsonProperty("max_quarantine_share") Double maxQuarantineShare,
        @JsonProperty("recommenders") Recommenders recommenders,
        @JsonProperty("churn") Churn churn,
        @JsonProperty("segments") String segments,
        @JsonProperty("seed") Long seed) {
    private static final ObjectMapper YAML =
            new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** Fills defaults and checks ranges, naming the field. */
    public PipelineConfig {
        inputs = inputs == null ? List.of() : List.copyOf(inputs);
        maxQuarantineShare = maxQuarantineShare == null ? 0.05 : maxQuarantineShare;
        if (!(maxQuarantineShare >= 0 && maxQuarantineShare <= 1)) {
            throw new IllegalArgumentException("max_quarantine_share must be in [0, 1], got " + maxQuarantineShare);
        }
        recommenders = recommenders == null ? new Recommenders(null, null, null, null) : recommenders;
        churn = churn == null ? new Churn(null, null, null, null) : churn;
        seed = seed == null ? 42L : seed;
    }

    /** The defaults: no inputs, every other field at its default. */
    public static PipelineConfig defaults() {
        return new PipelineConfig(null, null, null, null, null, null);
    }

    /**
     * Reads a configuration file; relative input paths stay relative to the working directory.
     *
     * @throws IllegalArgumentException naming the file, line and field of what is wrong
     */
    public static PipelineConfig read(Path file) throws IOException {
        try {
            PipelineConfig c = YAML.readValue(Files.readString(file), PipelineConfig.class);
            return c == null ? defaults() : c;
        } catch (JsonMappingException e) {
            Throwable cause = e.getCause() instanceof IllegalArgumentException ? e.getCause() : e;
            String message = cause.getMessage() == null
                    ? "invalid"
                    : cause.getMessage().lines().findFirst().orElse("");
            throw new IllegalArgumentException(file.getFileName()
                    + (e.getLocation() != null ? ":" + e.getLocation().getLineNr() : "") + ": " + message);
        }
    }

    /** The configuration as canonical JSON, for step fingerprints. */
    String canonical(Object part) {
        try {
            return new ObjectMapper().writeValueAsString(part);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * One source file.
     *
     * @param kind {@code online-retail} (more kinds go through {@code import csv} before the run)
     * @param path the file
     */
    public record Input(
            @JsonProperty("kind") String kind,
            @JsonProperty("path") String path) {
        /** Checks the kind. */
        public Input {
            if (!"online-retail".equals(kind)) {
                throw new IllegalArgumentException("inputs: kind must be online-retail, got '" + kind + "'");
            }
            if (path == null || path.isBlank()) {
                throw new IllegalArgumentException("inputs: path is required");
            }
        }
    }

    /**
     * Recommender training.
     *
     * @param models candidate names (see {@code Candidates})
     * @param k the cutoff of the metric that picks the winner and gates it (NDCG@k)
     * @param validationRatio share of each user's items held out to compare candidates
     * @param margin how much higher the winner's validation NDCG@k must be than the current model's
     */
    public record Recommenders(
            @JsonProperty("models") List<String> models,
            @JsonProperty("k") Integer k,
            @JsonProperty("validation_ratio") Double validationRatio,
            @JsonProperty("margin") Double margin) {
        /** Fills defaults and checks ranges. */
        public Recommenders {
            models = models == null ? List.of("popularity", "als", "item-knn", "ease") : List.copyOf(models);
            k = k == null ? 10 : k;
            validationRatio = validationRatio == null ? 0.2 : validationRatio;
            margin = margin == null ? 0.0 : margin;
            if (models.isEmpty()) {
                throw new IllegalArgumentException("recommenders.models must name at least one candidate");
            }
            if (k < 1 || k > 1000) {
                throw new IllegalArgumentException("recommenders.k must be 1..1000, got " + k);
            }
            if (!(validationRatio > 0 && validationRatio < 1)) {
                throw new IllegalArgumentException(
                        "recommenders.validation_ratio must be in (0, 1), got " + validationRatio);
            }
        }
    }

    /**
     * Churn training.
     *
     * @param enabled whether churn models are trained
     * @param horizonDays the churn horizon; the test cutoff is the run's cutoff minus the horizon
     * @param models candidate names (see {@code ChurnCandidates})
     * @param margin how much higher the winner's out-of-time ROC-AUC must be than the current model's
     */
    public record Churn(
            @JsonProperty("enabled") Boolean enabled,
            @JsonProperty("horizon_days") Integer horizonDays,
            @JsonProperty("models") List<String> models,
            @JsonProperty("margin") Double margin) {
        /** Fills defaults and checks ranges. */
        public Churn {
            enabled = enabled == null || enabled;
            horizonDays = horizonDays == null ? 90 : horizonDays;
            models = models == null ? List.of("logistic", "xgboost", "smile-gbt") : List.copyOf(models);
            margin = margin == null ? 0.0 : margin;
            if (horizonDays < 7 || horizonDays > 365) {
                throw new IllegalArgumentException("churn.horizon_days must be 7..365, got " + horizonDays);
            }
        }
    }
}
