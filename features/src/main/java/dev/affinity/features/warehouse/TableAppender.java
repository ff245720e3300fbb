package dev.affinity.features.warehouse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.hadoop.ParquetWriter;

/**
 * Appends rows of one table into staged part files, starting a new part every {@code rowsPerPart}
 * rows. The parts become visible only when the owning {@link WarehouseLoad} commits.
 */
public final class TableAppender implements AutoCloseable {
    private final TableSchema schema;
    private final Path stagingDir;
    private final long rowsPerPart;
    private final List<Path> finishedParts = new ArrayList<>();
    private final List<Long> finishedRows = new ArrayList<>();
    private ParquetWriter<Object[]> writer;
    private Path currentPart;
    private long rowsInPart;
    private long rows;

    TableAppender(TableSchema schema, Path stagingDir, long rowsPerPart) {
        this.schema = schema;
        this.stagingDir = stagingDir;
        this.rowsPerPart = rowsPerPart;
    }

    /** The table this appender writes. */
    public TableSchema schema() {
        return schema;
    }

    /**
     * Appends one row. The caller validates values first: a {@code null} in a required column or a
     * value of the wrong Java type is a programming error and throws.
     */
    public void append(Object[] row) {
        if (row.length != schema.width()) {
            throw new IllegalArgumentException(
                    "row for " + schema.name() + " has " + row.length + " values, expected " + schema.width());
        }
        for (int i = 0; i < row.length; i++) {
            Column c = schema.columns().get(i);
            if (row[i] == null ? c.required() : !c.type().javaType().isInstance(row[i])) {
                throw new IllegalArgumentException("bad value for " + schema.name() + "." + c.name() + ": " + row[i]);
            }
        }
        try {
            if (writer == null) {
                currentPart = stagingDir.resolve(schema.name() + "-" + finishedParts.size() + ".parquet");
                writer = ParquetRows.writer(currentPart, schema);
            }
            writer.write(row);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + currentPart, e);
        }
        rows++;
        if (++rowsInPart >= rowsPerPart) {
            finishPart();
        }
    }

    /** Rows appended so far. */
    public long rows() {
        return rows;
    }

    private void finishPart() {
        if (writer == null) {
            return;
        }
        try {
            writer.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot finish " + currentPart, e);
        }
        finishedParts.add(currentPart);
        finishedRows.add(rowsInPart);
        writer = null;
        rowsInPart = 0;
    }

    /** Closes the current part; returns the staged parts and their row counts. */
    List<Staged> finish() {
        finishPart();
        List<Staged> staged = new ArrayList<>();
        for (int i = 0; i < finishedParts.size(); i++) {
            staged.add(new Staged(finishedParts.get(i), finishedRows.get(i)));
        }
        return staged;
    }

    @Override
    public void close() {
        finishPart();
    }

    record Staged(Path file, long rows) {}
}
