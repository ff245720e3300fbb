package dev.affinity.features.ingest;

import dev.affinity.features.progress.Progress;
import dev.affinity.features.quality.Quarantine;
import dev.affinity.features.quality.ReasonCode;
import dev.affinity.features.quality.RowFingerprint;
import dev.affinity.features.quality.RowRejected;
import dev.affinity.features.warehouse.Column;
import dev.affinity.features.warehouse.ColumnType;
import dev.affinity.features.warehouse.TableAppender;
import dev.affinity.features.warehouse.Tables;
import dev.affinity.features.warehouse.Warehouse;
import dev.affinity.features.warehouse.WarehouseLoad;
import dev.affinity.features.warehouse.WarehouseManifest.LoadedFile;
import dev.affinity.features.warehouse.WarehouseManifest.SourceEntry;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVRecord;

/**
 * Imports a user-item interaction file, such as a tab-separated {@code user item weight} log or
 * MovieLens {@code u.data}, into the {@link Tables#INTERACTIONS} table under a dataset name.
 *
 * <p>Rows with a missing id, an unparseable or non-finite weight, an unparseable time, too few
 * fields, or that repeat an earlier row exactly go to quarantine with their line. A file loaded
 * before changes nothing; with a time column, only rows after the dataset's watermark are added.
 */
public final class InteractionsImporter {
    private static final Pattern INTEGER = Pattern.compile("-?\\d+");
    private static final Column TIME = Column.optional("occurred_at", ColumnType.TIMESTAMP);
    private static final Column WEIGHT = Column.required("weight", ColumnType.DOUBLE);

    private final Warehouse warehouse;
    private final Progress progress;

    /** An importer into {@code warehouse}. */
    public InteractionsImporter(Warehouse warehouse, Progress progress) {
        this.warehouse = warehouse;
        this.progress = progress;
    }

    /** The manifest source of a dataset: its watermark and loaded files are kept there. */
    public static String source(String dataset) {
        return "interactions-" + dataset;
    }

    /**
     * Imports {@code file} into dataset {@code dataset}.
     *
     * @throws InputException when the file cannot be read or a column does not exist (naming the file)
     * @throws IllegalArgumentException when the dataset name is not a plain name
     */
    public ImportResult importFile(Path file, String dataset, InteractionColumns columns) throws InputException {
        if (dataset == null || !dataset.matches("[A-Za-z0-9_.-]+")) {
            throw new IllegalArgumentException(
                    "--dataset: names are letters, digits, '_', '.', '-'; got '" + dataset + "'");
        }
        String name = file.getFileName().toString();
        String source = source(dataset);
        String sha = InputFiles.sha256(file);
        try (WarehouseLoad load = warehouse.beginLoad(source);
                CsvInput csv = new CsvInput(file, columns.separator(), columns.header())) {
            SourceEntry previous = warehouse.manifest().source(source);
            if (previous != null && previous.hasLoaded(sha)) {
                return ImportResult.unchanged(source, name, previous.watermark());
            }
            Run run;
            try {
                run = new Run(load, dataset, columns, csv, name, previous == null ? null : previous.watermark());
            } catch (IllegalArgumentException e) {
                throw new InputException(name, 1, e.getMessage());
            }
            for (CsvInput.Line line = csv.next(); line != null; line = csv.next()) {
                run.accept(line);
            }
            return run.commit(source, sha);
        } catch (IOException e) {
            throw new InputException(name, 0, "cannot read: " + e.getMessage());
        }
    }

    private final class Run {
        private final WarehouseLoad load;
        private final String dataset;
        private final String fileName;
        private final LocalDateTime previousWatermark;
        private final TableAppender appender;
        private final Quarantine quarantine;
        private final RowFingerprint fingerprints = new RowFingerprint();
        private final int user;
        private final int item;
        private final int weight;
        private final int time;
        private final int width;
        private final int minWidth;
        private LocalDateTime watermark;
        private long read;
        private long loaded;
        private long beforeWatermark;

        Run(
                WarehouseLoad load,
                String dataset,
                InteractionColumns columns,
                CsvInput csv,
                String fileName,
                LocalDateTime previousWatermark) {
            this.load = load;
            this.dataset = dataset;
            this.fileName = fileName;
            this.previousWatermark = previousWatermark;
            this.watermark = previousWatermark;
            this.appender = load.appender(Tables.INTERACTIONS);
            this.quarantine = new Quarantine(load.appender(Tables.QUARANTINE), Tables.INTERACTIONS.name(), fileName);
            this.user = columns.indexOf("--user-col", columns.user(), csv.header());
            this.item = columns.indexOf("--item-col", columns.item(), csv.header());
            this.weight = columns.indexOf("--weight-col", columns.weight(), csv.header());
            this.time = columns.indexOf("--time-col", columns.time(), csv.header());
            this.width = columns.header() ? csv.header().size() : -1;
            this.minWidth = 1 + Math.max(Math.max(user, item), Math.max(weight, time));
            if (width >= 0 && minWidth > width) {
                throw new IllegalArgumentException(
                        "column " + minWidth + " is past the header's " + width + " columns");
            }
        }

        void accept(CsvInput.Line line) {
            read++;
            progress.update("import interactions", read, -1);
            CSVRecord r = line.record();
            try {
                if (width >= 0 ? r.size() != width : r.size() < minWidth) {
                    throw new RowRejected(
                            ReasonCode.RAGGED_ROW,
                            r.size() + " fields, expected " + (width >= 0 ? width : "at least " + minWidth));
                }
                String u = r.get(user);
                String i = r.get(item);
                if (u.isEmpty() || i.isEmpty()) {
                    throw new RowRejected(
                            ReasonCode.MISSING_REQUIRED, (u.isEmpty() ? "user" : "item") + " id is empty");
                }
                Double w = weight < 0 ? Double.valueOf(1.0) : (Double) ValueParser.parse(WEIGHT, r.get(weight), null);
                if (w == null) {
                    throw new RowRejected(ReasonCode.MISSING_REQUIRED, "weight is empty");
                }
                LocalDateTime at = time < 0 ? null : time(r.get(time));
                if (at != null && previousWatermark != null && !at.isAfter(previousWatermark)) {
                    beforeWatermark++;
                    return;
                }
                if (fingerprints.isDuplicate(r.toList())) {
                    throw new RowRejected(ReasonCode.DUPLICATE_ROW, "repeats an earlier row of " + fileName);
                }
                if (at != null && (watermark == null || at.isAfter(watermark))) {
                    watermark = at;
                }
                appender.append(new Object[] {dataset, u, i, w, at});
                loaded++;
            } catch (RowRejected e) {
                quarantine.add(line.number(), r, e.reason(), e.getMessage());
            }
        }

        private LocalDateTime time(String text) throws RowRejected {
            String t = text.trim();
            if (INTEGER.matcher(t).matches()) {
                try {
                    long v = Long.parseLong(t);
                    Instant instant =
                            Math.abs(v) >= 100_000_000_000L ? Instant.ofEpochMilli(v) : Instant.ofEpochSecond(v);
                    return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
                } catch (NumberFormatException | java.time.DateTimeException e) {
                    throw new RowRejected(ReasonCode.UNPARSEABLE_DATE, "time '" + t + "' is out of range");
                }
            }
            return (LocalDateTime) ValueParser.parse(TIME, t, null);
        }

        ImportResult commit(String source, String sha) {
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
