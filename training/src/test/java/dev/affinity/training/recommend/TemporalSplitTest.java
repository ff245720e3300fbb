package dev.affinity.training.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.affinity.features.interactions.InteractionWeights;
import dev.affinity.features.warehouse.Tables;
import dev.affinity.features.warehouse.Warehouse;
import dev.affinity.features.warehouse.WarehouseLoad;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Before T: ann buys p1 and p2, bob buys p2. From T on: ann buys p2 again (seen: excluded) and p3
 * (relevant), bob buys p9 (new since T: relevant but unknown to any model), cat (new customer) buys
 * p1 (not evaluated), and after the horizon ann buys p4 (outside the window).
 */
class TemporalSplitTest {
    static final LocalDate T = LocalDate.of(2024, 6, 1);

    @TempDir
    Path dir;

    private static Object[] order(String id, String customer, String product, LocalDateTime at) {
        return new Object[] {id, 1, customer, product, 1, 10.0, at, "US", "web"};
    }

    private static Object[] product(String id) {
        return new Object[] {id, id, null, null, 10.0, null, null, true, true};
    }

    @Test
    void testsOnNewPurchasesOfKnownCustomersAndNeverShowsThemToTraining() {
        Warehouse w = Warehouse.open(dir);
        LocalDateTime cut = T.atStartOfDay();
        try (WarehouseLoad load = w.beginLoad("fixture")) {
            for (String p : new String[] {"p1", "p2", "p3", "p4", "p9"}) {
                load.appender(Tables.PRODUCTS).append(product(p));
            }
            var orders = load.appender(Tables.ORDERS);
            orders.append(order("o1", "ann", "p1", cut.minusDays(10)));
            orders.append(order("o2", "ann", "p2", cut.minusDays(5)));
            orders.append(order("o3", "bob", "p2", cut.minusSeconds(1)));
            orders.append(order("o4", "ann", "p2", cut));
            orders.append(order("o5", "ann", "p3", cut.plusDays(3)));
            orders.append(order("o6", "bob", "p9", cut.plusDays(4)));
            orders.append(order("o7", "cat", "p1", cut.plusDays(5)));
            orders.append(order("o8", "ann", "p4", cut.plusDays(30)));
            load.commit(null, null);
        }
        TemporalSplit split = TemporalSplit.of(w, T, 30, InteractionWeights.DEFAULT);
        TrainingData data = split.data();
        assertThat(data.users().ids()).containsExactly("ann", "bob");
        assertThat(data.items().ids()).containsExactly("p1", "p2"); // nothing from T on reaches training
        assertThat(split.split().train().nnz()).isEqualTo(3);
        int p3 = data.items().size(); // unknown to the model: numbered after the known items
        int p9 = data.items().size() + 1;
        assertThat(split.split().heldOut().get(0)).containsExactly(p3);
        assertThat(split.split().heldOut().get(1)).containsExactly(p9);
        assertThat(split.evaluatedUsers()).isEqualTo(2);
    }
}
