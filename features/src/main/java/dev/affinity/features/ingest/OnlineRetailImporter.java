package dev.affinity.features.ingest;

import dev.affinity.features.progress.Progress;
import dev.affinity.features.quality.Quarantine;
import dev.affinity.features.quality.ReasonCode;
import dev.affinity.features.quality.RowFingerprint;
import dev.affinity.features.quality.RowRejected;
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
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVRecord;

/**
 * Imports the UCI Online Retail CSV ({@code InvoiceNo,StockCode,Description,Quantity,InvoiceDate,
 * UnitPrice,CustomerID,Country}) into {@code orders}, {@code returns}, {@code customers} and {@code
 * products}.
 *
 * <ul>
 *   <li>Cancellations (InvoiceNo starting with {@code C}) go to {@code returns}, not to orders.
 *   <li>Rows without a CustomerID are real guest purchases: kept as orders with no customer.
 *   <li>Other rows with a non-positive quantity or price, unparseable values, or that repeat an
 *       earlier row exactly, go to quarantine with a reason.
 *   <li>Customers and products are derived from every row that names them. The file has no names,
 *       e-mails, sign-up dates, consent or categories: those stay empty. A product's title is its
 *       most common description and its price the most common unit price of its purchase lines.
 *   <li>Stock codes that are not merchandise ({@link #NON_MERCHANDISE}) are marked so.
 * </ul>
 *
 * <p>Idempotent and incremental: a file loaded before (same SHA-256) changes nothing, and rows at
 * or before the source's watermark (the latest InvoiceDate loaded) are skipped.
 */
public final class OnlineRetailImporter {
    /** The source name under which loads are recorded in the manifest. */
    public static final String SOURCE = "online-retail";

    /**
     * Stock codes that are postage, fees, manual adjustments, bank charges, samples or vouchers: not
     * products anyone should be recommended. Matched case-insensitively.
     */
    public static final Set<String> NON_MERCHANDISE =
            Set.of("POST", "DOT", "M", "C2", "D", "S", "B", "BANK CHARGES", "AMAZONFEE", "CRUK", "PADS");

    private static final Pattern GIFT_VOUCHER = Pattern.compile("(?i)gift_\\d+_\\d+");
    private static final List<String> HEADER = List.of(
            "InvoiceNo", "StockCode", "Description", "Quantity", "InvoiceDate", "UnitPrice", "CustomerID", "Country");
    private static final List<DateTimeFormatter> DATE_FORMATS =
            List.of(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm[:ss]"), DateTimeFormatter.ofPattern("M/d/yyyy H:mm"));

    private final Warehouse warehouse;
    private final Progress progress;

    /** An importer into {@code warehouse} that reports progress to {@code progress}. */
    public OnlineRetailImporter(Warehouse warehouse, Progress progress) {
        this.warehouse = warehouse;
        this.progress = progress;
    }

    /** Whether a stock code is a fee, postage or adjustment rather than a product. */
    public static boolean isMerchandise(String stockCode) {
        return !NON_MERCHANDISE.contains(stockCode.toUpperCase(java.util.Locale.ROOT))
                && !GIFT_VOUCHER.matcher(stockCode).matches();
    }

    /**
     * Imports {@code file} (plain or {@code .gz}).
     *
     * @throws InputException when the file is missing, unreadable or has the wrong header
     */
    public ImportResult importFile(Path file) throws InputException {
        String name = file.getFileName().toString();
        String sha = InputFiles.sha256(file);
        try (WarehouseLoad load = warehouse.beginLoad(SOURCE)) {
            SourceEntry previous = warehouse.manifest().source(SOURCE);
            if (previous != null && previous.hasLoaded(sha)) {
                return ImportResult.unchanged(SOURCE, name, previous.watermark());
            }
            Run run = new Run(load, name, previous == null ? null : previous.watermark());
            try (CsvInput csv = new CsvInput(file, ',')) {
                if (!csv.header().equals(HEADER)) {
                    throw new InputException(
                            name,
                            1,
                            "expected header " + String.join(",", HEADER) + " but found "
                                    + String.join(",", csv.header()));
                }
                for (CsvInput.Line line = csv.next(); line != null; line = csv.next()) {
                    run.accept(line);
                }
            } catch (IOException e) {
                throw new InputException(name, 0, "cannot read: " + e.getMessage());
            }
            return run.commit(sha);
        }
    }

    /** The state of one import run. */
    private final class Run {
        private final WarehouseLoad load;
        private final String fileName;
        private final LocalDateTime previousWatermark;
        private final TableAppender orders;
        private final TableAppender returns;
        private final Quarantine quarantine;
        private final RowFingerprint fingerprints = new RowFingerprint();
        private final Map<String, Integer> linesPerInvoice = new HashMap<>();
        private final Map<String, String> customerCountry = new LinkedHashMap<>();
        private final Map<String, ProductTally> products = new LinkedHashMap<>();
        private LocalDateTime watermark;
        private String lastTimeText;
        private LocalDateTime lastTime;
        private long read;
        private long loaded;
        private long toReturns;
        private long beforeWatermark;

        Run(WarehouseLoad load, String fileName, LocalDateTime previousWatermark) {
            this.load = load;
            this.fileName = fileName;
            this.previousWatermark = previousWatermark;
            this.orders = load.appender(Tables.ORDERS);
            this.returns = load.appender(Tables.RETURNS);
            this.quarantine = new Quarantine(load.appender(Tables.QUARANTINE), Tables.ORDERS.name(), fileName);
            this.watermark = previousWatermark;
        }

        void accept(CsvInput.Line line) {
            read++;
            progress.update("import " + SOURCE, read, -1);
            CSVRecord r = line.record();
            try {
                if (r.size() != HEADER.size()) {
                    throw new RowRejected(ReasonCode.RAGGED_ROW, r.size() + " fields, expected " + HEADER.size());
                }
                String invoice = required(r, 0, "InvoiceNo");
                String stockCode = required(r, 1, "StockCode");
                LocalDateTime at = time(required(r, 4, "InvoiceDate"));
                if (previousWatermark != null && !at.isAfter(previousWatermark)) {
                    beforeWatermark++;
                    return;
                }
                int quantity = parseInt(required(r, 3, "Quantity"), "Quantity");
                double price = parseDouble(required(r, 5, "UnitPrice"), "UnitPrice");
                String customer = customerId(r.get(6));
                String country = blankToNull(r.get(7));
                // Customers and products exist even when the row itself is refused below.
                if (customer != null) {
                    customerCountry.put(customer, country);
                }
                ProductTally product = products.computeIfAbsent(stockCode, k -> new ProductTally());
                product.description(blankToNull(r.get(2)));
                if (fingerprints.isDuplicate(r.toList())) {
                    throw new RowRejected(ReasonCode.DUPLICATE_ROW, "repeats an earlier row of " + fileName);
                }
                watermark = watermark == null || at.isAfter(watermark) ? at : watermark;
                if (invoice.startsWith("C")) {
                    if (quantity == 0) {
                        throw new RowRejected(ReasonCode.NON_POSITIVE_QUANTITY, "Quantity is 0 on a cancellation");
                    }
                    returns.append(new Object[] {
                        invoice, null, customer, stockCode, Math.abs(quantity), price, at, country, "cancelled"
                    });
                    toReturns++;
                    return;
                }
                if (quantity <= 0) {
                    throw new RowRejected(ReasonCode.NON_POSITIVE_QUANTITY, "Quantity " + quantity);
                }
                if (price <= 0) {
                    throw new RowRejected(ReasonCode.NON_POSITIVE_PRICE, "UnitPrice " + price);
                }
                int lineNumber = linesPerInvoice.merge(invoice, 1, Integer::sum);
                orders.append(
                        new Object[] {invoice, lineNumber, customer, stockCode, quantity, price, at, country, "online"
                        });
                product.price(price);
                loaded++;
            } catch (RowRejected e) {
                quarantine.add(line.number(), r, e.reason(), e.getMessage());
            }
        }

        /** Lines of one invoice share a timestamp, so the last one parsed is kept. */
        private LocalDateTime time(String text) throws RowRejected {
            if (!text.equals(lastTimeText)) {
                lastTime = parseTime(text);
                lastTimeText = text;
            }
            return lastTime;
        }

        ImportResult commit(String sha) {
            Set<String> knownCustomers = existingIds(Tables.CUSTOMERS.name(), 0);
            TableAppender customers = load.appender(Tables.CUSTOMERS);
            customerCountry.forEach((id, country) -> {
                if (knownCustomers.add(id)) {
                    customers.append(new Object[] {id, null, null, null, null, country, null, null, null});
                }
            });
            Set<String> knownProducts = existingIds(Tables.PRODUCTS.name(), 0);
            TableAppender productTable = load.appender(Tables.PRODUCTS);
            products.forEach((id, tally) -> {
                if (knownProducts.add(id)) {
                    productTable.append(new Object[] {
                        id, tally.title(), tally.title(), null, tally.price(), null, null, null, isMerchandise(id)
                    });
                }
            });
            Map<String, Long> added = load.commit(watermark, new LoadedFile(fileName, sha, read, Instant.now()));
            Map<String, Long> reasons = new LinkedHashMap<>();
            new EnumMap<>(quarantine.counts()).forEach((k, v) -> reasons.put(k.name(), v));
            return new ImportResult(
                    SOURCE,
                    fileName,
                    false,
                    read,
                    loaded,
                    quarantine.total(),
                    toReturns,
                    beforeWatermark,
                    added,
                    reasons,
                    watermark);
        }

        private Set<String> existingIds(String table, int column) {
            Set<String> ids = new HashSet<>();
            warehouse.forEachRow(Tables.byName(table), row -> ids.add((String) row[column]));
            return ids;
        }
    }

    private static String required(CSVRecord r, int i, String column) throws RowRejected {
        String value = r.get(i);
        if (value.isEmpty()) {
            throw new RowRejected(ReasonCode.MISSING_REQUIRED, column + " is empty");
        }
        return value;
    }

    private static LocalDateTime parseTime(String value) throws RowRejected {
        for (DateTimeFormatter format : DATE_FORMATS) {
            try {
                return LocalDateTime.parse(value, format);
            } catch (DateTimeParseException ignored) {
                // try the next format
            }
        }
        throw new RowRejected(ReasonCode.UNPARSEABLE_DATE, "InvoiceDate '" + value + "'");
    }

    private static int parseInt(String value, String column) throws RowRejected {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new RowRejected(ReasonCode.UNPARSEABLE_NUMBER, column + " '" + value + "'");
        }
    }

    private static double parseDouble(String value, String column) throws RowRejected {
        try {
            double d = Double.parseDouble(value);
            if (!Double.isFinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new RowRejected(ReasonCode.UNPARSEABLE_NUMBER, column + " '" + value + "'");
        }
    }

    /** {@code 17850.0} and {@code 17850} are the same customer; empty means a guest. */
    private static String customerId(String value) throws RowRejected {
        if (value.isEmpty()) {
            return null;
        }
        String id = value.endsWith(".0") ? value.substring(0, value.length() - 2) : value;
        if (!id.chars().allMatch(Character::isDigit)) {
            throw new RowRejected(ReasonCode.UNPARSEABLE_NUMBER, "CustomerID '" + value + "'");
        }
        return id;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** Most common description and purchase price of one stock code. */
    private static final class ProductTally {
        private final Map<String, Integer> descriptions = new HashMap<>();
        private final Map<Double, Integer> prices = new HashMap<>();

        void description(String d) {
            if (d != null) {
                descriptions.merge(d, 1, Integer::sum);
            }
        }

        void price(double p) {
            prices.merge(p, 1, Integer::sum);
        }

        String title() {
            return mostCommon(descriptions);
        }

        Double price() {
            return mostCommon(prices);
        }

        /** The most frequent key; ties go to the smallest key, so the choice never depends on hash order. */
        private static <K extends Comparable<K>> K mostCommon(Map<K, Integer> counts) {
            return counts.entrySet().stream()
                    .max(Map.Entry.<K, Integer>comparingByValue()
                            .thenComparing(Map.Entry.comparingByKey(java.util.Comparator.reverseOrder())))
                    .map(Map.Entry::getKey)
                    .orElse(null);
        }
    }
}
