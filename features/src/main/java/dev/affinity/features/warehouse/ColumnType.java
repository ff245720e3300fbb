package dev.affinity.features.warehouse;

/**
 * The value types a warehouse column can hold, with the Java type used for them in a row.
 *
 * <p>Timestamps are wall-clock times in UTC without a zone ({@link java.time.LocalDateTime}),
 * stored as Parquet {@code TIMESTAMP(MICROS, isAdjustedToUTC=false)} so that DuckDB reads them as
 * plain {@code TIMESTAMP}.
 */
public enum ColumnType {
    /** UTF-8 text, {@link String}. */
    STRING(String.class),
    /** 32-bit integer, {@link Integer}. */
    INT(Integer.class),
    /** 64-bit integer, {@link Long}. */
    LONG(Long.class),
    /** 64-bit floating point, {@link Double}. */
    DOUBLE(Double.class),
    /** {@link Boolean}. */
    BOOLEAN(Boolean.class),
    /** Calendar date, {@link java.time.LocalDate}. */
    DATE(java.time.LocalDate.class),
    /** UTC wall-clock time at microsecond precision, {@link java.time.LocalDateTime}. */
    TIMESTAMP(java.time.LocalDateTime.class);

    private final Class<?> javaType;

    ColumnType(Class<?> javaType) {
        this.javaType = javaType;
    }

    /** The Java class a row holds for a value of this type. */
    public Class<?> javaType() {
        return javaType;
    }
}
