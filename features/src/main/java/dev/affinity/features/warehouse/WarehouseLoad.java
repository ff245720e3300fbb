package dev.affinity.features.warehouse;

import dev.affinity.features.warehouse.WarehouseManifest.LoadedFile;
import dev.affinity.features.warehouse.WarehouseManifest.PartEntry;
import dev.affinity.features.warehouse.WarehouseManifest.SourceEntry;
import dev.affinity.features.warehouse.WarehouseManifest.TableEntry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One load into the warehouse: holds the write lock, stages parts for any number of tables, and on
 * {@link #commit} moves them into place and records them (and the source's new watermark) in the
 * manifest. Closing without committing discards everything staged, so a failed load loses nothing
 * and adds nothing.
 */
public final class WarehouseLoad implements AutoCloseable {
    /** Rows per part file unless a caller asks otherwise. */
    public static final long DEFAULT_ROWS_PER_PART = 5_000_000L;

    private final Warehouse warehouse;
    private final String source;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final Path staging;
    private final Map<String, TableAppender> appenders = new LinkedHashMap<>();
    private boolean committed;

    private WarehouseLoad(Warehouse warehouse, String source, FileChannel lockChannel, FileLock lock, Path staging) {
        this.warehouse = warehouse;
        this.source = source;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.staging = staging;
    }

    static WarehouseLoad begin(Warehouse warehouse, String source) {
        Path root = warehouse.root();
        FileChannel channel = null;
        try {
            channel = FileChannel.open(root.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                throw new IllegalStateException(
                        "warehouse " + root + " is locked by another load; try again when it ends");
            }
            Path staging = root.resolve("_staging").resolve(source.replaceAll("[^A-Za-z0-9_.-]", "_"));
            deleteTree(staging);
            Files.createDirectories(staging);
            return new WarehouseLoad(warehouse, source, channel, lock, staging);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UncheckedIOException("cannot start a load into " + root, e);
        }
    }

    /** The warehouse being loaded. */
    public Warehouse warehouse() {
        return warehouse;
    }

    /** The appender for {@code table}, created on first use. */
    public TableAppender appender(TableSchema table) {
        return appender(table, DEFAULT_ROWS_PER_PART);
    }

    /** The appender for {@code table}, starting a new part file every {@code rowsPerPart} rows. */
    public TableAppender appender(TableSchema table, long rowsPerPart) {
        return appenders.computeIfAbsent(table.name(), n -> new TableAppender(table, staging, rowsPerPart));
    }

    /**
     * Moves the staged parts into their tables and records them in the manifest, with the source's
     * new watermark and the loaded file (either may be {@code null}).
     *
     * @return rows committed per table
     */
    public Map<String, Long> commit(LocalDateTime watermark, LoadedFile file) {
        if (committed) {
            throw new IllegalStateException("load already committed");
        }
        WarehouseManifest manifest = warehouse.manifest();
        Map<String, TableEntry> tables = new HashMap<>(manifest.tables());
        Map<String, Long> committedRows = new LinkedHashMap<>();
        try {
            for (TableAppender appender : appenders.values()) {
                String name = appender.schema().name();
                TableEntry entry = manifest.table(name);
                Path dir = warehouse.tableDir(appender.schema());
                Files.createDirectories(dir);
                List<PartEntry> added = new ArrayList<>();
                int seq = entry.parts().size();
                for (TableAppender.Staged part : appender.finish()) {
                    String fileName = String.format("part-%05d.parquet", seq++);
                    Files.move(part.file(), dir.resolve(fileName), StandardCopyOption.ATOMIC_MOVE);
                    added.add(new PartEntry(fileName, part.rows(), source));
                }
                tables.put(name, entry.plus(added));
                committedRows.put(name, appender.rows());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move staged parts into " + warehouse.root(), e);
        }
        Map<String, SourceEntry> sources = new HashMap<>(manifest.sources());
        SourceEntry previous = manifest.source(source);
        List<LoadedFile> files = new ArrayList<>(previous == null ? List.of() : previous.files());
        if (file != null) {
            files.add(file);
        }
        LocalDateTime newWatermark = previous == null ? watermark : max(previous.watermark(), watermark);
        sources.put(source, new SourceEntry(newWatermark, files));
        warehouse.writeManifest(new WarehouseManifest(Tables.SCHEMA_VERSION, tables, sources));
        committed = true;
        return committedRows;
    }

    private static LocalDateTime max(LocalDateTime a, LocalDateTime b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return a.isAfter(b) ? a : b;
    }

    /** Releases the lock; discards staged parts if the load was not committed. */
    @Override
    public void close() {
        try {
            appenders.values().forEach(TableAppender::close);
            deleteTree(staging);
        } finally {
            try {
                lock.release();
            } catch (IOException ignored) {
                // the channel close below releases it too
            }
            closeQuietly(lockChannel);
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete staging directory " + dir, e);
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing more to release
        }
    }
}
