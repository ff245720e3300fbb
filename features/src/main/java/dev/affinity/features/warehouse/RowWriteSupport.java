package dev.affinity.features.warehouse;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;

/** Writes {@code Object[]} rows of one {@link TableSchema} straight to Parquet, without an object model. */
final class RowWriteSupport extends WriteSupport<Object[]> {
    private final TableSchema schema;
    private RecordConsumer consumer;

    RowWriteSupport(TableSchema schema) {
        this.schema = schema;
    }

    @Override
    public WriteContext init(Configuration configuration) {
        return context();
    }

    @Override
    public WriteContext init(ParquetConfiguration configuration) {
        return context();
    }

    private WriteContext context() {
        return new WriteContext(
                schema.parquetType(),
                Map.of(
                        "affinity.table",
                        schema.name(),
                        "affinity.schema_version",
                        String.valueOf(Tables.SCHEMA_VERSION)));
    }

    @Override
    public void prepareForWrite(RecordConsumer recordConsumer) {
        this.consumer = recordConsumer;
    }

    @Override
    public void write(Object[] row) {
        consumer.startMessage();
        for (int i = 0; i < schema.width(); i++) {
            Object value = row[i];
            if (value == null) {
                continue;
            }
            Column column = schema.columns().get(i);
            consumer.startField(column.name(), i);
            switch (column.type()) {
                case STRING -> consumer.addBinary(Binary.fromString((String) value));
                case INT -> consumer.addInteger((Integer) value);
                case LONG -> consumer.addLong((Long) value);
                case DOUBLE -> consumer.addDouble((Double) value);
                case BOOLEAN -> consumer.addBoolean((Boolean) value);
                case DATE -> consumer.addInteger((int) ((LocalDate) value).toEpochDay());
                case TIMESTAMP -> consumer.addLong(toMicros((LocalDateTime) value));
            }
            consumer.endField(column.name(), i);
        }
        consumer.endMessage();
    }

    static long toMicros(LocalDateTime t) {
        return t.toEpochSecond(ZoneOffset.UTC) * 1_000_000L + t.getNano() / 1_000;
    }
}
