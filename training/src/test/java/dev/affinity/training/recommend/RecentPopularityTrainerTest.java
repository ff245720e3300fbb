package dev.affinity.training.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.affinity.features.warehouse.Tables;
import dev.affinity.features.warehouse.Warehouse;
import dev.affinity.models.artifact.IdIndex;
import dev.affinity.models.recommend.PopularityModel;
import dev.affinity.training.als.Csr;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "old" was bought by three customers 100 days before T; "new" by one customer and two guest orders
 * within the last 30 days; "later" only after T; "fee" is not merchandise.
 */
class RecentPopularityTrainerTest {
    static final LocalDate T = LocalDate.of(2024, 6, 1);

    @TempDir
    Path dir;

    @Test
    void countsDistinctRecentBuyersWithGuestsPerOrder() {
        Warehouse w = Warehouse.open(dir);
        LocalDateTime cut = T.atStartOfDay();
        try (var load = w.beginLoad("fixture")) {
            for (String p : List.of("old", "new", "later")) {
                load.appender(Tables.PRODUCTS).append(new Object[] {p, p, null, null, 1.0, null, null, true, true});
            }
            load.appender(Tables.PRODUCTS)
                    .append(new Object[] {"fee", "fee", null, null, 1.0, null, null, true, false});
            var orders = load.appender(Tables.ORDERS);
            int n = 0;
            for (String c : List.of("a", "b", "c")) {
                orders.append(new Object[] {"o" + n++, 1, c, "old", 1, 1.0, cut.minusDays(100), null, null});
            }
            orders.append(new Object[] {"o" + n++, 1, "a", "new", 1, 1.0, cut.minusDays(3), null, null});
            orders.append(new Object[] {"o" + n++, 2, "a", "new", 1, 1.0, cut.minusDays(3), null, null});
            orders.append(new Object[] {"g1", 1, null, "new", 1, 1.0, cut.minusDays(2), null, null});
            orders.append(new Object[] {"g2", 1, null, "new", 1, 1.0, cut.minusDays(1), null, null});
            orders.append(new Object[] {"o" + n++, 1, "b", "later", 1, 1.0, cut, null, null});
            orders.append(new Object[] {"o" + n, 1, "b", "fee", 1, 1.0, cut.minusDays(1), null, null});
            load.commit(null, null);
        }
        TrainingData data = new TrainingData(
                new IdIndex(List.of("a")),
                new IdIndex(List.of("old")),
                new Csr(1, 1, new int[] {0, 1}, new int[] {0}, new float[] {1}));
        var model = (PopularityModel) new RecentPopularityTrainer(w, T, 30).train(data);
        assertThat(model.items().ids()).containsExactly("new", "old");
        assertThat(model.popularity()).containsExactly(3f, 0f);
    }
}
