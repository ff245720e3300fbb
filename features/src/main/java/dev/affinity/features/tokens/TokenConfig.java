package dev.affinity.features.tokens;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The token configuration (YAML or JSON), token name to definition:
 *
 * <pre>
 * tokens:
 *   first_name: {field: first_name, fallback: Valued Customer}
 *   loyalty_tier: {expr: "if(monetary &gt;= 1000, 'Gold', if(monetary &gt;= 300, 'Silver', 'Member'))"}
 * </pre>
 *
 * @param tokens the tokens, in file order
 */
public record TokenConfig(@JsonProperty("tokens") Map<String, TokenDefinition> tokens) {
    private static final ObjectMapper YAML =
            new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** Copies the map, keeping its order. */
    public TokenConfig {
        tokens = tokens == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(tokens));
        for (String name : tokens.keySet()) {
            if (!name.matches("[a-z][a-z0-9_]*")) {
                throw new IllegalArgumentException("token names are lower_snake_case, got '" + name + "'");
            }
        }
    }

    /** The tokens shipped with Affinity. */
    public static TokenConfig defaults() {
        try (InputStream in = TokenConfig.class.getResourceAsStream("default-tokens.yaml")) {
            return YAML.readValue(in, TokenConfig.class);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the bundled default-tokens.yaml", e);
        }
    }

    /**
     * Reads a token file.
     *
     * @throws IllegalArgumentException naming the file and what cannot be read
     */
    public static TokenConfig read(Path file) throws IOException {
        try {
            return YAML.readValue(Files.readString(file), TokenConfig.class);
        } catch (JsonMappingException e) {
            Throwable cause = e.getCause() instanceof IllegalArgumentException ? e.getCause() : e;
            String message = cause.getMessage() == null
                    ? "invalid"
                    : cause.getMessage().lines().findFirst().orElse("");
            throw new IllegalArgumentException(file.getFileName()
                    + (e.getLocation() != null ? ":" + e.getLocation().getLineNr() : "") + ": " + message);
        }
    }

    /** This configuration with other fallbacks for some tokens (a marketer's per-campaign override). */
    public TokenConfig withFallbacks(Map<String, String> fallbacks) {
        Map<String, TokenDefinition> copy = new LinkedHashMap<>(tokens);
        fallbacks.forEach((name, text) -> {
            TokenDefinition d = copy.get(name);
            if (d == null) {
                throw new IllegalArgumentException("no token named '" + name + "'");
            }
            copy.put(name, new TokenDefinition(d.field(), d.expr(), text));
        });
        return new TokenConfig(copy);
    }
}
