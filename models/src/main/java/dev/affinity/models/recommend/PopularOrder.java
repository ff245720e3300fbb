package dev.affinity.models.recommend;

import java.util.Arrays;

/**
 * The eligible items sorted once by popularity (highest first, ties by item position, as {@link
 * TopK} ranks them), so that the most popular k items under a filter are the first k of this order
 * that pass it: a walk that stops after k hits instead of a scan of the catalog per request. The
 * answer is the one {@link Ranking#popular} gives. Immutable.
 */
final class PopularOrder {
    private final int[] order;

    PopularOrder(float[] popularity, boolean[] eligible) {
        long[] keys = new long[popularity.length];
        int n = 0;
        for (int i = 0; i < popularity.length; i++) {
            if (eligible[i]) {
                float p = popularity[i] == 0f ? 0f : popularity[i]; // -0 ties with 0, as in TopK
                int bits = Float.floatToIntBits(p);
                int ascending = bits ^ ((bits >> 31) & 0x7fffffff);
                keys[n++] = ((long) ~ascending << 32) | i;
            }
        }
        Arrays.sort(keys, 0, n);
        this.order = new int[n];
        for (int j = 0; j < n; j++) {
            order[j] = (int) keys[j];
        }
    }

    /** The best k items by {@code popularity} that pass {@code plan}, sorted best first. */
    TopK top(float[] popularity, FilterPlan plan, int k) {
        TopK top = new TopK(k);
        int found = 0;
        for (int j = 0; j < order.length && found < k; j++) {
            int i = order[j];
            if (plan.accepts(i)) {
                top.offer(i, popularity[i]);
                found++;
            }
        }
        top.sortBestFirst();
        return top;
    }
}
