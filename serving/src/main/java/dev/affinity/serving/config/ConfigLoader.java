package dev.affinity.serving.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Reads {@link ServingConfig} from a JSON or YAML file (by extension: {@code .yaml}/{@code .yml} is
 * YAML, anything else JSON), overlays command-line values, and validates. Fields missing from the
 * file keep their defaults; an unknown field is an error naming it.
 */
public final class ConfigLoader {
    private static final ObjectMapper JSON = mapper(new ObjectMapper());
    private static final ObjectMapper YAML = mapper(new ObjectMapper(new YAMLFactory()));

    private ConfigLoader() {}

    /**
     * The configuration from {@code file} (or only defaults when {@code null}) with {@code overrides}
     * (field name -> value, such as {@code port -> 8080}) applied on top.
     *
     * @throws ConfigException naming the file, line or field at fault
     */
    public static ServingConfig load(Path file, Map<String, Object> overrides) {
        ObjectNode tree = JSON.valueToTree(ServingConfig.defaults());
        tree.remove("authEnabled");
        if (file != null) {
            if (!Files.isRegularFile(file)) {
                throw new ConfigException(file.toString(), "no such configuration file");
            }
            ObjectMapper reader = isYaml(file) ? YAML : JSON;
            try {
                var node = reader.readTree(file.toFile());
                if (node != null && !node.isNull()) {
                    if (!node.isObject()) {
                        throw new ConfigException(file.toString(), "the configuration must be an object of fields");
                    }
                    tree.setAll((ObjectNode) node);
                }
            } catch (JsonProcessingException e) {
                throw new ConfigException(
                        file + ":" + e.getLocation().getLineNr(),
                        "not valid " + (isYaml(file) ? "YAML" : "JSON") + ": " + e.getOriginalMessage());
            } catch (IOException e) {
                throw new ConfigException(file.toString(), "cannot read: " + e.getMessage());
            }
        }
        overrides.forEach((k, v) -> {
            if (v != null) {
                tree.set(k, JSON.valueToTree(v instanceof Path p ? p.toString() : v));
            }
        });
        try {
            return JSON.treeToValue(tree, ServingConfig.class);
        } catch (UnrecognizedPropertyException e) {
            throw new ConfigException(
                    e.getPropertyName(), "unknown configuration field (known: " + e.getKnownPropertyIds() + ")");
        } catch (JsonProcessingException e) {
            if (e.getCause() instanceof ConfigException c) {
                throw c;
            }
            String field = e instanceof com.fasterxml.jackson.databind.JsonMappingException m
                            && !m.getPath().isEmpty()
                    ? m.getPathReference().replaceAll(".*\\[\"?([^\"\\]]*)\"?\\]$", "$1")
                    : (file == null ? "config" : file.toString());
            throw new ConfigException(field, "bad value: " + e.getOriginalMessage());
        }
    }

    private static boolean isYaml(Path file) {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return name.endsWith(".yaml") || name.endsWith(".yml");
    }

    private static ObjectMapper mapper(ObjectMapper m) {
        return m.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(com.fasterxml.jackson.databind.MapperFeature.AUTO_DETECT_IS_GETTERS);
    }
}
