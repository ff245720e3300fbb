package dev.affinity.models.recommend;

import dev.affinity.models.artifact.IdIndex;
import java.util.Arrays;
import java.util.List;

/**
 * A session's known items (positions) with their weights. A live session weighs by recency: 1 for
 * the most recent known item, then halving (1, 1/2, 1/4, ...). Halving keeps the last few items in
 * charge while older ones still break ties; powers of two also keep the arithmetic exact for small
 * fixtures. A whole history (a user folded in) weighs every item 1.
 */
final class Session {
    final int[] items;
    final float[] weights;

    private Session(int[] items, float[] weights) {
        this.items = items;
        this.weights = weights;
    }

    static Session of(IdIndex index, List<String> recentItemIds) {
        return of(index, recentItemIds, 0.5f);
    }

    static Session history(IdIndex index, List<String> itemIds) {
        return of(index, itemIds, 1f);
    }

    private static Session of(IdIndex index, List<String> recentItemIds, float decay) {
        int[] items = new int[recentItemIds.size()];
        int n = 0;
        for (String id : recentItemIds) {
            int i = index.indexOf(id);
            if (i >= 0) {
                items[n++] = i;
            }
        }
        float[] weights = new float[n];
        float w = 1f;
        for (int j = 0; j < n; j++) {
            weights[j] = w;
            w *= decay;
        }
        return new Session(Arrays.copyOf(items, n), weights);
    }

    boolean isEmpty() {
        return items.length == 0;
    }

    float weightSum() {
        float sum = 0;
        for (float w : weights) {
            sum += w;
        }
        return sum;
    }
}
