package dev.affinity.features.quality;

import static org.assertj.core.api.Assertions.assertThat;

import dev.affinity.features.ingest.CsvImporter;
import dev.affinity.features.ingest.ImportResult;
import dev.affinity.features.ingest.OnlineRetailImporter;
import dev.affinity.features.progress.Progress;
import dev.affinity.features.warehouse.Tables;
import dev.affinity.features.warehouse.Warehouse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One row of each kind of defect lands in quarantine, whole, with its reason and line. */
class QuarantineTest {
    @TempDir
    Path dir;

    /** Line number -> reason code of every quarantined row. */
    private static Map<Long, String> quarantined(Warehouse w) {
        Map<Long, String> byLine = new TreeMap<>();
        w.forEachRow(Tables.QUARANTINE, r -> byLine.put((Long) r[2], (String) r[4]));
        return byLine;
    }

    @Test
    void onlineRetailDefects() throws Exception {
        Path csv = dir.resolve("retail.csv");
        Files.writeString(
                csv,
                String.join(
                                "\n",
                                "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country",
                                "536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,2010-12-01 08:26:00,2.55,17850.0,United Kingdom",
                                "536365,71053,WHITE METAL LANTERN,6,2010-12-01 08:26:00,3.39,17850.0,United Kingdom",
                                "536365,71053,WHITE METAL LANTERN,6,2010-12-01 08:26:00,3.39,17850.0,United Kingdom",
                                "536366,22633,HAND WARMER UNION JACK,6,2010-12-01 08:28:00,1.85,,United Kingdom",
                                "536367,84879,ASSORTED COLOUR BIRD ORNAMENT,-3,2010-12-01 08:34:00,1.69,13047.0,United Kingdom",
                                "536368,22960,JAM MAKING SET WITH JARS,6,2010-12-01 08:34:00,0,13047.0,United Kingdom",
                                "536369,21756,BATH BUILDING BLOCK WORD,three,2010-12-01 08:35:00,5.95,13047.0,United Kingdom",
                                "536370,22728,ALARM CLOCK BAKELIKE PINK,24,yesterday,3.75,12583.0,France",
                                ",22727,ALARM CLOCK BAKELIKE RED,24,2010-12-01 08:45:00,3.75,12583.0,France",
                                "536371,22086,PAPER CHAIN KIT,80,2010-12-01 09:00:00,2.55",
                                "C536379,D,Discount,-1,2010-12-01 09:41:00,27.5,14527.0,United Kingdom")
                        + "\n");
        Warehouse w = Warehouse.open(dir.resolve("wh"));
        ImportResult r = new OnlineRetailImporter(w, Progress.NONE).importFile(csv);

        assertThat(quarantined(w))
                .containsExactly(
                        Map.entry(4L, "DUPLICATE_ROW"),
                        Map.entry(6L, "NON_POSITIVE_QUANTITY"),
                        Map.entry(7L, "NON_POSITIVE_PRICE"),
                        Map.entry(8L, "UNPARSEABLE_NUMBER"),
                        Map.entry(9L, "UNPARSEABLE_DATE"),
                        Map.entry(10L, "MISSING_REQUIRED"),
                        Map.entry(11L, "RAGGED_ROW"));
        assertThat(r.rowsRead()).isEqualTo(11);
        assertThat(r.rowsLoaded()).isEqualTo(3); // two lines of 536365 and the guest purchase
        assertThat(r.rowsToReturns()).isEqualTo(1);
        assertThat(r.conserved()).isTrue();
        // The raw row is kept whole, so it can be fixed and loaded again.
        int raw = Tables.QUARANTINE.indexOf("raw_row");
        StringBuilder rows = new StringBuilder();
        w.forEachRow(Tables.QUARANTINE, q -> rows.append(q[raw]).append('\n'));
        assertThat(rows.toString()).contains("536370,22728,ALARM CLOCK BAKELIKE PINK,24,yesterday,3.75,12583.0,France");
    }

    @Test
    void crmExportDefects() throws Exception {
        Path csv = dir.resolve("crm.csv");
        Files.writeString(
                csv,
                String.join(
                                "\n",
                                "Id,Mail,First,Joined,Consent",
                                "c1,ada@example.com,Ada,01/02/2024,yes",
                                "c2,not-an-email,Bob,01/02/2024,no",
                                "c1,ada2@example.com,Ada,01/02/2024,yes",
                                ",eve@example.com,Eve,01/02/2024,yes",
                                "c3,carl@example.com,Carl,2024-02-01,yes",
                                "c4,dora@example.com,Dora,01/02/2024,maybe",
                                "c5,ed@example.com,Ed,01/02/2024,no")
                        + "\n");
        Path mapping = dir.resolve("crm.json");
        Files.writeString(mapping, """
                {"columns": {
                  "customer_id": "Id", "email": "Mail", "first_name": {"from": "First"},
                  "signup_date": {"from": "Joined", "format": "dd/MM/yyyy"},
                  "email_opt_in": "Consent", "country": {"constant": "GB"}}}
                """);
        Warehouse w = Warehouse.open(dir.resolve("wh"));
        ImportResult r = new CsvImporter(w, Progress.NONE).importFile(Tables.CUSTOMERS, csv, mapping, "crm");

        assertThat(quarantined(w))
                .containsExactly(
                        Map.entry(3L, "INVALID_EMAIL"),
                        Map.entry(4L, "DUPLICATE_ID"),
                        Map.entry(5L, "MISSING_REQUIRED"),
                        Map.entry(6L, "UNPARSEABLE_DATE"),
                        Map.entry(7L, "INVALID_VALUE"));
        assertThat(r.rowsLoaded()).isEqualTo(2);
        assertThat(r.conserved()).isTrue();
        Map<String, Object> ada = new TreeMap<>();
        w.forEachRow(Tables.CUSTOMERS, c -> {
            if (c[0].equals("c1")) {
                ada.putAll(Tables.CUSTOMERS.asMap(c));
            }
        });
        assertThat(ada)
                .containsEntry("email", "ada@example.com")
                .containsEntry("signup_date", java.time.LocalDate.of(2024, 2, 1))
                .containsEntry("email_opt_in", true)
                .containsEntry("country", "GB");
    }

    @Test
    void eventDefects() throws Exception {
        Path csv = dir.resolve("events.tsv");
        Files.writeString(
                csv,
                String.join(
                                "\n",
                                "user\tkind\titem\tts",
                                "u1\tview\tp1\t2024-03-01 10:00:00",
                                "u1\thover\tp1\t2024-03-01 10:00:05",
                                "u1\tADD_TO_CART\tp1\t2024-03-01 10:01:00",
                                "u1\tview\tp2\t")
                        + "\n");
        Path mapping = dir.resolve("events.json");
        Files.writeString(mapping, """
                {"delimiter": "\\t", "columns": {"customer_id": "user", "event_type": "kind",
                 "product_id": "item", "occurred_at": "ts"}}
                """);
        Warehouse w = Warehouse.open(dir.resolve("wh"));
        ImportResult r = new CsvImporter(w, Progress.NONE).importFile(Tables.EVENTS, csv, mapping, "web");

        assertThat(quarantined(w)).containsExactly(Map.entry(3L, "INVALID_VALUE"), Map.entry(5L, "MISSING_REQUIRED"));
        assertThat(r.rowsLoaded()).isEqualTo(2);
        int type = Tables.EVENTS.indexOf("event_type");
        StringBuilder types = new StringBuilder();
        w.forEachRow(Tables.EVENTS, e -> types.append(e[type]).append(' '));
        assertThat(types.toString()).isEqualTo("view add_to_cart ");
    }
}
