package dev.affinity.models.recommend;

import static dev.affinity.models.recommend.Fixtures.scored;
import static org.assertj.core.api.Assertions.assertThat;

import dev.affinity.models.recommend.Recommendations.Source;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The neighbour fixture of {@link Fixtures#neighborModel()}, ranked by hand. A user's score for i is
 * the sum of weight(h -> i) over their items h:
 *
 * <pre>
 * x (a, b): from a: b 3, c 1; from b: a 3, d 2    =>  a 3, b 3, d 2, c 1   (e, f not reached)
 * y (c):    from c: a 1, e 4, f 9                 =>  f 9 (missing), e 4, a 1
 * </pre>
 */
class NeighborRecommenderTest {
    private final Recommender recommender =
            Fixtures.neighborCatalog().bind(Fixtures.neighborModel(), ColdStartPolicy.POPULAR);
    private final Recommender emptyFallback =
            Fixtures.neighborCatalog().bind(Fixtures.neighborModel(), ColdStartPolicy.EMPTY);

    @Test
    void sumsNeighbourRowsAndBreaksTiesByItemOrder() {
        // a and b tie at 3: a first. a's reason is b (weight(b -> a) = 3); a cannot be its own reason.
        Recommendations r = recommender.recommend("x", 10, ItemFilter.NONE);

        assertThat(r.source()).isEqualTo(Source.PERSONALIZED);
        assertThat(r.items())
                .containsExactly(scored("a", 3, "b"), scored("b", 3, "a"), scored("d", 2, "b"), scored("c", 1, "a"));
    }

    @Test
    void excludePurchased() {
        assertThat(recommender
                        .recommend("x", 10, ItemFilter.NONE.excludingPurchased())
                        .items())
                .containsExactly(scored("d", 2, "b"), scored("c", 1, "a"));
    }

    @Test
    void itemsMissingFromTheCatalogAreSkippedAndFiltersApply() {
        assertThat(recommender.recommend("y", 10, ItemFilter.NONE).items())
                .containsExactly(scored("e", 4, "c"), scored("a", 1, "c"));
        // e is out of stock.
        assertThat(recommender.recommend("y", 10, ItemFilter.NONE.inStock()).itemIds())
                .containsExactly("a");
        assertThat(recommender
                        .recommend("y", 10, ItemFilter.NONE.inCategory("garden"))
                        .itemIds())
                .containsExactly("e");
        // x in [10, 20]: a 10 and b 20 (bounds inclusive); c 5 and d 30 are outside.
        assertThat(recommender
                        .recommend("x", 10, ItemFilter.NONE.priceBetween(10, 20))
                        .itemIds())
                .containsExactly("a", "b");
        assertThat(recommender
                        .recommend("x", 10, ItemFilter.NONE.excluding("a"))
                        .itemIds())
                .containsExactly("b", "d", "c");
    }

    @Test
    void userWithoutItemsOrUnknownFollowsThePolicy() {
        // Popularity a 3, b 2, c 2, d 1, e 1; f (5) is missing from the catalog.
        Recommendations z = recommender.recommend("z", 3, ItemFilter.NONE);
        assertThat(z.source()).isEqualTo(Source.POPULAR_FALLBACK);
        assertThat(z.items()).containsExactly(scored("a", 3, null), scored("b", 2, null), scored("c", 2, null));

        assertThat(emptyFallback.recommend("nobody", 3, ItemFilter.NONE)).isEqualTo(Recommendations.empty());
        assertThat(emptyFallback.recommend("z", 3, ItemFilter.NONE)).isEqualTo(Recommendations.empty());
    }

    @Test
    void similarItemsAreTheNeighbourList() {
        // c: a 1, e 4, f 9 (missing from the catalog).
        Recommendations r = recommender.similarItems("c", 5, ItemFilter.NONE);
        assertThat(r.source()).isEqualTo(Source.SIMILAR);
        assertThat(r.items()).containsExactly(scored("e", 4, null), scored("a", 1, null));
        // a: b 3 (price 20), c 1 (price 5).
        assertThat(recommender
                        .similarItems("a", 5, ItemFilter.NONE.priceBetween(0, 10))
                        .items())
                .containsExactly(scored("c", 1, null));
        assertThat(recommender.similarItems("nope", 1, ItemFilter.NONE).itemIds())
                .containsExactly("a");
    }

    @Test
    void sessionSumsRecencyWeightedRows() {
        // b (weight 1): a 3, d 2; c (weight 1/2): a 0.5, e 2, f 4.5 (missing).
        // a 3.5 (b gives 3, c 0.5: reason b), d 2 (b), e 2 (c): d before e by position.
        Recommendations r = recommender.forSession(List.of("b", "unknown", "c"), 5, ItemFilter.NONE);

        assertThat(r.source()).isEqualTo(Source.SESSION);
        assertThat(r.items()).containsExactly(scored("a", 3.5f, "b"), scored("d", 2, "b"), scored("e", 2, "c"));
    }

    @Test
    void sessionExcludePurchasedLeavesOutTheSessionItems() {
        // a (weight 1): b 3, c 1; b (weight 1/2): a 1.5, d 1. Without a and b: c 1 (a), d 1 (b).
        Recommendations r = recommender.forSession(List.of("a", "b"), 5, ItemFilter.NONE.excludingPurchased());

        assertThat(r.items()).containsExactly(scored("c", 1, "a"), scored("d", 1, "b"));
    }

    @Test
    void sessionOfUnknownItemsFollowsThePolicy() {
        assertThat(recommender.forSession(List.of("q"), 2, ItemFilter.NONE).source())
                .isEqualTo(Source.POPULAR_FALLBACK);
        assertThat(emptyFallback.forSession(List.of("q"), 2, ItemFilter.NONE)).isEqualTo(Recommendations.empty());
    }

    @Test
    void historyWeighsEveryItemTheSameWhateverTheOrder() {
        // b (1): a 3, d 2; c (1): a 1, e 4, f 9 (missing). a 4 (reason b: 3 > 1), e 4 (c), d 2 (b).
        Recommendations bc = recommender.forHistory(List.of("b", "unknown", "c"), 5, ItemFilter.NONE);
        Recommendations cb = recommender.forHistory(List.of("c", "b"), 5, ItemFilter.NONE);

        assertThat(bc.source()).isEqualTo(Source.SESSION);
        assertThat(bc.items()).containsExactly(scored("a", 4, "b"), scored("e", 4, "c"), scored("d", 2, "b"));
        assertThat(cb).isEqualTo(bc);
        // The session weighs c by 1/2 and so ranks differently.
        assertThat(recommender.forSession(List.of("b", "c"), 5, ItemFilter.NONE).items())
                .isNotEqualTo(bc.items());
        assertThat(emptyFallback.forHistory(List.of("q"), 2, ItemFilter.NONE)).isEqualTo(Recommendations.empty());
    }
}
