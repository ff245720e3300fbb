package dev.affinity.features.warehouse;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Consumer;

/**
 * A local Parquet warehouse rooted at one directory: {@code <root>/<table>/part-NNNNN.parquet} plus
 * {@code <root>/_manifest.json}. Reads see only committed parts; writes go through {@link
 * #beginLoad(String)}.
 */
public final class Warehouse {
    static final String MANIFEST = "_manifest.json";
    static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private final Path root;

    private Warehouse(Path root) {
        this.root = root;
    }

    /** Opens (creating the directory if needed) the warehouse at {@code root}. */
    public static Warehouse open(Path root) {
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create warehouse directory " + root, e);
        }
        Warehouse warehouse = new Warehouse(root.toAbsolutePath().normalize());
        int version = warehouse.manifest().schemaVersion();
        if (version != Tables.SCHEMA_VERSION) {
            throw new IllegalStateException("warehouse " + root + " has schema version " + version
                    + " but this build reads version " + Tables.SCHEMA_VERSION);
        }
        return warehouse;
    }

    /**
     * Opens a warehouse that must already hold a manifest, for commands that only read.
     *
     * @throws IllegalArgumentException naming the directory when there is no warehouse there
     */
    public static Warehouse openExisting(Path root) {
        if (!Files.isRegularFile(root.resolve(MANIFEST))) {
            throw new IllegalArgumentException("no warehouse at " + root + " (no " + MANIFEST
                    + "); load data first with 'affinity import' or 'affinity generate'");
        }
        return open(root);
    }

    /** The warehouse directory. */
    public Path root() {
        return root;
    }

    /** The directory of a table (it may not exist yet). */
    public Path tableDir(TableSchema table) {
        return root.resolve(table.name());
    }

    /** The current manifest, read from disk; an empty one when nothing was ever loaded. */
    public WarehouseManifest manifest() {
        Path file = root.resolve(MANIFEST);
        if (!Files.exists(file)) {
            return WarehouseManifest.empty();
        }
        try {
            return JSON.readValue(file.toFile(), WarehouseManifest.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read warehouse manifest " + file, e);
        }
    }

    void writeManifest(WarehouseManifest manifest) {
        Path file = root.resolve(MANIFEST);
        Path tmp = root.resolve(MANIFEST + ".tmp");
        try {
            JSON.writeValue(tmp.toFile(), manifest);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write warehouse manifest " + file, e);
        }
    }

    /**
     * A fingerprint of the data: the hex SHA-256 of the manifest's tables (every committed part and
     * its row count). Parts are never rewritten, so equal fingerprints mean equal data; models record
     * it as the snapshot they were trained on.
     */
    public String fingerprint() {
        try {
            byte[] tables = JSON.writeValueAsBytes(manifest().tables());
            return java.util.HexFormat.of()
                    .formatHex(
                            java.security.MessageDigest.getInstance("SHA-256").digest(tables));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot fingerprint warehouse " + root, e);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    /** The committed part files of a table, in commit order. */
    public List<Path> parts(TableSchema table) {
        Path dir = tableDir(table);
        return manifest().table(table.name()).parts().stream()
                .map(p -> dir.resolve(p.file()))
                .toList();
    }

    /** Committed rows in a table. */
    public long rowCount(TableSchema table) {
        return manifest().table(table.name()).rows();
    }

    /** Calls {@code action} with every committed row of {@code table}, streaming part by part. */
    public void forEachRow(TableSchema table, Consumer<Object[]> action) {
        try (TableScan scan = scan(table)) {
            scan.forEachRemaining(action);
        }
    }

    /** A streaming scan over every committed row of {@code table}. Close it when done. */
    public TableScan scan(TableSchema table) {
        return new TableScan(parts(table), table);
    }

    /**
     * Starts a load from {@code source}: takes the warehouse's write lock (failing at once if another
     * load holds it) and stages new parts until {@link WarehouseLoad#commit} is called.
     */
    public WarehouseLoad beginLoad(String source) {
        return WarehouseLoad.begin(this, source);
    }

    /** Streams the rows of several part files in order. */
    public static final class TableScan implements Iterator<Object[]>, AutoCloseable {
        private final Iterator<Path> files;
        private final TableSchema schema;
        private RowReader current;

        TableScan(List<Path> files, TableSchema schema) {
            this.files = files.iterator();
            this.schema = schema;
        }

        @Override
        public boolean hasNext() {
            while (current == null || !current.hasNext()) {
                if (current != null) {
                    current.close();
                    current = null;
                }
                if (!files.hasNext()) {
                    return false;
                }
                current = ParquetRows.reader(files.next(), schema);
            }
            return true;
        }

        @Override
        public Object[] next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return current.next();
        }

        @Override
        public void close() {
            if (current != null) {
                current.close();
                current = null;
            }
        }
    }
}
