package dev.affinity.features.quality;

import dev.affinity.features.warehouse.TableAppender;
import dev.affinity.features.warehouse.Tables;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;

/**
 * The quarantine of one load: every refused row is written whole, with its source, line and reason,
 * to the {@code quarantine} table, and counted by reason.
 */
public final class Quarantine {
    private final TableAppender appender;
    private final String targetTable;
    private final String source;
    private final Map<ReasonCode, Long> counts = new EnumMap<>(ReasonCode.class);

    /**
     * @param appender an appender of the {@link Tables#QUARANTINE} table
     * @param targetTable the table the rows were meant for
     * @param source the input's name (a file name), recorded with each row
     */
    public Quarantine(TableAppender appender, String targetTable, String source) {
        if (!appender.schema().equals(Tables.QUARANTINE)) {
            throw new IllegalArgumentException(
                    "not a quarantine appender: " + appender.schema().name());
        }
        this.appender = appender;
        this.targetTable = targetTable;
        this.source = source;
    }

    /** Quarantines one raw CSV row, re-encoded as CSV so that it can be loaded again once fixed. */
    public void add(long lineNumber, Iterable<String> rawFields, ReasonCode reason, String detail) {
        add(lineNumber, CSVFormat.DEFAULT.format(toArray(rawFields)), reason, detail);
    }

    /** Quarantines one raw row given as text. */
    public void add(long lineNumber, String rawRow, ReasonCode reason, String detail) {
        appender.append(new Object[] {targetTable, source, lineNumber, rawRow, reason.name(), detail});
        counts.merge(reason, 1L, Long::sum);
    }

    /** Rows quarantined so far, by reason. */
    public Map<ReasonCode, Long> counts() {
        return Collections.unmodifiableMap(new EnumMap<>(counts));
    }

    /** Rows quarantined so far. */
    public long total() {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    private static Object[] toArray(Iterable<String> fields) {
        java.util.List<Object> list = new java.util.ArrayList<>();
        fields.forEach(list::add);
        return list.toArray();
    }
}
