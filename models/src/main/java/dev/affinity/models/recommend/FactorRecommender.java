package dev.affinity.models.recommend;

import dev.affinity.models.artifact.IdIndex;
import dev.affinity.models.artifact.SparseRows;
import java.util.List;
import java.util.Objects;

/**
 * Scores items by the dot product of factor vectors, scanning the item matrix once per call with
 * the filter checked before the dot product. Allocates no array of catalog size at all.
 */
final class FactorRecommender implements Recommender {
    private final FactorModel model;
    private final CatalogView view;
    private final ColdStartPolicy policy;
    private final IdIndex items;
    private final float[] itemData;
    private final int rank;
    /** Euclidean norm of each item vector, for cosines. */
    private final float[] itemNorms;

    FactorRecommender(FactorModel model, CatalogView view, ColdStartPolicy policy) {
        this.model = model;
        this.view = view;
        this.policy = policy;
        this.items = model.items();
        this.itemData = model.itemFactors().data();
        this.rank = model.rank();
        this.itemNorms = new float[items.size()];
        for (int i = 0; i < itemNorms.length; i++) {
            itemNorms[i] = (float) Math.sqrt(dot(itemData, i * rank, itemData, i * rank, rank));
        }
    }

    @Override
    public ColdStartPolicy coldStartPolicy() {
        return policy;
    }

    @Override
    public Recommendations recommend(String userId, int k, ItemFilter filter) {
        Ranking.checkK(k);
        Objects.requireNonNull(filter, "filter");
        int u = model.users().indexOf(userId);
        if (u < 0) {
            return coldStart(k, filter);
        }
        SparseRows userItems = model.userItems();
        int from = userItems.indptr()[u];
        int to = userItems.indptr()[u + 1];
        FilterPlan plan = FilterPlan.of(view, filter, items, userItems.indices(), from, to, -1);
        TopK top = scan(model.userFactors().data(), u * rank, plan, k);
        return Ranking.answer(
                Recommendations.Source.PERSONALIZED, top, items, reasons(top, userItems.indices(), from, to));
    }

    @Override
    public Recommendations similarItems(String itemId, int k, ItemFilter filter) {
        Ranking.checkK(k);
        Objects.requireNonNull(filter, "filter");
        int q = items.indexOf(itemId);
        if (q < 0) {
            return coldStart(k, filter);
        }
        FilterPlan plan = FilterPlan.of(view, filter, items, null, 0, 0, q);
        TopK top = new TopK(k);
        float qNorm = itemNorms[q];
        if (qNorm > 0) {
            int qOffset = q * rank;
            for (int i = 0; i < itemNorms.length; i++) {
                if (itemNorms[i] > 0 && plan.accepts(i)) {
                    top.offer(i, dot(itemData, qOffset, itemData, i * rank, rank) / (qNorm * itemNorms[i]));
                }
            }
        }
        top.sortBestFirst();
        return Ranking.answer(Recommendations.Source.SIMILAR, top, items, null);
    }

    @Override
    public Recommendations forSession(List<String> recentItemIds, int k, ItemFilter filter) {
        Ranking.checkK(k);
        Objects.requireNonNull(filter, "filter");
        return answer(Session.of(items, recentItemIds), k, filter);
    }

    @Override
    public Recommendations forHistory(List<String> itemIds, int k, ItemFilter filter) {
        Ranking.checkK(k);
        Objects.requireNonNull(filter, "filter");
        return answer(Session.history(items, itemIds), k, filter);
    }

    private Recommendations answer(Session session, int k, ItemFilter filter) {
        if (session.isEmpty()) {
            return coldStart(k, filter);
        }
        float[] query = new float[rank];
        for (int j = 0; j < session.items.length; j++) {
            int offset = session.items[j] * rank;
            float w = session.weights[j];
            for (int c = 0; c < rank; c++) {
                query[c] += w * itemData[offset + c];
            }
        }
        float sum = session.weightSum();
        for (int c = 0; c < rank; c++) {
            query[c] /= sum;
        }
        int n = session.items.length;
        FilterPlan plan = FilterPlan.of(view, filter, items, session.items, 0, n, -1);
        TopK top = scan(query, 0, plan, k);
        return Ranking.answer(Recommendations.Source.SESSION, top, items, reasons(top, session.items, 0, n));
    }

    private Recommendations coldStart(int k, ItemFilter filter) {
        return Ranking.coldStart(policy, model.popularityView(), view, items, k, filter);
    }

    /** The best k items by dot product with {@code query[offset, offset + rank)}, sorted. */
    private TopK scan(float[] query, int offset, FilterPlan plan, int k) {
        TopK top = new TopK(k);
        float[] data = itemData;
        int d = rank;
        int n = itemNorms.length;
        for (int i = 0; i < n; i++) {
            if (plan.accepts(i)) {
                top.offer(i, dot(query, offset, data, i * d, d));
            }
        }
        top.sortBestFirst();
        return top;
    }

    /** Per ranked item, the source item in {@code sources[from, to)} with the highest cosine, or -1. */
    private int[] reasons(TopK top, int[] sources, int from, int to) {
        int[] reasons = new int[top.size()];
        for (int r = 0; r < reasons.length; r++) {
            int i = top.item(r);
            int best = -1;
            float bestCosine = Float.NEGATIVE_INFINITY;
            for (int j = from; j < to; j++) {
                int h = sources[j];
                if (h == i || !view.eligible[h] || itemNorms[h] == 0 || itemNorms[i] == 0) {
                    continue;
                }
                float cosine = dot(itemData, h * rank, itemData, i * rank, rank) / (itemNorms[h] * itemNorms[i]);
                if (cosine > bestCosine || (cosine == bestCosine && h < best)) {
                    best = h;
                    bestCosine = cosine;
                }
            }
            reasons[r] = best;
        }
        return reasons;
    }

    /**
     * Dot product with four interleaved partial sums: a single running sum makes every add wait for
     * the previous one, and the JIT may not reorder float adds itself. The order is fixed, so scores
     * are the same on every run, though they may differ in the last bits from a sequential sum.
     */
    private static float dot(float[] a, int aOffset, float[] b, int bOffset, int n) {
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        int c = 0;
        for (; c + 3 < n; c += 4) {
            s0 += a[aOffset + c] * b[bOffset + c];
            s1 += a[aOffset + c + 1] * b[bOffset + c + 1];
            s2 += a[aOffset + c + 2] * b[bOffset + c + 2];
            s3 += a[aOffset + c + 3] * b[bOffset + c + 3];
        }
        for (; c < n; c++) {
            s0 += a[aOffset + c] * b[bOffset + c];
        }
        return (s0 + s1) + (s2 + s3);
    }
}
