package dev.affinity.features.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.affinity.features.progress.Progress;
import dev.affinity.features.warehouse.Tables;
import dev.affinity.features.warehouse.Warehouse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvImporterTest {
    @TempDir
    Path dir;

    private Warehouse warehouse;
    private CsvImporter importer;
    private Path mapping;

    @BeforeEach
    void setUp() throws Exception {
        warehouse = Warehouse.open(dir.resolve("wh"));
        importer = new CsvImporter(warehouse, Progress.NONE);
        mapping = dir.resolve("orders.json");
        Files.writeString(mapping, """
                {"columns": {"order_id": "order", "customer_id": "customer", "product_id": "sku",
                  "quantity": "qty", "unit_price": "price",
                  "ordered_at": {"from": "when", "format": "dd.MM.yyyy HH:mm"},
                  "channel": {"constant": "store"}}}
                """);
    }

    private Path csv(String name, String... rows) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, "order,customer,sku,qty,price,when\n" + String.join("\n", rows) + "\n");
        return file;
    }

    @Test
    void loadsWithRenamesFormatsConstantsAndLineNumbers() throws Exception {
        ImportResult r = importer.importFile(
                Tables.ORDERS,
                csv("jan.csv", "o1,c1,s1,2,3.5,05.01.2024 10:00", "o1,c1,s2,1,9.0,05.01.2024 10:00"),
                mapping,
                "pos");
        assertThat(r.rowsLoaded()).isEqualTo(2);
        List<Object[]> rows = new ArrayList<>();
        warehouse.forEachRow(Tables.ORDERS, rows::add);
        assertThat(rows.get(1))
                .containsExactly("o1", 2, "c1", "s2", 1, 9.0, LocalDateTime.of(2024, 1, 5, 10, 0), null, "store");
    }

    @Test
    void isIdempotentAndIncrementalByWatermark() throws Exception {
        Path jan = csv("jan.csv", "o1,c1,s1,2,3.5,05.01.2024 10:00", "o2,c2,s1,1,3.5,20.01.2024 09:00");
        Path janFeb = csv(
                "jan-feb.csv",
                "o1,c1,s1,2,3.5,05.01.2024 10:00",
                "o2,c2,s1,1,3.5,20.01.2024 09:00",
                "o3,c1,s3,1,7.0,02.02.2024 12:00");
        assertThat(importer.importFile(Tables.ORDERS, jan, mapping, "pos").rowsLoaded())
                .isEqualTo(2);
        ImportResult again = importer.importFile(Tables.ORDERS, jan, mapping, "pos");
        assertThat(again.unchanged()).isTrue();
        ImportResult next = importer.importFile(Tables.ORDERS, janFeb, mapping, "pos");
        assertThat(next.unchanged()).isFalse();
        assertThat(next.rowsBeforeWatermark()).isEqualTo(2);
        assertThat(next.rowsLoaded()).isEqualTo(1);
        assertThat(next.conserved()).isTrue();
        assertThat(next.watermark()).isEqualTo(LocalDateTime.of(2024, 2, 2, 12, 0));
        assertThat(warehouse.rowCount(Tables.ORDERS)).isEqualTo(3);
    }

    @Test
    void aBadMappingNamesTheFileAndColumnAndLoadsNothing() throws Exception {
        Path file = csv("jan.csv", "o1,c1,s1,2,3.5,05.01.2024 10:00");
        Path unknownColumn = dir.resolve("bad1.json");
        Files.writeString(unknownColumn, "{\"columns\": {\"order_id\": \"order\", \"colour\": \"sku\"}}");
        assertThatThrownBy(() -> importer.importFile(Tables.ORDERS, file, unknownColumn, "pos"))
                .isInstanceOf(InputException.class)
                .hasMessage("bad1.json: table orders has no column 'colour'");
        Path unknownHeader = dir.resolve("bad2.json");
        Files.writeString(unknownHeader, "{\"columns\": {\"order_id\": \"invoice\"}}");
        assertThatThrownBy(() -> importer.importFile(Tables.ORDERS, file, unknownHeader, "pos"))
                .hasMessageContaining("bad2.json: column 'order_id': the CSV has no column 'invoice'");
        Path missingRequired = dir.resolve("bad3.json");
        Files.writeString(missingRequired, "{\"columns\": {\"order_id\": \"order\"}}");
        assertThatThrownBy(() -> importer.importFile(Tables.ORDERS, file, missingRequired, "pos"))
                .hasMessageContaining("bad3.json: required column 'product_id' of orders is not mapped");
        Path notJson = dir.resolve("bad4.json");
        Files.writeString(notJson, "{columns: ");
        assertThatThrownBy(() -> importer.importFile(Tables.ORDERS, file, notJson, "pos"))
                .hasMessageStartingWith("bad4.json");
        assertThat(warehouse.rowCount(Tables.ORDERS)).isZero();
        assertThat(warehouse.rowCount(Tables.QUARANTINE)).isZero();
    }

    @Test
    void aMissingInputFileIsNamed() {
        assertThatThrownBy(() -> importer.importFile(Tables.ORDERS, dir.resolve("nope.csv"), mapping, "pos"))
                .hasMessageContaining("nope.csv");
    }
}
