package dev.affinity.models.recommend;

import static dev.affinity.models.recommend.Fixtures.scored;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.affinity.models.recommend.Recommendations.Source;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The factor fixture of {@link Fixtures#factorModel()}, ranked by hand. Scores are dot products:
 *
 * <pre>
 *       A   B   C   D   E   F   G   H   I
 * u0    7   7   2   2  14   1   1   7   5     (1,1)
 * u1    6   8   0   4  12   2   0   8  10     (2,0)
 * u5   12   9   6   0  24   0   3   9   0     (0,3)
 * </pre>
 *
 * G is missing from the catalog and I is not merchandise, so neither ever appears. Reasons: the
 * training item with the highest cosine, e.g. cos(A,E) = 50/50 = 1, cos(C,E) = 16/20 = 0.8, cos(A,B)
 * = 24/25 = 0.96, cos(C,B) = 6/10 = 0.6, cos(C,A) = 8/10 = 0.8, cos(B,F) = 4/5 = 0.8, cos(D,F) = 1.
 */
class FactorRecommenderTest {
    private final Recommender popularFallback =
            Fixtures.factorCatalog().bind(Fixtures.factorModel(), ColdStartPolicy.POPULAR);
    private final Recommender emptyFallback =
            Fixtures.factorCatalog().bind(Fixtures.factorModel(), ColdStartPolicy.EMPTY);

    @Test
    void topThreeForU0BreaksTheThreeWayTieByItemOrder() {
        // E 14, then A, B and H tie at 7: A and B come first by position. A's reason is C (itself
        // excluded), cos(C,A) = 0.8.
        Recommendations r = popularFallback.recommend("u0", 3, ItemFilter.NONE);

        assertThat(r.source()).isEqualTo(Source.PERSONALIZED);
        assertThat(r.items()).containsExactly(scored("E", 14, "A"), scored("A", 7, "C"), scored("B", 7, "A"));
    }

    @Test
    void excludePurchasedLeavesOutTrainingItemsAndGivesEachItsClosestTrainingItem() {
        // u1 bought B and D. Left: E 12, H 8, A 6, F 2, C 0. F's reason is D: cos(D,F) = 1 > cos(B,F) = 0.8.
        Recommendations r = popularFallback.recommend("u1", 4, ItemFilter.NONE.excludingPurchased());

        assertThat(r.items())
                .containsExactly(scored("E", 12, "B"), scored("H", 8, "B"), scored("A", 6, "B"), scored("F", 2, "D"));
    }

    @Test
    void nonMerchandiseNeverAppearsEvenWhenItScoresSecond() {
        // u1: E 12, I 10 (postage, skipped), B 8, H 8.
        assertThat(popularFallback.recommend("u1", 2, ItemFilter.NONE).itemIds())
                .containsExactly("E", "B");
    }

    @Test
    void categoryFilter() {
        // Kitchen: A 6, B 8, E 12 for u1. B's reason is D (B itself is not a reason): cos(D,B) = 0.8.
        Recommendations r = popularFallback.recommend("u1", 5, ItemFilter.NONE.inCategory("kitchen"));

        assertThat(r.items()).containsExactly(scored("E", 12, "B"), scored("B", 8, "D"), scored("A", 6, "B"));
    }

    @Test
    void unknownCategoryMatchesNothing() {
        assertThat(popularFallback
                        .recommend("u1", 5, ItemFilter.NONE.inCategory("shoes"))
                        .items())
                .isEmpty();
    }

    @Test
    void priceRangeLeavesOutUnknownPricesAndKeepsTheThreeWayTieInOrder() {
        // [10, 30]: A 10, B 25, H 15; D has no price, E 40, C 5, F 8 are outside. All three score 7.
        Recommendations r = popularFallback.recommend("u0", 5, ItemFilter.NONE.priceBetween(10, 30));

        assertThat(r.items()).containsExactly(scored("A", 7, "C"), scored("B", 7, "A"), scored("H", 7, "A"));
    }

    @Test
    void inStockOnlyDropsE() {
        // u0 without E: A 7, B 7, H 7, then C 2 and D 2 tie: C first. C's reason: cos(A,C) = 0.8.
        Recommendations r = popularFallback.recommend("u0", 4, ItemFilter.NONE.inStock());

        assertThat(r.items())
                .containsExactly(scored("A", 7, "C"), scored("B", 7, "A"), scored("H", 7, "A"), scored("C", 2, "A"));
    }

    @Test
    void excludedIdIsLeftOut() {
        assertThat(popularFallback
                        .recommend("u0", 2, ItemFilter.NONE.excluding("E", "not-an-item"))
                        .itemIds())
                .containsExactly("A", "B");
    }

    @Test
    void missingItemsAreNeverRecommendedNorGivenAsReasons() {
        // u5 bought only G, which is not in the catalog: no reasons. All 7 eligible items, ties B/H, D/F.
        Recommendations r = popularFallback.recommend("u5", 9, ItemFilter.NONE);

        assertThat(r.items())
                .containsExactly(
                        scored("E", 24, null),
                        scored("A", 12, null),
                        scored("B", 9, null),
                        scored("H", 9, null),
                        scored("C", 6, null),
                        scored("D", 0, null),
                        scored("F", 0, null));
    }

    @Test
    void unknownUserFollowsThePolicy() {
        // Popularity: A 2, B 2, C 2 tie, then D 1, E 1, F 1 (G missing, I not merchandise), H 0.
        Recommendations popular = popularFallback.recommend("nobody", 3, ItemFilter.NONE);
        assertThat(popular.source()).isEqualTo(Source.POPULAR_FALLBACK);
        assertThat(popular.isColdStart()).isTrue();
        assertThat(popular.items()).containsExactly(scored("A", 2, null), scored("B", 2, null), scored("C", 2, null));

        // Same filter applies: garden is C 2, D 1, H 0.
        assertThat(popularFallback
                        .recommend("nobody", 5, ItemFilter.NONE.inCategory("garden"))
                        .itemIds())
                .containsExactly("C", "D", "H");

        assertThat(emptyFallback.recommend("nobody", 3, ItemFilter.NONE)).isEqualTo(Recommendations.empty());
    }

    @Test
    void similarItemsByCosine() {
        // Against A (3,4): E 1.0, B 0.96, H 0.96 (tie, B first), C 0.8, D 0.6, F 0.6.
        Recommendations r = popularFallback.similarItems("A", 4, ItemFilter.NONE);

        assertThat(r.source()).isEqualTo(Source.SIMILAR);
        assertThat(r.items())
                .containsExactly(
                        scored("E", 1f, null),
                        scored("B", 0.96f, null),
                        scored("H", 0.96f, null),
                        scored("C", 0.8f, null));
        assertThat(popularFallback
                        .similarItems("A", 5, ItemFilter.NONE.inCategory("garden"))
                        .items())
                .containsExactly(scored("H", 0.96f, null), scored("C", 0.8f, null), scored("D", 0.6f, null));
    }

    @Test
    void similarItemsOfAnUnknownItemFollowsThePolicy() {
        assertThat(popularFallback.similarItems("nope", 2, ItemFilter.NONE).source())
                .isEqualTo(Source.POPULAR_FALLBACK);
        assertThat(emptyFallback.similarItems("nope", 2, ItemFilter.NONE)).isEqualTo(Recommendations.empty());
    }

    @Test
    void sessionWithOneKnownItemScoresAgainstThatItemsVector() {
        // "zzz" is unknown and ignored; the query is D = (2,0): E 12, B 8, H 8, A 6, F 2; D itself excluded.
        Recommendations r = popularFallback.forSession(List.of("zzz", "D"), 3, ItemFilter.NONE.excludingPurchased());

        assertThat(r.source()).isEqualTo(Source.SESSION);
        assertThat(r.items()).containsExactly(scored("E", 12, "D"), scored("B", 8, "D"), scored("H", 8, "D"));
    }

    @Test
    void sessionWeighsTheMostRecentItemMost() {
        // B (most recent, weight 1) and D (weight 1/2): query = ((4,3) + (1,0)) / 1.5 = (10/3, 2).
        // Without B and D: E = 20 + 16 = 36, H = 40/3 + 6 = 19.33, A = 10 + 8 = 18, C = 4, F = 10/3.
        Recommendations r =
                popularFallback.forSession(List.of("B", "nope", "D"), 3, ItemFilter.NONE.excludingPurchased());

        assertThat(r.itemIds()).containsExactly("E", "H", "A");
        assertThat(r.items().get(0).score()).isCloseTo(36f, within(1e-4f));
        assertThat(r.items().get(1).score()).isCloseTo(58f / 3, within(1e-4f));
        assertThat(r.items().get(2).score()).isCloseTo(18f, within(1e-4f));
        assertThat(r.items()).extracting(ScoredItem::becauseItemId).containsExactly("B", "B", "B");
    }

    @Test
    void sessionOfUnknownItemsFollowsThePolicy() {
        assertThat(popularFallback
                        .forSession(List.of("x", "y"), 2, ItemFilter.NONE)
                        .source())
                .isEqualTo(Source.POPULAR_FALLBACK);
        assertThat(emptyFallback.forSession(List.of(), 2, ItemFilter.NONE)).isEqualTo(Recommendations.empty());
    }

    @Test
    void kMustBeBetweenOneAndAThousand() {
        assertThatThrownBy(() -> popularFallback.recommend("u0", 0, ItemFilter.NONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1..1000");
        assertThatThrownBy(() -> popularFallback.similarItems("A", 1001, ItemFilter.NONE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(popularFallback.recommend("u0", 1000, ItemFilter.NONE).items())
                .hasSize(7);
    }
}
