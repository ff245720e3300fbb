package dev.affinity.features.profiles;

import static dev.affinity.features.testing.Rows.customer;
import static dev.affinity.features.testing.Rows.order;
import static dev.affinity.features.testing.Rows.product;
import static org.assertj.core.api.Assertions.assertThat;

import dev.affinity.features.progress.Progress;
import dev.affinity.features.warehouse.Tables;
import dev.affinity.features.warehouse.Warehouse;
import dev.affinity.features.warehouse.WarehouseLoad;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * RFM quintiles on hand-made populations. Score = 1 + floor(5 * percent_rank), capped at 5; with ten
 * distinct values that gives 1,1,2,2,3,3,4,4,5,5, and tied values share the lowest rank's score.
 */
class RfmScoreTest {
    static final LocalDate T = LocalDate.of(2024, 6, 1);

    @TempDir
    Path dir;

    /** Customer i places orders[i] orders of 10 each, the last one lastDaysAgo[i] days before T. */
    private Map<String, Map<String, Object>> profiles(int[] orders, int[] lastDaysAgo) {
        Warehouse w = Warehouse.open(dir);
        LocalDateTime cut = T.atStartOfDay();
        try (WarehouseLoad load = w.beginLoad("fixture")) {
            load.appender(Tables.PRODUCTS).append(product("p", "Any", 10.0));
            for (int i = 0; i < orders.length; i++) {
                String id = "c" + i;
                load.appender(Tables.CUSTOMERS).append(customer(id, "Austin", LocalDate.of(2023, 1, 1)));
                for (int k = 0; k < orders[i]; k++) {
                    LocalDateTime at = cut.minusDays(lastDaysAgo[i] + 30L * k).minusHours(1);
                    load.appender(Tables.ORDERS).append(order(id + "-" + k, 1, id, "p", 1, 10.0, at));
                }
            }
            load.commit(null, null);
        }
        CustomerProfiles p = new CustomerProfiles(w, Progress.NONE);
        p.compute(T);
        return p.read(T);
    }

    private static List<Object> scores(Map<String, Map<String, Object>> profiles, String column) {
        return profiles.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(e -> e.getValue().get(column))
                .toList();
    }

    @Test
    void tenDistinctValuesFallIntoPairs() {
        // c0 orders once, last 10 days ago; c9 orders ten times, last 1 day ago.
        var p = profiles(new int[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, new int[] {10, 9, 8, 7, 6, 5, 4, 3, 2, 1});
        List<Integer> pairs = List.of(1, 1, 2, 2, 3, 3, 4, 4, 5, 5);
        assertThat(scores(p, "f_score")).isEqualTo(pairs);
        assertThat(scores(p, "m_score")).isEqualTo(pairs);
        assertThat(scores(p, "r_score")).isEqualTo(pairs); // reversed: the most recent scores 5
        assertThat(scores(p, "recency_days")).isEqualTo(List.of(10, 9, 8, 7, 6, 5, 4, 3, 2, 1));
    }

    @Test
    void tiedValuesShareAScore() {
        var p = profiles(new int[] {1, 1, 1, 1, 2, 2, 3, 4, 5, 6}, new int[] {5, 5, 5, 5, 5, 5, 5, 5, 5, 5});
        assertThat(scores(p, "f_score")).isEqualTo(List.of(1, 1, 1, 1, 3, 3, 4, 4, 5, 5));
        assertThat(scores(p, "r_score")).containsOnly(1); // everyone equally recent
    }
}
