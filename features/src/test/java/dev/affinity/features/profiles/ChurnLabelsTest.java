package dev.affinity.features.profiles;

import static dev.affinity.features.testing.Rows.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.affinity.features.warehouse.Tables;
import dev.affinity.features.warehouse.Warehouse;
import dev.affinity.features.warehouse.WarehouseLoad;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChurnLabelsTest {
    static final LocalDate T = LocalDate.of(2024, 6, 1);
    static final LocalDateTime CUT = T.atStartOfDay();

    @TempDir
    Path dir;

    @Test
    void labelsCustomersActiveBeforeTheCutoffByPurchasesInTheHorizon() {
        Warehouse w = Warehouse.open(dir);
        try (WarehouseLoad load = w.beginLoad("fixture")) {
            var orders = load.appender(Tables.ORDERS);
            orders.append(order("a1", 1, "stays", "p", 1, 1.0, CUT.minusDays(5)));
            orders.append(order("a2", 1, "stays", "p", 1, 1.0, CUT.plusDays(89)));
            orders.append(order("b1", 1, "leaves", "p", 1, 1.0, CUT.minusDays(5)));
            orders.append(order("b2", 1, "leaves", "p", 1, 1.0, CUT.plusDays(91))); // after the horizon
            orders.append(order("c1", 1, "edge", "p", 1, 1.0, CUT.minusDays(1)));
            orders.append(order("c2", 1, "edge", "p", 1, 1.0, CUT.plusDays(90))); // exactly T + H: inside
            orders.append(order("d1", 1, "new", "p", 1, 1.0, CUT.plusDays(1))); // not active before T
            orders.append(order("g1", 1, null, "p", 1, 1.0, CUT.minusDays(1))); // a guest has no label
            load.commit(null, null);
        }
        ChurnLabels labels = ChurnLabels.of(w, T, 90);
        assertThat(labels.labels()).isEqualTo(Map.of("stays", false, "leaves", true, "edge", false));
        assertThat(labels.windowComplete()).isTrue();
        assertThat(labels.churnRate()).isEqualTo(1 / 3.0);
        assertThat(ChurnLabels.of(w, T, 120).windowComplete()).isFalse();
    }

    @Test
    void theHorizonMustBePositive() {
        assertThatThrownBy(() -> new ChurnLabels(T, 0, true, Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("horizonDays");
    }
}
