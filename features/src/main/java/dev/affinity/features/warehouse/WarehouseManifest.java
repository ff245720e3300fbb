package dev.affinity.features.warehouse;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The warehouse manifest ({@code _manifest.json}): schema version, the committed parts and row
 * count of every table, and per source the load watermark and the files already loaded.
 *
 * @param schemaVersion {@link Tables#SCHEMA_VERSION} of the data
 * @param tables per table name, its committed parts
 * @param sources per source name (an importer or generator), what has been loaded
 */
public record WarehouseManifest(int schemaVersion, Map<String, TableEntry> tables, Map<String, SourceEntry> sources) {
    /** Copies the maps into sorted, unmodifiable ones, so that the JSON is the same on every run. */
    public WarehouseManifest {
        tables = Collections.unmodifiableMap(new TreeMap<>(tables));
        sources = Collections.unmodifiableMap(new TreeMap<>(sources));
    }

    /** A manifest with no tables and no sources. */
    public static WarehouseManifest empty() {
        return new WarehouseManifest(Tables.SCHEMA_VERSION, Map.of(), Map.of());
    }

    /** The entry of a table, empty when nothing was loaded into it. */
    public TableEntry table(String name) {
        return tables.getOrDefault(name, new TableEntry(0, List.of()));
    }

    /** The entry of a source, or {@code null} when it never loaded anything. */
    public SourceEntry source(String name) {
        return sources.get(name);
    }

    /**
     * Committed parts of one table.
     *
     * @param rows total rows over all parts
     * @param parts the parts in commit order
     */
    public record TableEntry(long rows, List<PartEntry> parts) {
        /** Copies the list. */
        public TableEntry {
            parts = List.copyOf(parts);
        }

        TableEntry plus(List<PartEntry> added) {
            List<PartEntry> all = new ArrayList<>(parts);
            all.addAll(added);
            return new TableEntry(
                    rows + added.stream().mapToLong(PartEntry::rows).sum(), all);
        }
    }

    /**
     * One Parquet part file.
     *
     * @param file file name inside the table directory
     * @param rows number of rows in it
     * @param source the source that loaded it
     */
    public record PartEntry(String file, long rows, String source) {}

    /**
     * What one source has loaded.
     *
     * @param watermark the latest event time loaded from this source; later loads add only rows after
     *     it ({@code null} when the source has no time column)
     * @param files the files loaded, with their content hash
     */
    public record SourceEntry(LocalDateTime watermark, List<LoadedFile> files) {
        /** Copies the list. */
        public SourceEntry {
            files = List.copyOf(files);
        }

        /** Whether a file with this content hash was loaded already. */
        public boolean hasLoaded(String sha256) {
            return files.stream().anyMatch(f -> f.sha256().equals(sha256));
        }
    }

    /**
     * One loaded input file.
     *
     * @param name the file name (no directory, so that logs and manifests hold no local paths)
     * @param sha256 hex SHA-256 of the file's bytes
     * @param rowsRead data rows read from it
     * @param loadedAt when the load committed
     */
    public record LoadedFile(String name, String sha256, long rowsRead, Instant loadedAt) {}
}
