package dev.affinity.features.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.affinity.features.warehouse.Column;
import dev.affinity.features.warehouse.ColumnType;
import dev.affinity.features.warehouse.TableSchema;
import java.io.IOException;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How the columns of a CSV file map onto a warehouse table, read from a JSON file:
 *
 * <pre>{@code
 * {
 *   "delimiter": ",",
 *   "columns": {
 *     "customer_id": "Customer Id",
 *     "signup_date": {"from": "Joined", "format": "dd/MM/yyyy"},
 *     "country":     {"constant": "US"}
 *   }
 * }
 * }</pre>
 *
 * A column is either a CSV header name (shorthand), {@code {"from": header}} with an optional
 * {@code "format"} (a {@link DateTimeFormatter} pattern for dates and timestamps), or {@code
 * {"constant": value}}. Table columns left out are empty.
 *
 * @param delimiter field separator
 * @param columns per table column, where its value comes from
 */
public record ColumnMapping(char delimiter, Map<String, Source> columns) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Copies the map. */
    public ColumnMapping {
        columns = Map.copyOf(columns);
    }

    /**
     * Where one column's value comes from: a CSV header or a constant, and an optional parse format.
     *
     * @param header the CSV column to read, or {@code null} for a constant
     * @param constant the constant text, when {@code header} is {@code null}
     * @param format a date or timestamp pattern, or {@code null} for ISO-8601
     */
    public record Source(String header, String constant, DateTimeFormatter format) {}

    /**
     * Reads and checks a mapping for {@code table} against the CSV's {@code header}.
     *
     * @throws InputException naming the mapping file and the column when the mapping is invalid
     */
    public static ColumnMapping read(Path file, TableSchema table, List<String> header) throws InputException {
        String name = file.getFileName().toString();
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new InputException(name, 0, "not valid JSON: " + e.getMessage());
        }
        if (root == null || !root.isObject() || !root.path("columns").isObject()) {
            throw new InputException(name, 0, "expected an object with a \"columns\" object");
        }
        String delimiter = root.path("delimiter").asText(",");
        if (delimiter.equals("\\t") || delimiter.equals("tab")) {
            delimiter = "\t";
        }
        if (delimiter.length() != 1) {
            throw new InputException(name, 0, "\"delimiter\" must be one character, got '" + delimiter + "'");
        }
        Map<String, Source> columns = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.get("columns").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (table.indexOf(e.getKey()) < 0) {
                throw new InputException(name, 0, "table " + table.name() + " has no column '" + e.getKey() + "'");
            }
            columns.put(e.getKey(), source(name, table.column(e.getKey()), e.getValue(), header));
        }
        return new ColumnMapping(delimiter.charAt(0), columns);
    }

    /** Reads only the delimiter, which is needed to parse the CSV header before the full check. */
    public static char delimiterOf(Path file) throws InputException {
        try {
            String d = JSON.readTree(file.toFile()).path("delimiter").asText(",");
            return d.equals("\\t") || d.equals("tab") ? '\t' : d.charAt(0);
        } catch (IOException | RuntimeException e) {
            throw new InputException(file.getFileName().toString(), 0, "not a readable mapping: " + e.getMessage());
        }
    }

    private static Source source(String file, Column column, JsonNode node, List<String> header) throws InputException {
        String where = "column '" + column.name() + "'";
        if (node.isTextual()) {
            return new Source(checkHeader(file, where, node.asText(), header), null, null);
        }
        if (!node.isObject()) {
            throw new InputException(file, 0, where + ": expected a header name or an object");
        }
        DateTimeFormatter format = null;
        if (node.has("format")) {
            if (column.type() != ColumnType.DATE && column.type() != ColumnType.TIMESTAMP) {
                throw new InputException(file, 0, where + ": \"format\" applies only to dates and timestamps");
            }
            try {
                format = DateTimeFormatter.ofPattern(node.get("format").asText());
            } catch (IllegalArgumentException e) {
                throw new InputException(file, 0, where + ": bad date format: " + e.getMessage());
            }
        }
        if (node.has("constant")) {
            return new Source(null, node.get("constant").asText(), format);
        }
        if (node.has("from")) {
            return new Source(checkHeader(file, where, node.get("from").asText(), header), null, format);
        }
        throw new InputException(file, 0, where + ": needs \"from\" or \"constant\"");
    }

    private static String checkHeader(String file, String where, String name, List<String> header)
            throws InputException {
        if (!header.contains(name)) {
            throw new InputException(file, 0, where + ": the CSV has no column '" + name + "' (it has " + header + ")");
        }
        return name;
    }
}
