package dev.affinity.serving.content;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The content-block file (YAML), documented in README "Content blocks":
 *
 * <pre>
 * utm_source: affinity            # utm_source of every link
 * utm_campaign: personalized      # default utm_campaign; ?utm_campaign= overrides it per request
 * image_fallback: https://shop.example/img/placeholder.png
 * currency: "£"                   # printed before prices
 * template_dir: templates         # optional: read templates from this folder instead of the bundled ones
 * blocks:
 *   - name: recommended
 *     kind: recommendations
 *     template: carousel
 *     heading: "Picked for you, {{first_name}}"
 * </pre>
 *
 * @param utmSource {@code utm_source} of every link (default {@code affinity})
 * @param utmCampaign {@code utm_campaign} when the request names none (default {@code affinity})
 * @param imageFallback the image shown for an item without one (required)
 * @param currency text printed before a price (default none)
 * @param templateDir a folder of {@code .mustache} templates, relative to this file, or {@code null}
 *     for the bundled templates
 * @param blocks the blocks
 */
public record BlockConfig(
        @JsonProperty("utm_source") String utmSource,
        @JsonProperty("utm_campaign") String utmCampaign,
        @JsonProperty("image_fallback") String imageFallback,
        @JsonProperty("currency") String currency,
        @JsonProperty("template_dir") String templateDir,
        @JsonProperty("blocks") List<BlockDefinition> blocks) {
    private static final ObjectMapper YAML =
            new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** Fills defaults and checks the UTM values. */
    public BlockConfig {
        utmSource = utmSource == null ? "affinity" : utmSource;
        utmCampaign = utmCampaign == null ? "affinity" : utmCampaign;
        checkUtm("utm_source", utmSource);
        checkUtm("utm_campaign", utmCampaign);
        if (imageFallback == null || !imageFallback.matches("https?://\\S+")) {
            throw new IllegalArgumentException("image_fallback must be an http(s) URL, got '" + imageFallback + "'");
        }
        currency = currency == null ? "" : currency;
        blocks = blocks == null ? List.of() : List.copyOf(blocks);
    }

    /**
     * Checks a UTM value: 1 to 100 letters, digits, {@code _ . -}.
     *
     * @throws IllegalArgumentException naming {@code field}
     */
    public static void checkUtm(String field, String value) {
        if (value == null || !value.matches("[A-Za-z0-9_.-]{1,100}")) {
            throw new IllegalArgumentException(
                    field + " must be 1 to 100 letters, digits, '_', '.' or '-', got '" + value + "'");
        }
    }

    /** The bundled configuration. */
    public static BlockConfig defaults() {
        try (InputStream in = BlockConfig.class.getResourceAsStream("default-blocks.yaml")) {
            return YAML.readValue(in, BlockConfig.class);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the bundled default-blocks.yaml", e);
        }
    }

    /**
     * Reads a block file.
     *
     * @throws IllegalArgumentException naming the file, line and problem
     */
    public static BlockConfig read(Path file) throws IOException {
        try {
            return YAML.readValue(Files.readString(file), BlockConfig.class);
        } catch (JsonMappingException e) {
            Throwable cause = e.getCause() instanceof IllegalArgumentException ? e.getCause() : e;
            String message = cause instanceof JsonMappingException m ? m.getOriginalMessage() : cause.getMessage();
            throw new IllegalArgumentException(file.getFileName()
                    + (e.getLocation() != null ? ":" + e.getLocation().getLineNr() : "") + ": "
                    + (message == null ? "invalid" : message.lines().findFirst().orElse("")));
        }
    }
}
