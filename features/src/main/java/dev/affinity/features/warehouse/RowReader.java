package dev.affinity.features.warehouse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetReader;

/** Streams the rows of one Parquet file, one record in memory at a time. Close it when done. */
public final class RowReader implements Iterator<Object[]>, AutoCloseable {
    private final ParquetReader<Group> reader;
    private final TableSchema schema;
    private final Path file;
    private Group next;

    RowReader(ParquetReader<Group> reader, TableSchema schema, Path file) {
        this.reader = reader;
        this.schema = schema;
        this.file = file;
        advance();
    }

    private void advance() {
        try {
            next = reader.read();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    @Override
    public boolean hasNext() {
        return next != null;
    }

    @Override
    public Object[] next() {
        if (next == null) {
            throw new NoSuchElementException();
        }
        Object[] row = ParquetRows.toRow(next, schema);
        advance();
        return row;
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close " + file, e);
        }
    }
}
