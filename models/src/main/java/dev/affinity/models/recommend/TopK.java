package dev.affinity.models.recommend;

/**
 * The best {@code k} of a stream of (item position, score) pairs, by partial selection: a bounded
 * binary heap on two primitive arrays whose root is the worst item kept, so offering n items costs
 * O(n log k) and allocates nothing after construction. "Better" means a higher score, and on equal
 * scores the lower item position, which makes results deterministic. Scores must not be NaN.
 *
 * <p>One instance serves one call; it is not thread-safe.
 */
final class TopK {
    private final int k;
    private final int[] items;
    private final float[] scores;
    private int size;
    private boolean sorted;

    TopK(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1: " + k);
        }
        this.k = k;
        this.items = new int[k];
        this.scores = new float[k];
    }

    /** Offers item position {@code item} with {@code score}, keeping it if it is among the best k. */
    void offer(int item, float score) {
        if (size < k) {
            items[size] = item;
            scores[size] = score;
            siftUp(size++);
        } else if (score > scores[0] || (score == scores[0] && item < items[0])) {
            items[0] = item;
            scores[0] = score;
            siftDown(0, size);
        }
    }

    /** Number of items kept: min(k, number offered). */
    int size() {
        return size;
    }

    /** Whether k items are kept, so that {@link #worstScore} is the bar a new item must pass. */
    boolean full() {
        return size == k;
    }

    /** The lowest score kept (the k-th best once {@link #full}); call before {@link #sortBestFirst}. */
    float worstScore() {
        return scores[0];
    }

    /** Orders the kept items best first; call once, after the last {@link #offer}. */
    void sortBestFirst() {
        // Heap sort on the min-heap: moving the worst root to the end leaves the array best first.
        for (int end = size - 1; end > 0; end--) {
            swap(0, end);
            siftDown(0, end);
        }
        sorted = true;
    }

    /** The item position at {@code rank} (0 is best), after {@link #sortBestFirst}. */
    int item(int rank) {
        checkSorted();
        return items[rank];
    }

    /** The score at {@code rank} (0 is best), after {@link #sortBestFirst}. */
    float score(int rank) {
        checkSorted();
        return scores[rank];
    }

    private void checkSorted() {
        if (!sorted) {
            throw new IllegalStateException("call sortBestFirst() first");
        }
    }

    /** Whether slot a holds a worse item than slot b. */
    private boolean worse(int a, int b) {
        return scores[a] < scores[b] || (scores[a] == scores[b] && items[a] > items[b]);
    }

    private void siftUp(int j) {
        while (j > 0) {
            int parent = (j - 1) >>> 1;
            if (!worse(j, parent)) {
                return;
            }
            swap(j, parent);
            j = parent;
        }
    }

    private void siftDown(int j, int end) {
        while (true) {
            int child = 2 * j + 1;
            if (child >= end) {
                return;
            }
            if (child + 1 < end && worse(child + 1, child)) {
                child++;
            }
            if (!worse(child, j)) {
                return;
            }
            swap(j, child);
            j = child;
        }
    }

    private void swap(int a, int b) {
        int item = items[a];
        items[a] = items[b];
        items[b] = item;
        float score = scores[a];
        scores[a] = scores[b];
        scores[b] = score;
    }
}
