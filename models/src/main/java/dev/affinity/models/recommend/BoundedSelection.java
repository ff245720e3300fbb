package dev.affinity.models.recommend;

import java.util.Arrays;

/**
 * The exact top k of one query from first-pass scores with an error bound. Every item is offered
 * with its approximate score s and bound e (the exact score lies in [s - e, s + e]); the k-th best
 * lower bound so far is the bar, and an item whose upper bound is under the bar cannot be in the top
 * k, because k items already score at least the bar. The few items that pass are re-scored exactly
 * at the end, so the answer is exactly the one a scan of exact scores gives, ties included.
 *
 * <p>One instance serves one query; not thread-safe.
 */
final class BoundedSelection {
    private final int k;
    private final TopK lower;
    private float bar = Float.NEGATIVE_INFINITY;
    private int[] candidates;
    private float[] uppers;
    private int size;

    BoundedSelection(int k) {
        this.k = k;
        this.lower = new TopK(k);
        this.candidates = new int[Math.max(16, 4 * k)];
        this.uppers = new float[candidates.length];
    }

    /**
     * Offers items {@code start + j} for j in [0, count) with first-pass scores {@code scores[from +
     * j]}, bounds {@code slack * norms[item] + tiny}, keeping those that pass {@code plan}.
     */
    void offer(
            float[] scores, int from, int start, int count, float[] norms, float slack, float tiny, FilterPlan plan) {
        float b = bar;
        for (int j = 0; j < count; j++) {
            int i = start + j;
            float s = scores[from + j];
            float e = slack * norms[i] + tiny;
            float upper = s + e;
            if (upper < b || (plan != null && !plan.accepts(i))) {
                continue;
            }
            lower.offer(i, s - e);
            if (lower.full()) {
                b = lower.worstScore();
            }
            if (size == candidates.length) {
                candidates = Arrays.copyOf(candidates, 2 * size);
                uppers = Arrays.copyOf(uppers, 2 * size);
            }
            candidates[size] = i;
            uppers[size++] = upper;
        }
        bar = b;
    }

    /** Number of items that will be re-scored exactly, for tests and benchmarks. */
    int survivors() {
        int n = 0;
        for (int j = 0; j < size; j++) {
            n += uppers[j] >= bar ? 1 : 0;
        }
        return n;
    }

    /** The top k, re-scored by {@code exact}, sorted best first. */
    TopK finish(ExactScore exact) {
        TopK top = new TopK(k);
        for (int j = 0; j < size; j++) {
            if (uppers[j] >= bar) {
                int i = candidates[j];
                top.offer(i, exact.score(i));
            }
        }
        top.sortBestFirst();
        return top;
    }

    /** The exact score of an item position. */
    interface ExactScore {
        float score(int item);
    }
}
