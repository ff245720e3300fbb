package dev.affinity.models.recommend;

import dev.affinity.models.artifact.IdIndex;
import java.util.Objects;

/**
 * The same popularity ranking for everyone, under each call's filter. It knows no user's items, so
 * {@link ItemFilter#excludePurchased} has no effect in {@link #recommend}; in {@link #forSession} it
 * leaves out the session's items.
 */
final class PopularityRecommender extends SessionRecommender {
    private final CatalogView view;
    private final ColdStartPolicy policy;
    private final IdIndex items;
    private final float[] popularity;
    /** Eligible items by popularity, walked instead of scanning the catalog. */
    private final PopularOrder order;

    PopularityRecommender(PopularityModel model, CatalogView view, ColdStartPolicy policy) {
        this.view = view;
        this.policy = policy;
        this.items = model.items();
        this.popularity = model.popularityView();
        this.order = new PopularOrder(popularity, view.eligible);
    }

    @Override
    public ColdStartPolicy coldStartPolicy() {
        return policy;
    }

    @Override
    public Recommendations recommend(String userId, int k, ItemFilter filter) {
        Ranking.checkK(k);
        Objects.requireNonNull(filter, "filter");
        TopK top = order.top(popularity, FilterPlan.of(view, filter, items), k);
        return Ranking.answer(Recommendations.Source.POPULAR, top, items, null);
    }

    /** {@inheritDoc} Here: the most popular items of the item's catalog category. */
    @Override
    public Recommendations similarItems(String itemId, int k, ItemFilter filter) {
        Ranking.checkK(k);
        Objects.requireNonNull(filter, "filter");
        int q = items.indexOf(itemId);
        if (q < 0 || view.category[q] < 0) {
            return coldStart(k, filter);
        }
        FilterPlan plan =
                FilterPlan.of(view, filter, items, null, 0, 0, q).inCategoryCode(view.category[q], filter, view);
        TopK top = order.top(popularity, plan, k);
        return Ranking.answer(Recommendations.Source.SIMILAR, top, items, null);
    }

    @Override
    IdIndex sessionItems() {
        return items;
    }

    @Override
    Recommendations answer(Session session, int k, ItemFilter filter) {
        FilterPlan plan = FilterPlan.of(view, filter, items, session.items, 0, session.items.length, -1);
        TopK top = order.top(popularity, plan, k);
        return Ranking.answer(Recommendations.Source.POPULAR, top, items, null);
    }

    private Recommendations coldStart(int k, ItemFilter filter) {
        if (policy == ColdStartPolicy.EMPTY) {
            return Recommendations.empty();
        }
        TopK top = order.top(popularity, FilterPlan.of(view, filter, items), k);
        return Ranking.answer(Recommendations.Source.POPULAR_FALLBACK, top, items, null);
    }

    /** {@link #recommend} by a scan of the whole catalog: the reference the popularity order must equal. */
    Recommendations recommendByScan(int k, ItemFilter filter) {
        TopK top = Ranking.popular(popularity, FilterPlan.of(view, filter, items), k);
        return Ranking.answer(Recommendations.Source.POPULAR, top, items, null);
    }
}
