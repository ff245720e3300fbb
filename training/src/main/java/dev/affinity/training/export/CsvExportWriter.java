package dev.affinity.training.export;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** CSV with a header (RFC 4180 quoting); list columns joined with {@code |}; empty for missing values. */
final class CsvExportWriter implements ExportWriter {
    /** The separator of list values inside one cell. */
    static final String LIST_SEPARATOR = "|";

    private final CSVPrinter printer;
    private final List<String> tokenNames;
    private final Object[] cells;

    CsvExportWriter(Writer out, List<String> tokenNames) throws IOException {
        this.tokenNames = List.copyOf(tokenNames);
        List<String> header = new ArrayList<>(List.of(
                "customer_id", "recommendations", "recommendation_source", "churn_score", "churn_tier", "segments"));
        for (String t : tokenNames) {
            header.add("token_" + t);
        }
        this.cells = new Object[header.size()];
        this.printer = CSVFormat.RFC4180
                .builder()
                .setHeader(header.toArray(new String[0]))
                .setRecordSeparator('\n')
                .get()
                .print(out);
    }

    @Override
    public void write(ExportRow row) throws IOException {
        cells[0] = row.customerId();
        cells[1] = String.join(LIST_SEPARATOR, row.recommendations());
        cells[2] = row.recommendationSource();
        cells[3] = row.churnScore() == null ? "" : row.churnScore().toString();
        cells[4] = row.churnTier() == null ? "" : row.churnTier();
        cells[5] = String.join(LIST_SEPARATOR, row.segments());
        for (int t = 0; t < tokenNames.size(); t++) {
            String v = row.tokens().get(tokenNames.get(t));
            cells[6 + t] = v == null ? "" : v;
        }
        printer.printRecord(cells);
    }

    @Override
    public void close() throws IOException {
        printer.close(true);
    }
}
