package dev.affinity.features.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.affinity.features.progress.Progress;
import dev.affinity.features.testing.SharedData;
import dev.affinity.features.warehouse.TableSchema;
import dev.affinity.features.warehouse.Tables;
import dev.affinity.features.warehouse.Warehouse;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Imports the real UCI Online Retail file and checks it against the facts known about it. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OnlineRetailImportIT {
    private Path dir;
    private Path file;
    private Warehouse warehouse;
    private ImportResult first;

    @BeforeAll
    void importOnce(@TempDir Path tempDir) throws Exception {
        dir = tempDir;
        file = SharedData.onlineRetail();
        warehouse = Warehouse.open(dir.resolve("full"));
        first = new OnlineRetailImporter(warehouse, Progress.NONE).importFile(file);
    }

    @Test
    void readsEveryRowAndConservesThem() {
        assertThat(first.rowsRead()).isEqualTo(541_909);
        assertThat(first.conserved()).isTrue();
        assertThat(first.rowsLoaded() + first.rowsQuarantined() + first.rowsToReturns())
                .isEqualTo(541_909);
        assertThat(warehouse.rowCount(Tables.ORDERS)).isEqualTo(first.rowsLoaded());
        assertThat(warehouse.rowCount(Tables.RETURNS)).isEqualTo(first.rowsToReturns());
        assertThat(warehouse.rowCount(Tables.QUARANTINE)).isEqualTo(first.rowsQuarantined());
        // 5,268 exact duplicate rows are known in this file; all of them are quarantined as such.
        assertThat(first.quarantinedByReason()).containsEntry("DUPLICATE_ROW", 5_268L);
        assertThat(first.quarantinedByReason().keySet())
                .containsExactlyInAnyOrder("DUPLICATE_ROW", "NON_POSITIVE_QUANTITY", "NON_POSITIVE_PRICE");
        // 9,288 cancellation rows, less the 37 that duplicate another cancellation row.
        assertThat(first.rowsToReturns()).isEqualTo(9_251);
    }

    @Test
    void derivesAllCustomersAndProducts() {
        assertThat(warehouse.rowCount(Tables.CUSTOMERS)).isEqualTo(4_372);
        assertThat(distinct(Tables.PRODUCTS, "product_id")).hasSize(4_070);
        Set<String> referenced = distinct(Tables.ORDERS, "product_id");
        referenced.addAll(distinct(Tables.RETURNS, "product_id"));
        assertThat(distinct(Tables.PRODUCTS, "product_id")).containsAll(referenced);
        Map<String, Object> postage = find(Tables.PRODUCTS, "POST");
        assertThat(postage.get("is_merchandise")).isEqualTo(false);
        assertThat(postage.get("title")).isEqualTo("POSTAGE");
        Map<String, Object> heart = find(Tables.PRODUCTS, "85123A");
        assertThat(heart.get("is_merchandise")).isEqualTo(true);
        assertThat(heart.get("price")).isEqualTo(2.95);
        assertThat(heart.get("category")).isNull(); // the file has no categories: none invented
    }

    @Test
    void accountsForEveryInvoice() throws IOException {
        Set<String> invoices = distinct(Tables.ORDERS, "order_id");
        invoices.addAll(distinct(Tables.RETURNS, "return_id"));
        int raw = Tables.QUARANTINE.indexOf("raw_row");
        Set<String> quarantined = new HashSet<>();
        warehouse.forEachRow(Tables.QUARANTINE, row -> quarantined.add(firstField((String) row[raw])));
        invoices.addAll(quarantined);
        assertThat(invoices).hasSize(25_900);
    }

    @Test
    void keepsGuestPurchasesAsAnonymousOrders() {
        int customer = Tables.ORDERS.indexOf("customer_id");
        long[] guests = {0};
        warehouse.forEachRow(Tables.ORDERS, row -> guests[0] += row[customer] == null ? 1 : 0);
        // 135,080 rows have no CustomerID; all but the quarantined and cancelled ones stay as orders.
        assertThat(guests[0]).isEqualTo(132_186L);
    }

    @Test
    void aSecondImportOfTheSameFileAddsNothing() throws Exception {
        long orders = warehouse.rowCount(Tables.ORDERS);
        ImportResult again = new OnlineRetailImporter(warehouse, Progress.NONE).importFile(file);
        assertThat(again.unchanged()).isTrue();
        assertThat(again.rowsAdded()).isEmpty();
        assertThat(warehouse.rowCount(Tables.ORDERS)).isEqualTo(orders);
    }

    @Test
    void anIncrementalLoadAddsOnlyRowsPastTheWatermark() throws Exception {
        Path firstHalf = dir.resolve("until-june.csv.gz");
        long halfRows = copyUntil(file, firstHalf, "2011-07-01");
        Warehouse incremental = Warehouse.open(dir.resolve("incremental"));
        OnlineRetailImporter importer = new OnlineRetailImporter(incremental, Progress.NONE);
        ImportResult a = importer.importFile(firstHalf);
        ImportResult b = importer.importFile(file);
        assertThat(a.rowsRead()).isEqualTo(halfRows);
        assertThat(b.rowsBeforeWatermark()).isEqualTo(halfRows);
        assertThat(b.conserved()).isTrue();
        for (TableSchema t : Tables.ALL) {
            assertThat(incremental.rowCount(t)).as(t.name()).isEqualTo(warehouse.rowCount(t));
        }
    }

    private static long copyUntil(Path source, Path target, String firstExcludedDate) throws IOException {
        long rows = 0;
        try (BufferedReader in = InputFiles.openText(source);
                BufferedWriter out = new BufferedWriter(new OutputStreamWriter(
                        new GZIPOutputStream(Files.newOutputStream(target)), StandardCharsets.UTF_8))) {
            out.write(in.readLine());
            out.newLine();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.contains("," + firstExcludedDate)) {
                    break; // rows are in date order
                }
                out.write(line);
                out.newLine();
                rows++;
            }
        }
        return rows;
    }

    private static String firstField(String csv) {
        try (CSVParser p = CSVParser.parse(csv, CSVFormat.DEFAULT)) {
            return p.getRecords().get(0).get(0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private Set<String> distinct(TableSchema table, String column) {
        int i = table.indexOf(column);
        Set<String> values = new HashSet<>();
        warehouse.forEachRow(table, row -> values.add((String) row[i]));
        return values;
    }

    private Map<String, Object> find(TableSchema table, String id) {
        AtomicReference<Map<String, Object>> found = new AtomicReference<>();
        warehouse.forEachRow(table, row -> {
            if (id.equals(row[0])) {
                found.set(table.asMap(row));
            }
        });
        assertThat(found.get()).as(table.name() + " " + id).isNotNull();
        return found.get();
    }
}
