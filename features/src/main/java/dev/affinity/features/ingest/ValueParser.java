package dev.affinity.features.ingest;

import dev.affinity.features.quality.ReasonCode;
import dev.affinity.features.quality.RowRejected;
import dev.affinity.features.warehouse.Column;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;

/** Parses CSV text into a column's typed value, rejecting the row with a reason when it cannot. */
final class ValueParser {
    /** ISO dates with an optional time: {@code 2024-03-01}, {@code 2024-03-01 08:26}, {@code 2024-03-01T08:26:00.5}. */
    private static final DateTimeFormatter ISO_TIMESTAMP = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart()
            .optionalStart()
            .appendLiteral('T')
            .optionalEnd()
            .optionalStart()
            .appendLiteral(' ')
            .optionalEnd()
            .append(DateTimeFormatter.ISO_LOCAL_TIME)
            .optionalEnd()
            .toFormatter(Locale.ROOT);

    private ValueParser() {}

    /** The typed value of {@code text} for {@code column}; {@code null} for empty text. */
    static Object parse(Column column, String text, DateTimeFormatter format) throws RowRejected {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.trim();
        try {
            return switch (column.type()) {
                case STRING -> t;
                case INT -> Integer.parseInt(t);
                case LONG -> Long.parseLong(t);
                case DOUBLE -> finite(Double.parseDouble(t));
                case BOOLEAN -> parseBoolean(column, t);
                case DATE -> LocalDate.parse(t, format != null ? format : DateTimeFormatter.ISO_LOCAL_DATE);
                case TIMESTAMP -> timestamp(t, format != null ? format : ISO_TIMESTAMP);
            };
        } catch (NumberFormatException e) {
            throw new RowRejected(ReasonCode.UNPARSEABLE_NUMBER, column.name() + " '" + t + "' is not a number");
        } catch (DateTimeParseException e) {
            throw new RowRejected(ReasonCode.UNPARSEABLE_DATE, column.name() + " '" + t + "' is not a valid date");
        }
    }

    private static double finite(double d) {
        if (!Double.isFinite(d)) {
            throw new NumberFormatException("not finite");
        }
        return d;
    }

    private static LocalDateTime timestamp(String t, DateTimeFormatter format) {
        TemporalAccessor parsed = format.parseBest(t, LocalDateTime::from, LocalDate::from);
        return parsed instanceof LocalDate d ? d.atStartOfDay() : (LocalDateTime) parsed;
    }

    private static Boolean parseBoolean(Column column, String t) throws RowRejected {
        return switch (t.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "y", "1", "t" -> Boolean.TRUE;
            case "false", "no", "n", "0", "f" -> Boolean.FALSE;
            default -> throw new RowRejected(ReasonCode.INVALID_VALUE, column.name() + " '" + t + "' is not a boolean");
        };
    }
}
