package dev.affinity.training.export;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;

/** The file formats of the export. */
public enum ExportFormat {
    /** A header and one row per customer; lists joined with {@code |}; one {@code token_NAME} column per token. */
    CSV,
    /** One JSON object per line; lists as arrays, tokens as an object. */
    JSONL;

    /**
     * The format named {@code name} ({@code csv} or {@code jsonl}, any case).
     *
     * @throws IllegalArgumentException naming the option and the allowed values
     */
    public static ExportFormat parse(String name) {
        return switch (name == null ? "" : name.toLowerCase(Locale.ROOT)) {
            case "csv" -> CSV;
            case "jsonl" -> JSONL;
            default -> throw new IllegalArgumentException("--format must be csv or jsonl, got '" + name + "'");
        };
    }

    /** A writer of rows in this format to {@code out}, with {@code tokenNames} as the token columns. */
    ExportWriter open(Writer out, List<String> tokenNames) throws IOException {
        return this == CSV ? new CsvExportWriter(out, tokenNames) : new JsonlExportWriter(out);
    }
}
