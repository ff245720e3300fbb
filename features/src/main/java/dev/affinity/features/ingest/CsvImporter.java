package dev.affinity.features.ingest;

import dev.affinity.features.progress.Progress;
import dev.affinity.features.quality.EmailAddress;
import dev.affinity.features.quality.Quarantine;
import dev.affinity.features.quality.ReasonCode;
import dev.affinity.features.quality.RowFingerprint;
import dev.affinity.features.quality.RowRejected;
import dev.affinity.features.warehouse.Column;
import dev.affinity.features.warehouse.EmailEventType;
import dev.affinity.features.warehouse.EventType;
import dev.affinity.features.warehouse.TableAppender;
import dev.affinity.features.warehouse.TableSchema;
import dev.affinity.features.warehouse.Tables;
import dev.affinity.features.warehouse.Warehouse;
import dev.affinity.features.warehouse.WarehouseLoad;
import dev.affinity.features.warehouse.WarehouseManifest.LoadedFile;
import dev.affinity.features.warehouse.WarehouseManifest.SourceEntry;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVRecord;

/**
 * Imports any CSV file into one warehouse table through a {@link ColumnMapping}, so that a data
 * scientist can load a CRM export, a catalog or an event log.
 *
 * <p>Each row is parsed and validated: required values, numbers and dates, e-mail format
 * (customers), positive quantities and prices (orders, returns, products), known event types,
 * duplicate rows within the file, and duplicate ids (customer and product ids against the table and
 * the file; order lines within the file). Refused rows go to quarantine with the reason.
 *
 * <p>Idempotent and incremental per source: a file loaded before changes nothing, and for tables
 * with a time column only rows after the source's watermark are added.
 */
public final class CsvImporter {
    /** Per table, the column that orders rows in time and carries the watermark. */
    private static final Map<String, String> TIME_COLUMN = Map.of(
            "orders", "ordered_at",
            "returns", "returned_at",
            "events", "occurred_at",
            "email_events", "occurred_at",
            "enrichment", "observed_at");

    private final Warehouse warehouse;
    private final Progress progress;

    /** An importer into {@code warehouse}. */
    public CsvImporter(Warehouse warehouse, Progress progress) {
        this.warehouse = warehouse;
        this.progress = progress;
    }

    /**
     * Imports {@code file} into {@code table}.
     *
     * @param source the feed's name; its watermark and loaded files are kept in the manifest
     * @throws InputException when the file or mapping cannot be used at all (naming file and line)
     */
    public ImportResult importFile(TableSchema table, Path file, Path mappingFile, String source)
            throws InputException {
        if (table.equals(Tables.QUARANTINE)) {
            throw new InputException(table.name(), 0, "the quarantine table is written only by importers");
        }
        String name = file.getFileName().toString();
        String sha = InputFiles.sha256(file);
        try (WarehouseLoad load = warehouse.beginLoad(source);
                CsvInput csv = new CsvInput(file, ColumnMapping.delimiterOf(mappingFile))) {
            SourceEntry previous = warehouse.manifest().source(source);
            if (previous != null && previous.hasLoaded(sha)) {
                return ImportResult.unchanged(source, name, previous.watermark());
            }
            ColumnMapping mapping = ColumnMapping.read(mappingFile, table, csv.header());
            for (Column c : table.columns()) {
                if (c.required() && !mapping.columns().containsKey(c.name()) && !derived(table, c.name())) {
                    throw new InputException(
                            mappingFile.getFileName().toString(),
                            0,
                            "required column '" + c.name() + "' of " + table.name() + " is not mapped");
                }
            }
            Run run = new Run(
                    load,
                    table,
                    mapping,
                    csv.header().size(),
                    name,
                    sha,
                    previous == null ? null : previous.watermark());
            for (CsvInput.Line line = csv.next(); line != null; line = csv.next()) {
                run.accept(line);
            }
            return run.commit(source);
        } catch (IOException e) {
            throw new InputException(name, 0, "cannot read: " + e.getMessage());
        }
    }

    /** Required columns the importer fills itself when the mapping leaves them out. */
    private static boolean derived(TableSchema table, String column) {
        return (table.equals(Tables.ORDERS) && column.equals("line_number"))
                || (table.equals(Tables.EVENTS) && column.equals("event_id"))
                || (table.equals(Tables.PRODUCTS) && column.equals("is_merchandise"));
    }

    private final class Run {
        private final WarehouseLoad load;
        private final TableSchema table;
        private final ColumnMapping mapping;
        private final int width;
        private final String fileName;
        private final String sha;
        private final LocalDateTime previousWatermark;
        private final TableAppender appender;
        private final Quarantine quarantine;
        private final RowFingerprint fingerprints = new RowFingerprint();
        private final Set<String> ids;
        private final Map<String, Integer> linesPerOrder = new HashMap<>();
        private final int timeColumn;
        private LocalDateTime watermark;
        private long read;
        private long loaded;
        private long beforeWatermark;

        Run(
                WarehouseLoad load,
                TableSchema table,
                ColumnMapping mapping,
                int width,
                String fileName,
                String sha,
                LocalDateTime previousWatermark) {
            this.load = load;
            this.table = table;
            this.mapping = mapping;
            this.width = width;
            this.fileName = fileName;
            this.sha = sha;
            this.previousWatermark = previousWatermark;
            this.watermark = previousWatermark;
            this.appender = load.appender(table);
            this.quarantine = new Quarantine(load.appender(Tables.QUARANTINE), table.name(), fileName);
            this.timeColumn = TIME_COLUMN.containsKey(table.name()) ? table.indexOf(TIME_COLUMN.get(table.name())) : -1;
            this.ids = new HashSet<>();
            if (table.equals(Tables.CUSTOMERS) || table.equals(Tables.PRODUCTS)) {
                warehouse.forEachRow(table, row -> ids.add((String) row[0]));
            }
        }

        void accept(CsvInput.Line line) {
            read++;
            progress.update("import " + table.name(), read, -1);
            CSVRecord r = line.record();
            try {
                if (r.size() != width) {
                    throw new RowRejected(ReasonCode.RAGGED_ROW, r.size() + " fields, expected " + width);
                }
                Object[] row = parse(r, line.number());
                LocalDateTime at = timeColumn >= 0 ? (LocalDateTime) row[timeColumn] : null;
                if (at != null && previousWatermark != null && !at.isAfter(previousWatermark)) {
                    beforeWatermark++;
                    return;
                }
                if (fingerprints.isDuplicate(r.toList())) {
                    throw new RowRejected(ReasonCode.DUPLICATE_ROW, "repeats an earlier row of " + fileName);
                }
                check(row);
                if (at != null && (watermark == null || at.isAfter(watermark))) {
                    watermark = at;
                }
                appender.append(row);
                loaded++;
            } catch (RowRejected e) {
                quarantine.add(line.number(), r, e.reason(), e.getMessage());
            }
        }

        private Object[] parse(CSVRecord r, long lineNumber) throws RowRejected {
            Object[] row = new Object[table.width()];
            for (int i = 0; i < table.width(); i++) {
                Column c = table.columns().get(i);
                ColumnMapping.Source s = mapping.columns().get(c.name());
                if (s != null) {
                    row[i] = ValueParser.parse(c, s.header() != null ? r.get(s.header()) : s.constant(), s.format());
                }
            }
            fillDerived(row, lineNumber);
            for (int i = 0; i < table.width(); i++) {
                if (row[i] == null && table.columns().get(i).required()) {
                    throw new RowRejected(
                            ReasonCode.MISSING_REQUIRED, table.columns().get(i).name() + " is empty");
                }
            }
            return row;
        }

        private void fillDerived(Object[] row, long lineNumber) {
            if (table.equals(Tables.EVENTS) && row[0] == null) {
                row[0] = sha.substring(0, 12) + "-" + lineNumber;
            } else if (table.equals(Tables.PRODUCTS) && row[table.indexOf("is_merchandise")] == null) {
                row[table.indexOf("is_merchandise")] = Boolean.TRUE;
            } else if (table.equals(Tables.ORDERS) && row[1] == null && row[0] != null) {
                row[1] = linesPerOrder.merge((String) row[0], 1, Integer::sum);
            }
        }

        private void check(Object[] row) throws RowRejected {
            switch (table.name()) {
                case "customers" -> {
                    Object email = row[table.indexOf("email")];
                    if (email != null && !EmailAddress.isValid((String) email)) {
                        throw new RowRejected(ReasonCode.INVALID_EMAIL, "email '" + email + "' is not a valid address");
                    }
                    uniqueId((String) row[0], "customer_id");
                }
                case "products" -> {
                    positive(row, "price", ReasonCode.NON_POSITIVE_PRICE);
                    uniqueId((String) row[0], "product_id");
                }
                case "orders" -> {
                    positive(row, "quantity", ReasonCode.NON_POSITIVE_QUANTITY);
                    positive(row, "unit_price", ReasonCode.NON_POSITIVE_PRICE);
                    uniqueId(row[0] + "#" + row[1], "order_id and line_number");
                }
                case "returns" -> positive(row, "quantity", ReasonCode.NON_POSITIVE_QUANTITY);
                case "events" -> {
                    if (EventType.parse((String) row[table.indexOf("event_type")]) == null) {
                        throw new RowRejected(
                                ReasonCode.INVALID_VALUE,
                                "event_type '" + row[table.indexOf("event_type")]
                                        + "' is not one of view, add_to_cart, remove_from_cart, purchase, search, signup");
                    }
                    row[table.indexOf("event_type")] = EventType.parse((String) row[table.indexOf("event_type")])
                            .code();
                }
                case "email_events" -> {
                    EmailEventType type = EmailEventType.parse((String) row[table.indexOf("event_type")]);
                    if (type == null) {
                        throw new RowRejected(
                                ReasonCode.INVALID_VALUE,
                                "event_type '" + row[table.indexOf("event_type")]
                                        + "' is not one of send, open, click, bounce, unsubscribe");
                    }
                    row[table.indexOf("event_type")] = type.code();
                }
                default -> {
                    // enrichment has no rule beyond its required values
                }
            }
        }

        private void positive(Object[] row, String column, ReasonCode reason) throws RowRejected {
            Object v = row[table.indexOf(column)];
            if (v != null && ((Number) v).doubleValue() <= 0) {
                throw new RowRejected(reason, column + " " + v + " is not positive");
            }
        }

        private void uniqueId(String id, String what) throws RowRejected {
            if (!ids.add(id)) {
                throw new RowRejected(ReasonCode.DUPLICATE_ID, what + " '" + id + "' was loaded already");
            }
        }

        ImportResult commit(String source) {
            Map<String, Long> added = load.commit(watermark, new LoadedFile(fileName, sha, read, Instant.now()));
            Map<String, Long> reasons = new LinkedHashMap<>();
            quarantine.counts().forEach((k, v) -> reasons.put(k.name(), v));
            return new ImportResult(
                    source,
                    fileName,
                    false,
                    read,
                    loaded,
                    quarantine.total(),
                    0,
                    beforeWatermark,
                    added,
                    reasons,
                    watermark);
        }
    }
}
