package dev.affinity.models.recommend;

import dev.affinity.models.artifact.IdIndex;
import dev.affinity.models.artifact.SparseRows;
import java.util.Arrays;
import java.util.Objects;

/**
 * Scores items by summing the neighbour rows of the user's (or session's) items into one {@code
 * float[]} per call, NaN where no row reaches, then selecting the top k of the reached items.
 */
final class NeighborRecommender extends SessionRecommender {
    private final NeighborModel model;
    private final CatalogView view;
    private final ColdStartPolicy policy;
    private final IdIndex items;
    private final int[] rowStart;
    private final int[] neighbor;
    private final float[] weight;

    NeighborRecommender(NeighborModel model, CatalogView view, ColdStartPolicy policy) {
        this.model = model;
        this.view = view;
        this.policy = policy;
        this.items = model.items();
        SparseRows rows = model.neighbors();
        this.rowStart = rows.indptr();
        this.neighbor = rows.indices();
        this.weight = rows.values();
    }

    @Override
    public ColdStartPolicy coldStartPolicy() {
        return policy;
    }

    /** {@inheritDoc} A known user without training items gets the cold-start answer. */
    @Override
    public Recommendations recommend(String userId, int k, ItemFilter filter) {
        Ranking.checkK(k);
        Objects.requireNonNull(filter, "filter");
        int u = model.users().indexOf(userId);
        SparseRows userItems = model.userItems();
        if (u < 0 || userItems.rowLength(u) == 0) {
            return coldStart(k, filter);
        }
        int from = userItems.indptr()[u];
        int to = userItems.indptr()[u + 1];
        int[] sources = userItems.indices();
        float[] scores = emptyScores();
        for (int j = from; j < to; j++) {
            accumulate(scores, sources[j], 1f);
        }
        FilterPlan plan = FilterPlan.of(view, filter, items, sources, from, to, -1);
        TopK top = select(scores, plan, k);
        int[] reasons = reasons(top, sources, from, to, null);
        return Ranking.answer(Recommendations.Source.PERSONALIZED, top, items, reasons);
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
        for (int j = rowStart[q]; j < rowStart[q + 1]; j++) {
            if (plan.accepts(neighbor[j])) {
                top.offer(neighbor[j], weight[j]);
            }
        }
        top.sortBestFirst();
        return Ranking.answer(Recommendations.Source.SIMILAR, top, items, null);
    }

    @Override
    IdIndex sessionItems() {
        return items;
    }

    @Override
    Recommendations answer(Session session, int k, ItemFilter filter) {
        if (session.isEmpty()) {
            return coldStart(k, filter);
        }
        float[] scores = emptyScores();
        for (int j = 0; j < session.items.length; j++) {
            accumulate(scores, session.items[j], session.weights[j]);
        }
        int n = session.items.length;
        FilterPlan plan = FilterPlan.of(view, filter, items, session.items, 0, n, -1);
        TopK top = select(scores, plan, k);
        int[] reasons = reasons(top, session.items, 0, n, session.weights);
        return Ranking.answer(Recommendations.Source.SESSION, top, items, reasons);
    }

    private Recommendations coldStart(int k, ItemFilter filter) {
        return Ranking.coldStart(policy, model.popularityView(), view, items, k, filter);
    }

    /** The one catalog-sized array of a call: NaN marks items that no source item reaches. */
    private float[] emptyScores() {
        float[] scores = new float[items.size()];
        Arrays.fill(scores, Float.NaN);
        return scores;
    }

    private void accumulate(float[] scores, int h, float w) {
        for (int j = rowStart[h]; j < rowStart[h + 1]; j++) {
            int i = neighbor[j];
            float s = scores[i];
            scores[i] = s != s ? w * weight[j] : s + w * weight[j];
        }
    }

    private static TopK select(float[] scores, FilterPlan plan, int k) {
        TopK top = new TopK(k);
        for (int i = 0; i < scores.length; i++) {
            float s = scores[i];
            if (s == s && plan.accepts(i)) {
                top.offer(i, s);
            }
        }
        top.sortBestFirst();
        return top;
    }

    /**
     * Per ranked item i, the source item h in {@code sources[from, to)} with the largest
     * contribution w(h) * weight(h -> i), or -1; {@code weights} null means w = 1.
     */
    private int[] reasons(TopK top, int[] sources, int from, int to, float[] weights) {
        int[] reasons = new int[top.size()];
        for (int r = 0; r < reasons.length; r++) {
            int i = top.item(r);
            int best = -1;
            float bestContribution = Float.NEGATIVE_INFINITY;
            for (int j = from; j < to; j++) {
                int h = sources[j];
                if (h == i || !view.eligible[h]) {
                    continue;
                }
                for (int e = rowStart[h]; e < rowStart[h + 1]; e++) {
                    if (neighbor[e] == i) {
                        float contribution = (weights == null ? 1f : weights[j - from]) * weight[e];
                        if (contribution > bestContribution || (contribution == bestContribution && h < best)) {
                            best = h;
                            bestContribution = contribution;
                        }
                    }
                }
            }
            reasons[r] = best;
        }
        return reasons;
    }
}
