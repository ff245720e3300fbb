package dev.affinity.models.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.affinity.models.artifact.IdIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The popularity recommender's walk down a presorted order against a scan of the whole catalog, on a
 * seeded catalog full of tied popularities (and -0 beside 0): the same items in the same order for
 * every filter and k.
 */
class PopularOrderTest {
    @Test
    void walkingThePopularityOrderGivesTheScansAnswer() {
        SplittableRandom random = new SplittableRandom(31);
        int n = 3_000;
        List<String> ids = new ArrayList<>();
        float[] popularity = new float[n];
        for (int i = 0; i < n; i++) {
            ids.add("i" + i);
            int p = random.nextInt(25);
            popularity[i] = p == 0 && random.nextBoolean() ? -0f : p;
        }
        PopularityModel model = new PopularityModel(new IdIndex(ids), popularity);
        ItemCatalog catalog = FastScanTest.catalog(model.items(), random);
        PopularityRecommender r = (PopularityRecommender) catalog.bind(model, ColdStartPolicy.POPULAR);
        int nonEmpty = 0;
        for (int trial = 0; trial < 400; trial++) {
            int k = 1 + random.nextInt(trial % 2 == 0 ? 20 : Recommender.MAX_K);
            ItemFilter filter = ItemFilter.NONE;
            if (random.nextInt(3) == 0) {
                filter = filter.inCategory("c" + random.nextInt(9));
            }
            if (random.nextInt(3) == 0) {
                double lo = random.nextInt(80);
                filter = filter.priceBetween(lo, lo + random.nextInt(30));
            }
            if (random.nextBoolean()) {
                filter = filter.inStock();
            }
            if (random.nextInt(3) == 0) {
                filter = filter.excluding("i" + random.nextInt(n), "i" + random.nextInt(n), "nope");
            }
            Recommendations scan = r.recommendByScan(k, filter);
            assertThat(r.recommend("anyone", k, filter))
                    .as("k %d filter %s", k, filter)
                    .isEqualTo(scan);
            nonEmpty += scan.items().isEmpty() ? 0 : 1;
        }
        assertThat(nonEmpty).isGreaterThan(300);
    }
}
