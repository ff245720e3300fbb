package dev.affinity.features.warehouse;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;

/**
 * The schema of one warehouse table: its name and ordered columns. A row of the table is an {@code
 * Object[]} with one value (or {@code null}) per column, in this order.
 *
 * @param name table name, which is also its directory in the warehouse
 * @param columns the columns in storage order
 */
public record TableSchema(String name, List<Column> columns) {
    /** Copies the column list and checks that names are unique. */
    public TableSchema {
        columns = List.copyOf(columns);
        if (columns.stream().map(Column::name).distinct().count() != columns.size()) {
            throw new IllegalArgumentException("duplicate column name in table " + name);
        }
    }

    /** Number of columns. */
    public int width() {
        return columns.size();
    }

    /** The position of a column, or -1 when the table has no such column. */
    public int indexOf(String column) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(column)) {
                return i;
            }
        }
        return -1;
    }

    /** The column called {@code column}; throws {@link IllegalArgumentException} if absent. */
    public Column column(String column) {
        int i = indexOf(column);
        if (i < 0) {
            throw new IllegalArgumentException("table " + name + " has no column " + column);
        }
        return columns.get(i);
    }

    /** A map from column name to value for one row, for messages and tests. */
    public Map<String, Object> asMap(Object[] row) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            map.put(columns.get(i).name(), row[i]);
        }
        return map;
    }

    /** The Parquet message type this table is stored as. */
    public MessageType parquetType() {
        Types.MessageTypeBuilder builder = Types.buildMessage();
        for (Column c : columns) {
            Type.Repetition repetition = c.required() ? Type.Repetition.REQUIRED : Type.Repetition.OPTIONAL;
            Type field = switch (c.type()) {
                case STRING ->
                    Types.primitive(PrimitiveTypeName.BINARY, repetition)
                            .as(LogicalTypeAnnotation.stringType())
                            .named(c.name());
                case INT -> Types.primitive(PrimitiveTypeName.INT32, repetition).named(c.name());
                case LONG ->
                    Types.primitive(PrimitiveTypeName.INT64, repetition).named(c.name());
                case DOUBLE ->
                    Types.primitive(PrimitiveTypeName.DOUBLE, repetition).named(c.name());
                case BOOLEAN ->
                    Types.primitive(PrimitiveTypeName.BOOLEAN, repetition).named(c.name());
                case DATE ->
                    Types.primitive(PrimitiveTypeName.INT32, repetition)
                            .as(LogicalTypeAnnotation.dateType())
                            .named(c.name());
                case TIMESTAMP ->
                    Types.primitive(PrimitiveTypeName.INT64, repetition)
                            .as(LogicalTypeAnnotation.timestampType(false, LogicalTypeAnnotation.TimeUnit.MICROS))
                            .named(c.name());
            };
            builder.addField(field);
        }
        return builder.named(name);
    }
}
