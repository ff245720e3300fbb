package dev.affinity.models.recommend;

import static dev.affinity.models.recommend.Fixtures.scored;
import static org.assertj.core.api.Assertions.assertThat;

import dev.affinity.models.recommend.Recommendations.Source;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The popularity fixture of {@link Fixtures#popularityModel()}. Eligible by popularity: plate 80,
 * spade 80 (tie, plate first by position), ball 70, mug 50, rake 30, bowl 10; POST (500, not
 * merchandise) and kite (90, missing from the catalog) never appear.
 */
class PopularityRecommenderTest {
    private final Recommender recommender =
            Fixtures.popularityCatalog().bind(Fixtures.popularityModel(), ColdStartPolicy.POPULAR);

    @Test
    void everyoneGetsThePopularityRanking() {
        Recommendations r = recommender.recommend("anyone", 4, ItemFilter.NONE);

        assertThat(r.source()).isEqualTo(Source.POPULAR);
        assertThat(r.isColdStart()).isFalse();
        assertThat(r.items())
                .containsExactly(
                        scored("plate", 80, null),
                        scored("spade", 80, null),
                        scored("ball", 70, null),
                        scored("mug", 50, null));
    }

    @Test
    void filters() {
        // In stock and in [3, 10]: plate 9.50, bowl 4.00; mug 2.99 too cheap, ball out of stock.
        assertThat(recommender
                        .recommend("anyone", 5, ItemFilter.NONE.inStock().priceBetween(3, 10))
                        .items())
                .containsExactly(scored("plate", 80, null), scored("bowl", 10, null));
        assertThat(recommender
                        .recommend("anyone", 5, ItemFilter.NONE.inCategory("garden"))
                        .itemIds())
                .containsExactly("spade", "rake");
        assertThat(recommender
                        .recommend("anyone", 3, ItemFilter.NONE.excluding("plate"))
                        .itemIds())
                .containsExactly("spade", "ball", "mug");
        // A bound equal to a price keeps the item, though 2.99 is not exact in binary.
        assertThat(recommender
                        .recommend("anyone", 3, ItemFilter.NONE.priceBetween(2.99, 2.99))
                        .itemIds())
                .containsExactly("mug");
    }

    @Test
    void similarItemsAreThePopularItemsOfTheSameCategory() {
        Recommendations r = recommender.similarItems("mug", 5, ItemFilter.NONE);

        assertThat(r.source()).isEqualTo(Source.SIMILAR);
        assertThat(r.items()).containsExactly(scored("plate", 80, null), scored("bowl", 10, null));
        assertThat(recommender
                        .similarItems("mug", 5, ItemFilter.NONE.inCategory("garden"))
                        .items())
                .isEmpty();
    }

    @Test
    void similarItemsWithoutACatalogCategoryFollowThePolicy() {
        // kite is missing from the catalog; POST has no category.
        Recommendations kite = recommender.similarItems("kite", 3, ItemFilter.NONE);
        assertThat(kite.source()).isEqualTo(Source.POPULAR_FALLBACK);
        assertThat(kite.itemIds()).containsExactly("plate", "spade", "ball");

        Recommender empty = Fixtures.popularityCatalog().bind(Fixtures.popularityModel(), ColdStartPolicy.EMPTY);
        assertThat(empty.similarItems("POST", 3, ItemFilter.NONE)).isEqualTo(Recommendations.empty());
        assertThat(empty.recommend("anyone", 1, ItemFilter.NONE).itemIds()).containsExactly("plate");
    }

    @Test
    void sessionExcludesItsItemsWhenAsked() {
        Recommendations r = recommender.forSession(List.of("plate", "nope"), 2, ItemFilter.NONE.excludingPurchased());

        assertThat(r.source()).isEqualTo(Source.POPULAR);
        assertThat(r.itemIds()).containsExactly("spade", "ball");
    }
}
