package dev.affinity.features.quality;

import dev.affinity.features.warehouse.TableSchema;
import dev.affinity.features.warehouse.Tables;
import dev.affinity.features.warehouse.Warehouse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The data-quality report of a warehouse: committed rows per table and quarantined rows per target
 * table and reason.
 *
 * @param rowsByTable committed rows of every base table (quarantine included)
 * @param quarantinedByTable per target table, quarantined rows by reason code
 * @param quarantinedBySource per source file, quarantined rows
 */
public record QualityReport(
        Map<String, Long> rowsByTable,
        Map<String, Map<String, Long>> quarantinedByTable,
        Map<String, Long> quarantinedBySource) {

    /** Reads the counts from the manifest and one streaming pass over the quarantine table. */
    public static QualityReport of(Warehouse warehouse) {
        Map<String, Long> rows = new LinkedHashMap<>();
        for (TableSchema table : Tables.ALL) {
            rows.put(table.name(), warehouse.rowCount(table));
        }
        Map<String, Map<String, Long>> byTable = new TreeMap<>();
        Map<String, Long> bySource = new TreeMap<>();
        int target = Tables.QUARANTINE.indexOf("target_table");
        int reason = Tables.QUARANTINE.indexOf("reason_code");
        int source = Tables.QUARANTINE.indexOf("source");
        warehouse.forEachRow(Tables.QUARANTINE, row -> {
            byTable.computeIfAbsent((String) row[target], t -> new TreeMap<>())
                    .merge((String) row[reason], 1L, Long::sum);
            bySource.merge((String) row[source], 1L, Long::sum);
        });
        return new QualityReport(rows, byTable, bySource);
    }

    /** Total quarantined rows. */
    public long quarantined() {
        return rowsByTable.getOrDefault(Tables.QUARANTINE.name(), 0L);
    }
}
