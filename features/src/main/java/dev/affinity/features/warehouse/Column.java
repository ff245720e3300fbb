package dev.affinity.features.warehouse;

import java.util.Objects;

/**
 * One column of a warehouse table.
 *
 * @param name snake_case column name, as it appears in Parquet and in SQL
 * @param type value type
 * @param required whether a row must have a value (a missing required value is quarantined)
 */
public record Column(String name, ColumnType type, boolean required) {
    /** Validates the name. */
    public Column {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        if (!name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("column name must be snake_case: " + name);
        }
    }

    /** A column that must have a value. */
    public static Column required(String name, ColumnType type) {
        return new Column(name, type, true);
    }

    /** A column that may be empty. */
    public static Column optional(String name, ColumnType type) {
        return new Column(name, type, false);
    }
}
