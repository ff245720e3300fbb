package dev.affinity.features.generate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.affinity.features.warehouse.Tables;
import dev.affinity.features.warehouse.Warehouse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Planted category tastes must be recoverable from purchases alone. */
class PlantedTasteTest {
    @TempDir
    Path dir;

    @Test
    void mostCustomersBuyMostInTheirPlantedTopCategory() {
        Warehouse warehouse = Warehouse.open(dir);
        SyntheticWarehouse.generate(warehouse, GeneratorConfig.of(2_000, 500, 60, 11), (s, d, t) -> {});

        Map<String, String> categoryOf = new HashMap<>();
        int category = Tables.PRODUCTS.indexOf("category");
        warehouse.forEachRow(Tables.PRODUCTS, row -> categoryOf.put((String) row[0], (String) row[category]));
        Map<String, Map<String, Integer>> bought = new HashMap<>();
        int customer = Tables.ORDERS.indexOf("customer_id");
        int product = Tables.ORDERS.indexOf("product_id");
        warehouse.forEachRow(
                Tables.ORDERS,
                row -> bought.computeIfAbsent((String) row[customer], c -> new TreeMap<>())
                        .merge(categoryOf.get((String) row[product]), 1, Integer::sum));
        Map<String, String> planted = new HashMap<>();
        int top = GeneratorTruth.TABLE.indexOf("top_category");
        warehouse.forEachRow(GeneratorTruth.TABLE, row -> planted.put((String) row[0], (String) row[top]));

        int eligible = 0;
        int recovered = 0;
        for (Map.Entry<String, Map<String, Integer>> e : bought.entrySet()) {
            Map<String, Integer> counts = e.getValue();
            if (counts.values().stream().mapToInt(Integer::intValue).sum() < 3) {
                continue;
            }
            eligible++;
            // Ties go to the alphabetically first category (TreeMap order), so they count against us.
            String mostBought = null;
            int most = 0;
            for (Map.Entry<String, Integer> c : counts.entrySet()) {
                if (c.getValue() > most) {
                    most = c.getValue();
                    mostBought = c.getKey();
                }
            }
            recovered += planted.get(e.getKey()).equals(mostBought) ? 1 : 0;
            // .get(e.getKey())) ? 1 : 0;
        }
        assertThat(eligible).isGreaterThan(300);
        // Ignoring tastes (categories by weight alone) would recover well under 1 in 5.
        assertThat((double) recovered / eligible).isGreaterThan(0.7);
    }
}
