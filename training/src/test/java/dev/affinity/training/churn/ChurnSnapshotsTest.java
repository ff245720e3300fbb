package dev.affinity.training.churn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.affinity.features.warehouse.Tables;
import dev.affinity.features.warehouse.Warehouse;
import dev.affinity.features.warehouse.WarehouseLoad;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hand-made timeline around the cutoff T = 2024-06-01, horizon 30 days:
 *
 * <pre>
 * ann:  orders T-100 (10.0), T-10 (20.0); buys again at T+5 (500.0)  -> active, stays
 * bob:  order T-40 (5.0); next order T+31, after the horizon         -> active, churned
 * cat:  order T-1 second (7.0); order exactly at T (900.0)           -> active, churned: an order at T
 *       itself is neither a feature (not before T) nor a label purchase (not after T)
 * dan:  first order at T+2                                           -> not active before T: no row
 * </pre>
 *
 * Features see only rows strictly before T: ann has frequency 2, monetary 30, recency 10; the
 * orders at and after T change nothing, which the second warehouse (without them) proves.
 */
class ChurnSnapshotsTest {
    static final LocalDate T = LocalDate.of(2024, 6, 1);
    static final LocalDateTime CUT = T.atStartOfDay();

    @TempDir
    Path dir;

    private Warehouse warehouse(String name, boolean withFuture) {
        Warehouse w = Warehouse.open(dir.resolve(name));
        try (WarehouseLoad load = w.beginLoad("fixture")) {
            var customers = load.appender(Tables.CUSTOMERS);
            for (String c : List.of("ann", "bob", "cat", "dan")) {
                customers.append(new Object[] {c, c + "@example.com", "F", "L", "Paris", "FR", null, true, false});
            }
            var orders = load.appender(Tables.ORDERS);
            orders.append(order("a1", "ann", 10.0, CUT.minusDays(100)));
            orders.append(order("a2", "ann", 20.0, CUT.minusDays(10)));
            orders.append(order("b1", "bob", 5.0, CUT.minusDays(40)));
            orders.append(order("c1", "cat", 7.0, CUT.minusSeconds(1)));
            if (withFuture) {
                orders.append(order("a3", "ann", 500.0, CUT.plusDays(5)));
                orders.append(order("b2", "bob", 5.0, CUT.plusDays(31)));
                orders.append(order("c2", "cat", 900.0, CUT));
                orders.append(order("d1", "dan", 3.0, CUT.plusDays(2)));
            } else {
                orders.append(order("z1", "dan", 1.0, CUT.plusDays(60))); // keeps the label window complete
            }
            load.commit(null, null);
        }
        return w;
    }

    private static Object[] order(String id, String customer, double price, LocalDateTime at) {
        return new Object[] {id, 1, customer, "p1", 1, price, at, "FR", "web"};
    }

    @Test
    void labelsAndFeaturesFollowTheWindows() {
        ChurnTable t = ChurnSnapshots.snapshot(warehouse("w", true), T, 30);
        assertThat(t.ids()).containsExactly("ann@2024-06-01", "bob@2024-06-01", "cat@2024-06-01");
        assertThat(t.groups()).containsExactly("ann", "bob", "cat");
        assertThat(t.churned()).containsExactly(false, true, true);
        int recency = t.features().indexOf("recency_days");
        int frequency = t.features().indexOf("frequency");
        int monetary = t.features().indexOf("monetary");
        assertThat(t.x()[0][recency]).isEqualTo(10);
        assertThat(t.x()[0][frequency]).isEqualTo(2);
        assertThat(t.x()[0][monetary]).isEqualTo(30);
        assertThat(t.x()[1][recency]).isEqualTo(40);
        assertThat(t.x()[2][recency]).isEqualTo(0);
        assertThat(t.x()[2][monetary]).isEqualTo(7);
        assertThat(t.x()[0][t.features().indexOf("email_open_rate")]).isNaN(); // no e-mail: missing, not zero
    }

    @Test
    void noFeatureSeesDataAtOrAfterTheCutoff() {
        ChurnTable with = ChurnSnapshots.snapshot(warehouse("with", true), T, 30);
        ChurnTable without = ChurnSnapshots.snapshot(warehouse("without", false), T, 30);
        assertThat(without.ids()).isEqualTo(with.ids());
        for (int r = 0; r < with.size(); r++) {
            assertThat(without.x()[r]).as(with.ids().get(r)).containsExactly(with.x()[r]);
        }
    }

    @Test
    void stackedCutoffsKeepTheCustomerAsGroupAndIncompleteWindowsAreRefused() {
        Warehouse w = warehouse("w", true);
        ChurnTable stacked = ChurnSnapshots.table(w, List.of(T.minusDays(20), T), 30);
        // At T-20 only ann (T-100) and bob (T-40) had bought; ann bought at T-10, bob did not.
        assertThat(stacked.ids())
                .containsExactly(
                        "ann@2024-05-12", "bob@2024-05-12", "ann@2024-06-01", "bob@2024-06-01", "cat@2024-06-01");
        assertThat(stacked.churned()).containsExactly(false, true, false, true, true);
        assertThatThrownBy(() -> ChurnSnapshots.snapshot(w, T, 60))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("reaches past the last order");
        assertThatThrownBy(() -> new ChurnProtocol(List.of(T.minusDays(20)), T, 30, 0.2, 1))
                .hasMessageContaining("would overlap the test");
    }
}
