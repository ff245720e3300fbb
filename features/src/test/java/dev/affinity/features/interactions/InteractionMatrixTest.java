package dev.affinity.features.interactions;

import static dev.affinity.features.testing.Rows.event;
import static dev.affinity.features.testing.Rows.order;
import static dev.affinity.features.testing.Rows.product;
import static dev.affinity.features.testing.Rows.returned;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.affinity.features.warehouse.Tables;
import dev.affinity.features.warehouse.Warehouse;
import dev.affinity.features.warehouse.WarehouseLoad;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hand-made interactions, default weights (purchase 1, add-to-cart 0.3, view 0.1):
 *
 * <pre>
 * ada  p1: bought 3, returned 1, viewed twice  -> ln(1 + 2) + 0.1 ln(1 + 2) = 1.2084935
 * ada  p2: one add-to-cart                     -> 0.3 ln 2                 = 0.2079442
 * ada  post: postage is not merchandise        -> absent
 * bob  p3: bought 1, returned 1                -> 0, absent; bob has no row
 * cy   p2: bought 1 ten days before T          -> ln 2 = 0.6931472 (0.4054651 with a 10-day half-life)
 * cy   p1: bought after T                      -> absent
 * a guest purchase of p3                       -> absent
 * </pre>
 */
class InteractionMatrixTest {
    static final LocalDate T = LocalDate.of(2024, 6, 1);
    static final LocalDateTime CUT = T.atStartOfDay();

    @TempDir
    Path dir;

    private Warehouse warehouse;

    @BeforeEach
    void load() {
        warehouse = Warehouse.open(dir);
        try (WarehouseLoad load = warehouse.beginLoad("fixture")) {
            load.appender(Tables.PRODUCTS).append(product("p1", "Kitchen", 10));
            load.appender(Tables.PRODUCTS).append(product("p2", "Kitchen", 20));
            load.appender(Tables.PRODUCTS).append(product("p3", "Garden", 5));
            load.appender(Tables.PRODUCTS)
                    .append(new Object[] {"post", "POSTAGE", null, null, 18.0, null, null, true, false});
            var orders = load.appender(Tables.ORDERS);
            orders.append(order("o1", 1, "ada", "p1", 3, 10, CUT.minusDays(30)));
            orders.append(order("o1", 2, "ada", "post", 1, 18, CUT.minusDays(30)));
            orders.append(order("o2", 1, "bob", "p3", 1, 5, CUT.minusDays(20)));
            orders.append(order("o3", 1, "cy", "p2", 1, 20, CUT.minusDays(10)));
            orders.append(order("o4", 1, "cy", "p1", 1, 10, CUT.plusDays(1)));
            orders.append(order("o5", 1, null, "p3", 4, 5, CUT.minusDays(3)));
            var returns = load.appender(Tables.RETURNS);
            returns.append(returned("r1", "ada", "p1", 1, 10, CUT.minusDays(25)));
            returns.append(returned("r2", "bob", "p3", 1, 5, CUT.minusDays(15)));
            var events = load.appender(Tables.EVENTS);
            events.append(event("e1", "ada", "s1", "view", "p1", CUT.minusDays(31)));
            events.append(event("e2", "ada", "s1", "view", "p1", CUT.minusDays(31)));
            events.append(event("e3", "ada", "s2", "add_to_cart", "p2", CUT.minusDays(2)));
            events.append(event("e4", "ada", "s2", "search", null, CUT.minusDays(2)));
            load.commit(null, null);
        }
    }

    @Test
    void weightsPurchasesNetOfReturnsCartsAndViews() {
        InteractionMatrix m = InteractionMatrix.build(warehouse, T, InteractionWeights.DEFAULT);
        assertThat(m.users()).containsExactly("ada", "cy");
        assertThat(m.items()).containsExactly("p1", "p2");
        assertThat(m.indptr()).containsExactly(0, 2, 3);
        assertThat(m.indices()).containsExactly(0, 1, 1);
        assertThat(m.confidence("ada", "p1")).isCloseTo((float) (1.1 * Math.log(3)), within(1e-6f));
        assertThat(m.confidence("ada", "p2")).isCloseTo((float) (0.3 * Math.log(2)), within(1e-6f));
        assertThat(m.confidence("cy", "p2")).isCloseTo((float) Math.log(2), within(1e-6f));
        assertThat(m.confidence("ada", "post")).isZero();
        assertThat(m.confidence("bob", "p3")).isZero();
    }

    @Test
    void recordsTheLatestPurchaseOrBrowseOfEachPair() {
        InteractionMatrix m = InteractionMatrix.build(warehouse, T, InteractionWeights.DEFAULT);
        // ada p1: bought at T - 30 after viewing at T - 31; ada p2: add-to-cart at T - 2; cy p2: bought at T - 10.
        assertThat(m.lastAtMillis())
                .containsExactly(millis(CUT.minusDays(30)), millis(CUT.minusDays(2)), millis(CUT.minusDays(10)));
    }

    private static long millis(LocalDateTime t) {
        return t.toInstant(java.time.ZoneOffset.UTC).toEpochMilli();
    }

    @Test
    void decaysWithAHalfLife() {
        InteractionMatrix m = InteractionMatrix.build(warehouse, T, InteractionWeights.DEFAULT.withHalfLife(10));
        assertThat(m.confidence("cy", "p2")).isCloseTo((float) Math.log(1.5), within(1e-6f));
    }

    @Test
    void anEarlierCutoffSeesLess() {
        InteractionMatrix m = InteractionMatrix.build(warehouse, T.minusDays(18), InteractionWeights.DEFAULT);
        assertThat(m.users()).containsExactly("ada", "bob");
        assertThat(m.items()).containsExactly("p1", "p3"); // ada's add-to-cart and cy's order come later
        // bob's return (T - 15) comes after this cutoff (T - 18), so his purchase still counts.
        assertThat(m.confidence("bob", "p3")).isCloseTo((float) Math.log(2), within(1e-6f));
    }

    @Test
    void weightsAreValidated() {
        assertThatThrownBy(() -> new InteractionWeights(-1, 0, 0, 0)).hasMessageContaining("purchase=-1.0");
        assertThatThrownBy(() -> new InteractionWeights(0, 0, 0, 0)).hasMessageContaining("at least one");
    }
}
