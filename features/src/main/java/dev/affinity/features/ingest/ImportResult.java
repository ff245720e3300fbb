package dev.affinity.features.ingest;

import java.time.LocalDateTime;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one import did. Conservation holds for every import: {@code rowsRead == rowsLoaded +
 * rowsQuarantined + rowsToReturns + rowsBeforeWatermark}.
 *
 * @param source the source name in the manifest (its watermark is kept per source)
 * @param file the input file name
 * @param unchanged {@code true} when this exact file was loaded before and nothing was done
 * @param rowsRead data rows read from the file
 * @param rowsLoaded rows loaded into the target table
 * @param rowsQuarantined rows sent to quarantine
 * @param rowsToReturns rows routed to the {@code returns} table (cancellations)
 * @param rowsBeforeWatermark rows skipped because they are not after the source's watermark, that
 *     is, loaded by an earlier import
 * @param rowsAdded rows committed per table, derived tables such as customers included
 * @param quarantinedByReason quarantined rows by reason code
 * @param watermark the source's watermark after this import ({@code null} without a time column)
 */
public record ImportResult(
        String source,
        String file,
        boolean unchanged,
        long rowsRead,
        long rowsLoaded,
        long rowsQuarantined,
        long rowsToReturns,
        long rowsBeforeWatermark,
        Map<String, Long> rowsAdded,
        Map<String, Long> quarantinedByReason,
        LocalDateTime watermark) {

    /** Copies the maps, sorted by key so that summaries read the same on every run. */
    public ImportResult {
        rowsAdded = Collections.unmodifiableMap(new TreeMap<>(rowsAdded));
        quarantinedByReason = Collections.unmodifiableMap(new TreeMap<>(quarantinedByReason));
    }

    /** Whether every row read is accounted for. */
    public boolean conserved() {
        return rowsRead == rowsLoaded + rowsQuarantined + rowsToReturns + rowsBeforeWatermark;
    }

    static ImportResult unchanged(String source, String file, LocalDateTime watermark) {
        return new ImportResult(source, file, true, 0, 0, 0, 0, 0, Map.of(), Map.of(), watermark);
    }
}
