package dev.affinity.features.generate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.affinity.features.progress.Progress;
import dev.affinity.features.warehouse.Tables;
import dev.affinity.features.warehouse.Warehouse;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sizes at the lower bounds: fewer products than categories, a single day. */
class TinyWarehouseTest {
    @TempDir
    Path dir;

    @Test
    void oneProductMeansEveryonesTopCategoryIsItsCategory() {
        Warehouse warehouse = Warehouse.open(dir);

        GenerationResult result =
                SyntheticWarehouse.generate(warehouse, GeneratorConfig.of(50, 1, 1, 3), Progress.NONE);

        assertThat(result.rows(Tables.CUSTOMERS)).isEqualTo(50);
        assertThat(result.rows(Tables.PRODUCTS)).isEqualTo(1);
        assertThat(result.rows(Tables.EVENTS)).isPositive();
        Set<String> top = new HashSet<>();
        warehouse.forEachRow(GeneratorTruth.TABLE, row -> top.add((String) row[1]));
        assertThat(top).containsExactly(Categories.ALL.get(0).name());
    }

    @Test
    void fewerProductsThanCategoriesStillGenerates() {
        Warehouse warehouse = Warehouse.open(dir);

        GenerationResult result =
                SyntheticWarehouse.generate(warehouse, GeneratorConfig.of(200, 5, 3, 4), Progress.NONE);

        Set<String> categories = new HashSet<>();
        warehouse.forEachRow(Tables.PRODUCTS, row -> categories.add((String) row[3]));
        Set<String> top = new HashSet<>();
        warehouse.forEachRow(GeneratorTruth.TABLE, row -> top.add((String) row[1]));
        assertThat(categories).hasSize(5);
        assertThat(categories).containsAll(top);
        assertThat(result.rows(Tables.ORDERS)).isPositive();
    }
}
