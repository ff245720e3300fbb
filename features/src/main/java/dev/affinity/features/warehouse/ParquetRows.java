package dev.affinity.features.warehouse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.ReadSupport;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.schema.GroupType;

/** Opens ZSTD Parquet writers and streaming readers for warehouse rows on the local file system. */
public final class ParquetRows {
    /** Row group size: bounds the memory a writer buffers before flushing. */
    static final int ROW_GROUP_BYTES = 32 * 1024 * 1024;

    private ParquetRows() {}

    /** A writer of {@code schema} rows to a new file at {@code file}. */
    public static ParquetWriter<Object[]> writer(Path file, TableSchema schema) {
        try {
            return new Builder(new LocalOutputFile(file), schema)
                    .withConf(new PlainParquetConfiguration())
                    .withCompressionCodec(CompressionCodecName.ZSTD)
                    .withWriteMode(ParquetFileWriter.Mode.CREATE)
                    .withRowGroupSize(ROW_GROUP_BYTES)
                    .withDictionaryEncoding(true)
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + file + " for writing", e);
        }
    }

    /** A streaming reader of the rows in {@code file}, converted to {@code schema} column order. */
    public static RowReader reader(Path file, TableSchema schema) {
        try {
            ParquetReader<Group> reader = new GroupReaderBuilder(new LocalInputFile(file)).build();
            return new RowReader(reader, schema, file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Converts one Parquet record to a row in {@code schema} order; absent columns are {@code null}. */
    static Object[] toRow(Group group, TableSchema schema) {
        GroupType type = group.getType();
        Object[] row = new Object[schema.width()];
        for (int i = 0; i < schema.width(); i++) {
            Column column = schema.columns().get(i);
            if (!type.containsField(column.name())) {
                continue;
            }
            int f = type.getFieldIndex(column.name());
            if (group.getFieldRepetitionCount(f) == 0) {
                continue;
            }
            row[i] = switch (column.type()) {
                case STRING -> group.getString(f, 0);
                case INT -> group.getInteger(f, 0);
                case LONG -> group.getLong(f, 0);
                case DOUBLE -> group.getDouble(f, 0);
                case BOOLEAN -> group.getBoolean(f, 0);
                case DATE -> LocalDate.ofEpochDay(group.getInteger(f, 0));
                case TIMESTAMP -> fromMicros(group.getLong(f, 0));
            };
        }
        return row;
    }

    static LocalDateTime fromMicros(long micros) {
        long seconds = Math.floorDiv(micros, 1_000_000L);
        int nanos = (int) Math.floorMod(micros, 1_000_000L) * 1_000;
        return LocalDateTime.ofEpochSecond(seconds, nanos, ZoneOffset.UTC);
    }

    private static final class GroupReaderBuilder extends ParquetReader.Builder<Group> {
        GroupReaderBuilder(InputFile file) {
            super(file, new PlainParquetConfiguration());
        }

        @Override
        protected ReadSupport<Group> getReadSupport() {
            return new GroupReadSupport();
        }
    }

    private static final class Builder extends ParquetWriter.Builder<Object[], Builder> {
        private final TableSchema schema;

        Builder(OutputFile file, TableSchema schema) {
            super(file);
            this.schema = schema;
        }

        @Override
        protected Builder self() {
            return this;
        }

        @Override
        protected WriteSupport<Object[]> getWriteSupport(Configuration conf) {
            return new RowWriteSupport(schema);
        }

        @Override
        protected WriteSupport<Object[]> getWriteSupport(ParquetConfiguration conf) {
            return new RowWriteSupport(schema);
        }
    }
}
