package dev.affinity.models.recommend;

import dev.affinity.models.artifact.IdIndex;
import java.util.ArrayList;
import java.util.List;

/** The steps every recommender shares: checking k, ranking by popularity, building the answer. */
final class Ranking {
    private Ranking() {}

    static void checkK(int k) {
        if (k < 1 || k > Recommender.MAX_K) {
            throw new IllegalArgumentException("k must be in 1.." + Recommender.MAX_K + ": " + k);
        }
    }

    /** The best {@code k} items by {@code popularity} that pass {@code plan}. */
    static TopK popular(float[] popularity, FilterPlan plan, int k) {
        TopK top = new TopK(k);
        for (int i = 0; i < popularity.length; i++) {
            if (plan.accepts(i)) {
                top.offer(i, popularity[i]);
            }
        }
        top.sortBestFirst();
        return top;
    }

    /** The cold-start answer under {@code policy}. */
    static Recommendations coldStart(
            ColdStartPolicy policy, float[] popularity, CatalogView view, IdIndex items, int k, ItemFilter filter) {
        if (policy == ColdStartPolicy.EMPTY) {
            return Recommendations.empty();
        }
        TopK top = popular(popularity, FilterPlan.of(view, filter, items), k);
        return answer(Recommendations.Source.POPULAR_FALLBACK, top, items, null);
    }

    /**
     * The answer holding {@code top} (sorted), with {@code reasons[rank]} the reason item's
     * position or -1 for none; {@code reasons} may be null.
     */
    static Recommendations answer(Recommendations.Source source, TopK top, IdIndex items, int[] reasons) {
        List<ScoredItem> list = new ArrayList<>(top.size());
        for (int r = 0; r < top.size(); r++) {
            int because = reasons == null ? -1 : reasons[r];
            list.add(new ScoredItem(items.id(top.item(r)), top.score(r), because < 0 ? null : items.id(because)));
        }
        return new Recommendations(source, list);
    }
}
