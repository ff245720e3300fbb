package dev.affinity.models.recommend;

import dev.affinity.models.artifact.IdIndex;
import java.util.Arrays;
import java.util.List;

/**
 * A session's known items (positions) with their recency weights: 1 for the most recent known
 * item, then halving (1, 1/2, 1/4, ...). Halving keeps the last few items in charge while older
 * ones still break ties; powers of two also keep the arithmetic exact for small fixtures.
 */
final class Session {
    final int[] items;
    final float[] weights;

    private Session(int[] items, float[] weights) {
        this.items = items;
        this.weights = weights;
    }

    static Session of(IdIndex index, List<String> recentItemIds) {
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
            w *= 0.5f;
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
