package dev.affinity.features.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A streaming CSV file, with or without a header line, yielding each record with the line it starts
 * on (a header is line 1). Plain or {@code .gz}.
 */
final class CsvInput implements AutoCloseable {
    private final Path file;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private long previousEnd;

    /** One data record and the line it starts on. */
    record Line(long number, CSVRecord record) {}

    CsvInput(Path file, char delimiter) throws IOException {
        this(file, delimiter, true);
    }

    CsvInput(Path file, char delimiter, boolean header) throws IOException {
        this.file = file;
        BufferedReader reader = InputFiles.openText(file);
        CSVFormat.Builder builder =
                CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setTrim(true);
        if (header) {
            builder.setHeader().setSkipHeaderRecord(true).setAllowMissingColumnNames(true);
        }
        CSVFormat format = builder.get();
        this.parser = CSVParser.parse(reader, format);
        this.records = parser.iterator();
        this.previousEnd = parser.getCurrentLineNumber();
    }

    /** The header's column names, in order (empty without a header). */
    List<String> header() {
        return parser.getHeaderNames();
    }

    /** The next record, or {@code null} at the end of the file. */
    Line next() {
        try {
            if (!records.hasNext()) {
                return null;
            }
            CSVRecord record = records.next();
            long line = previousEnd + 1;
            previousEnd = parser.getCurrentLineNumber();
            return new Line(line, record);
        } catch (UncheckedIOException e) {
            throw new UncheckedIOException(
                    file.getFileName() + " line " + (previousEnd + 1) + ": " + e.getMessage(), e.getCause());
        }
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}
