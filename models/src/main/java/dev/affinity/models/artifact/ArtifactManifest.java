package dev.affinity.models.artifact;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The {@code manifest.json} of a model artifact.
 *
 * @param formatVersion version of this artifact format; readers refuse versions they do not know
 * @param name model name in the registry, such as {@code recommender} or {@code churn}
 * @param type the model type, which says how to read the payloads (see {@link ModelType})
 * @param projectVersion the Affinity version that wrote it
 * @param createdAt when it was written
 * @param hyperparameters the exact settings it was trained with, under stable names
 * @param featureSchema what the model expects as input (feature names, id spaces, dimensions)
 * @param metrics named metric groups, such as {@code train} and {@code validation}
 * @param provenance where it came from
 * @param payloads per payload file name, its hex SHA-256
 */
public record ArtifactManifest(
        int formatVersion,
        String name,
        ModelType type,
        String projectVersion,
        Instant createdAt,
        JsonNode hyperparameters,
        JsonNode featureSchema,
        Map<String, Map<String, Double>> metrics,
        Provenance provenance,
        Map<String, String> payloads) {

    /** The artifact format this build writes and reads. */
    public static final int FORMAT_VERSION = 1;

    /** Checks required fields and copies the maps into sorted, unmodifiable ones. */
    public ArtifactManifest {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(createdAt, "createdAt");
        if (!name.matches("[a-z][a-z0-9_-]*")) {
            throw new IllegalArgumentException("model name must be lower-case letters, digits, '-' or '_': " + name);
        }
        Map<String, Map<String, Double>> m = new TreeMap<>();
        (metrics == null ? Map.<String, Map<String, Double>>of() : metrics)
                .forEach((k, v) -> m.put(k, Collections.unmodifiableMap(new TreeMap<>(v))));
        metrics = Collections.unmodifiableMap(m);
        payloads = Collections.unmodifiableMap(new TreeMap<>(payloads == null ? Map.of() : payloads));
    }

    /** The version of Affinity running now, which new artifacts record. */
    public static String currentProjectVersion() {
        return ProjectVersion.get();
    }

    /** A metric, or NaN when the group or metric is absent. */
    public double metric(String group, String metric) {
        return metrics.getOrDefault(group, Map.of()).getOrDefault(metric, Double.NaN);
    }
}
