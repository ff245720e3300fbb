package dev.affinity.features.segments;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The segment configuration file, YAML (or JSON, which is YAML too):
 *
 * <pre>
 * segments:
 *   - name: Loyal Customers
 *     description: Frequent buyers with large baskets
 *     rule: frequency &gt; 3 and avg_order_value &gt; 100
 *     priority: 10
 *   - name: Loyal and Slipping
 *     parent: Loyal Customers
 *     rule: days_since(last_order_at) between 60 and 180
 * rfm:                     # optional; the default map when absent
 *   no_orders: No Orders Yet
 * </pre>
 *
 * @param segments the rule-based segments
 * @param rfm the RFM map
 */
public record SegmentConfig(
        @JsonProperty("segments") List<SegmentDefinition> segments,
        @JsonProperty("rfm") RfmSegments rfm) {
    private static final ObjectMapper YAML =
            new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** Fills defaults. */
    public SegmentConfig {
        segments = segments == null ? List.of() : List.copyOf(segments);
        rfm = rfm == null ? RfmSegments.DEFAULT : rfm;
    }

    /** The configuration shipped with Affinity: a handful of examples over the profile fields. */
    public static SegmentConfig defaults() {
        try (InputStream in = SegmentConfig.class.getResourceAsStream("default-segments.yaml")) {
            return YAML.readValue(in, SegmentConfig.class);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the bundled default-segments.yaml", e);
        }
    }

    /**
     * Reads a configuration file.
     *
     * @throws IllegalArgumentException naming the file, the line near the problem and the property path
     *     (such as {@code segments[2].priority})
     */
    public static SegmentConfig read(Path file) throws IOException {
        try {
            return YAML.readValue(Files.readString(file), SegmentConfig.class);
        } catch (JsonMappingException e) {
            String where = e.getLocation() != null ? ":" + e.getLocation().getLineNr() : "";
            String path = e.getPath().stream()
                    .map(r -> r.getFieldName() != null ? "." + r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining())
                    .replaceFirst("^\\.", "");
            Throwable cause = e.getCause() instanceof IllegalArgumentException ? e.getCause() : e;
            throw new IllegalArgumentException(file.getFileName() + where + ": " + (path.isEmpty() ? "" : path + ": ")
                    + firstLine(cause.getMessage()));
        } catch (JsonProcessingException e) {
            String where = e.getLocation() != null ? ":" + e.getLocation().getLineNr() : "";
            throw new IllegalArgumentException(file.getFileName() + where + ": " + firstLine(e.getOriginalMessage()));
        }
    }

    private static String firstLine(String message) {
        return message == null ? "invalid" : message.lines().findFirst().orElse(message);
    }
}
