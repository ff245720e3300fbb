package dev.affinity.features.generate;

import dev.affinity.features.warehouse.TableSchema;
import java.time.LocalDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What one generation wrote.
 *
 * @param config the configuration it ran with
 * @param rowsPerTable rows committed per table name, in the order the tables were first written;
 *     includes {@link GeneratorTruth#TABLE}
 * @param watermark the latest timestamp generated, recorded as the {@value
 *     SyntheticWarehouse#SOURCE} source's watermark
 */
public record GenerationResult(GeneratorConfig config, Map<String, Long> rowsPerTable, LocalDateTime watermark) {
    /** Copies the map, keeping its order. */
    public GenerationResult {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(watermark, "watermark");
        rowsPerTable = Collections.unmodifiableMap(new LinkedHashMap<>(rowsPerTable));
    }

    /** Rows written to {@code table}; 0 when none were. */
    public long rows(TableSchema table) {
        return rowsPerTable.getOrDefault(table.name(), 0L);
    }

    /** Rows written over all tables. */
    public long totalRows() {
        return rowsPerTable.values().stream().mapToLong(Long::longValue).sum();
    }
}
