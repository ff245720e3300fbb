package dev.affinity.features.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WarehouseTest {
    @TempDir
    Path dir;

    private static Object[] customer(String id, String email) {
        return new Object[] {id, email, "Ada", "Lovelace", "London", "UK", LocalDate.of(2024, 2, 29), true, null};
    }

    @Test
    void rowsRoundTripWithEveryTypeAndNulls() {
        Warehouse w = Warehouse.open(dir);
        LocalDateTime at = LocalDateTime.of(2024, 3, 1, 8, 26, 5, 123_456_000);
        try (WarehouseLoad load = w.beginLoad("test")) {
            load.appender(Tables.CUSTOMERS).append(customer("c1", "ada@example.com"));
            load.appender(Tables.ORDERS).append(new Object[] {"o1", 1, null, "p1", 3, 2.55, at, null, "web"});
            load.appender(Tables.QUARANTINE).append(new Object[] {"orders", "f.csv", 7L, "a,b", "RAGGED_ROW", null});
            load.commit(at, null);
        }
        List<Object[]> customers = new ArrayList<>();
        w.forEachRow(Tables.CUSTOMERS, customers::add);
        assertThat(customers).hasSize(1);
        assertThat(customers.get(0)).containsExactly(customer("c1", "ada@example.com"));
        List<Object[]> orders = new ArrayList<>();
        w.forEachRow(Tables.ORDERS, orders::add);
        assertThat(orders.get(0)).containsExactly("o1", 1, null, "p1", 3, 2.55, at, null, "web");
        assertThat(w.rowCount(Tables.QUARANTINE)).isEqualTo(1);
        assertThat(w.manifest().source("test").watermark()).isEqualTo(at);
    }

    @Test
    void partsRollOverAndKeepCommitOrder() {
        Warehouse w = Warehouse.open(dir);
        try (WarehouseLoad load = w.beginLoad("test")) {
            TableAppender customers = load.appender(Tables.CUSTOMERS, 2);
            for (int i = 0; i < 5; i++) {
                customers.append(customer("c" + i, null));
            }
            load.commit(null, null);
        }
        assertThat(w.parts(Tables.CUSTOMERS))
                .extracting(p -> p.getFileName().toString())
                .containsExactly("part-00000.parquet", "part-00001.parquet", "part-00002.parquet");
        List<Object> ids = new ArrayList<>();
        w.forEachRow(Tables.CUSTOMERS, r -> ids.add(r[0]));
        assertThat(ids).containsExactly("c0", "c1", "c2", "c3", "c4");
    }

    @Test
    void aLoadClosedWithoutCommitLeavesNothing() throws Exception {
        Warehouse w = Warehouse.open(dir);
        try (WarehouseLoad load = w.beginLoad("test")) {
            load.appender(Tables.CUSTOMERS).append(customer("c1", null));
        }
        assertThat(w.rowCount(Tables.CUSTOMERS)).isZero();
        assertThat(w.parts(Tables.CUSTOMERS)).isEmpty();
        try (var files = Files.walk(dir)) {
            assertThat(files.filter(p -> p.toString().endsWith(".parquet"))).isEmpty();
        }
    }

    @Test
    void aSecondConcurrentLoadIsRefused() {
        Warehouse w = Warehouse.open(dir);
        try (WarehouseLoad first = w.beginLoad("a")) {
            assertThatThrownBy(() -> w.beginLoad("b"))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("locked");
        }
        try (WarehouseLoad again = w.beginLoad("b")) {
            assertThat(again.warehouse()).isSameAs(w);
        }
    }

    @Test
    void aRequiredNullIsAProgrammingError() {
        Warehouse w = Warehouse.open(dir);
        try (WarehouseLoad load = w.beginLoad("test")) {
            assertThatThrownBy(() -> load.appender(Tables.CUSTOMERS).append(customer(null, null)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("customers.customer_id");
        }
    }

    @Test
    void parquetFilesAreZstdAndReadableByDuckDb() throws Exception {
        Warehouse w = Warehouse.open(dir);
        try (WarehouseLoad load = w.beginLoad("test")) {
            load.appender(Tables.CUSTOMERS).append(customer("c1", "ada@example.com"));
            load.commit(null, null);
        }
        try (WarehouseSql sql = WarehouseSql.open(w);
                var s = sql.connection().createStatement();
                var rs = s.executeQuery("SELECT count(*), min(signup_date), any_value(compression) FROM customers,"
                        + " parquet_metadata("
                        + WarehouseSql.literal(w.parts(Tables.CUSTOMERS).get(0).toString()) + ")")) {
            rs.next();
            assertThat(rs.getLong(1)).isGreaterThan(0);
            assertThat(rs.getObject(2).toString()).isEqualTo("2024-02-29");
            assertThat(rs.getString(3)).isEqualToIgnoringCase("ZSTD");
        }
    }
}
