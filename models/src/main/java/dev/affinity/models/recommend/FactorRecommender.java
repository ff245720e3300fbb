package dev.affinity.models.recommend;

import dev.affinity.models.artifact.IdIndex;
import dev.affinity.models.artifact.SparseRows;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;

/**
 * Scores items by the dot product of factor vectors. A user's or session's top k comes from a
 * bounded two-pass scan: a vectorised first pass over {@link ItemBlocks} gives every item an
 * approximate score with a proven error bound, and only the items whose bound reaches the k-th best
 * lower bound are re-scored with the exact dot product, so the answer (items, order, scores) is the
 * one a plain scan of exact dot products gives. Selective filters (a category) are checked before
 * any arithmetic instead. Allocates no array of catalog size per call.
 */
final class FactorRecommender extends SessionRecommender implements UserListFill {
    private final FactorModel model;
    private final CatalogView view;
    private final ColdStartPolicy policy;
    private final IdIndex items;
    private final float[] itemData;
    private final int rank;
    /** Euclidean norm of each item vector, for cosines. */
    private final float[] itemNorms;
    /** Transposed item factors for the first pass. */
    private final ItemBlocks blocks;
    /** Largest item norm, to see when a first-pass bound could overflow. */
    private final float maxNorm;
    /** Runs concurrent first passes together. */
    private final ScanCombiner combiner;
    /** Users' top lists, cached on first request; null when not asked for. */
    private final UserLists lists;
    /** Number of items that may be recommended at all. */
    private final int eligibleCount;
    /** The filter every list is computed under: the catalog's own rules only. */
    private final FilterPlan eligibleOnly;
    /** Whether {@link #lists} holds every user, to be filled ahead through {@link #userLists()}. */
    private final boolean fillsEveryUser;
    /** Answers from a user's list, and answers that had to scan instead: for tests and benchmarks. */
    final LongAdder listAnswers = new LongAdder();

    final LongAdder scanAnswers = new LongAdder();

    FactorRecommender(FactorModel model, CatalogView view, ColdStartPolicy policy) {
        this(model, view, policy, UserListOptions.NONE, Runtime.getRuntime().availableProcessors());
    }

    /**
     * A recommender that also caches users' top lists as {@code options} say, and lets {@code
     * scanners} threads run first passes at once (more callers queue and are scanned together).
     */
    FactorRecommender(
            FactorModel model, CatalogView view, ColdStartPolicy policy, UserListOptions options, int scanners) {
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
        float max = 0;
        for (float norm : itemNorms) {
            max = Math.max(max, norm);
        }
        this.maxNorm = max;
        this.blocks = new ItemBlocks(itemData, items.size(), rank);
        int eligible = 0;
        for (boolean e : view.eligible) {
            eligible += e ? 1 : 0;
        }
        this.eligibleCount = eligible;
        this.eligibleOnly = FilterPlan.of(view, ItemFilter.NONE, items);
        this.combiner = new ScanCombiner(blocks, itemNorms, Math.max(1, scanners));
        this.lists = !options.enabled()
                ? null
                : options.everyUser()
                        ? UserLists.everyUser(options.perUser(), model.users().size())
                        : UserLists.direct(options.perUser(), options.cachedUsers());
        this.fillsEveryUser = options.everyUser();
    }

    @Override
    public Optional<UserListFill> userLists() {
        return fillsEveryUser ? Optional.of(this) : Optional.empty();
    }

    @Override
    public int users() {
        return model.users().size();
    }

    @Override
    public int perUser() {
        return lists == null ? 0 : lists.perUser();
    }

    @Override
    public long filled() {
        return lists == null ? 0 : lists.filled();
    }

    @Override
    public int fill(int from, int to) {
        if (lists == null || from < 0 || to > users() || from > to) {
            throw new IllegalArgumentException(
                    "users " + from + ".." + to + " out of 0.." + users() + (lists == null ? " (no lists)" : ""));
        }
        float[] userData = model.userFactors().data();
        int n = lists.perUser();
        int[] batch = new int[ScanCombiner.MAX_BATCH];
        float[][] queries = new float[batch.length][];
        int[] offsets = new int[batch.length];
        float[] slacks = new float[batch.length];
        int count = 0;
        int done = 0;
        for (int u = from; u < to; u++) {
            if (lists.has(u)) {
                continue;
            }
            float qNorm = (float) Math.sqrt(dot(userData, u * rank, userData, u * rank, rank));
            if (!boundable(qNorm)) {
                lists.put(u, positions(exactScan(userData, u * rank, eligibleOnly, n)));
                done++;
                continue;
            }
            batch[count] = u;
            queries[count] = userData;
            offsets[count] = u * rank;
            slacks[count] = relativeError() * qNorm;
            count++;
            if (count == batch.length || u == to - 1) {
                done += fillTogether(batch, queries, offsets, slacks, count);
                count = 0;
            }
        }
        if (count > 0) {
            done += fillTogether(batch, queries, offsets, slacks, count);
        }
        return done;
    }

    private int fillTogether(int[] users, float[][] queries, int[] offsets, float[] slacks, int count) {
        float[] userData = model.userFactors().data();
        int n = lists.perUser();
        BoundedSelection[] selections =
                combiner.selectTogether(queries, offsets, count, eligibleOnly, n, slacks, tinyError());
        for (int q = 0; q < count; q++) {
            int offset = offsets[q];
            TopK top = selections[q] == null
                    ? exactScan(userData, offset, eligibleOnly, n)
                    : selections[q].finish(i -> dot(userData, offset, itemData, i * rank, rank));
            lists.put(users[q], positions(top));
        }
        return count;
    }

    private static int[] positions(TopK top) {
        int[] list = new int[top.size()];
        for (int r = 0; r < list.length; r++) {
            list[r] = top.item(r);
        }
        return list;
    }

    @Override
    public ColdStartPolicy coldStartPolicy() {
        return policy;
    }

    @Override
    public Recommendations recommend(String userId, int k, ItemFilter filter) {
        return recommend(userId, k, filter, false);
    }

    /** {@link #recommend} by a plain scan of exact dot products: the reference the fast paths must equal. */
    Recommendations recommendExact(String userId, int k, ItemFilter filter) {
        return recommend(userId, k, filter, true);
    }

    private Recommendations recommend(String userId, int k, ItemFilter filter, boolean exact) {
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
        float[] userData = model.userFactors().data();
        TopK top = exact ? null : fromList(u, plan, k);
        if (top == null) {
            top = exact ? exactScan(userData, u * rank, plan, k) : scan(userData, u * rank, plan, k);
        }
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
    IdIndex sessionItems() {
        return items;
    }

    @Override
    Recommendations answer(Session session, int k, ItemFilter filter) {
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

    /**
     * Relative error bound of a first-pass score against the exact one, per unit of |q| |x|: each of
     * the two float sums of {@code rank} products (the first pass's and the exact dot product's, in
     * different orders) rounds every term at most {@code rank} times, so it is within about {@code
     * rank * 2^-24 * sum |q_c x_c|} of the real dot product (the standard bound n u / (1 - n u) for a
     * summation tree no deeper than n), and {@code sum |q_c x_c| <= |q| |x|}; doubled again for the
     * rounding of the norms and of the bound itself.
     */
    private float relativeError() {
        return 4f * rank * 0x1p-24f;
    }

    /** The best k items by dot product with {@code query[offset, offset + rank)}, sorted. */
    TopK scan(float[] query, int offset, FilterPlan plan, int k) {
        float qNorm = (float) Math.sqrt(dot(query, offset, query, offset, rank));
        if (plan.selective() || !boundable(qNorm)) {
            return exactScan(query, offset, plan, k);
        }
        float slack = relativeError() * qNorm;
        float tiny = tinyError();
        BoundedSelection selection = combiner.select(query, offset, plan, k, slack, tiny);
        if (selection == null) {
            return exactScan(query, offset, plan, k);
        }
        return selection.finish(i -> dot(query, offset, itemData, i * rank, rank));
    }

    /**
     * The top k of user {@code u} from their cached list (computed now on a miss), re-scored
     * exactly; null when lists are off, when the filter is selective (the filtered scan is cheaper
     * than a list), when k is longer than a list, or when fewer than k of the list's items pass and
     * it does not hold every eligible item.
     */
    private TopK fromList(int u, FilterPlan plan, int k) {
        if (lists == null || plan.selective()) {
            return null;
        }
        if (k > lists.perUser()) {
            scanAnswers.increment(); // a list cannot hold k items: scan at once
            return null;
        }
        float[] userData = model.userFactors().data();
        int[] list = lists.get(u);
        if (list == null) {
            list = positions(scan(userData, u * rank, eligibleOnly, lists.perUser()));
            lists.put(u, list);
        }
        boolean complete = list.length < lists.perUser() || eligibleCount <= lists.perUser();
        TopK top = new TopK(k);
        int passed = 0;
        for (int i : list) {
            if (plan.accepts(i)) {
                top.offer(i, dot(userData, u * rank, itemData, i * rank, rank));
                passed++;
            }
        }
        if (passed < k && !complete) {
            scanAnswers.increment();
            return null;
        }
        listAnswers.increment();
        top.sortBestFirst();
        return top;
    }

    /** Queries whose first pass was shared with other concurrent queries. */
    long sharedScans() {
        return combiner.shared.sum();
    }

    /** Whether first-pass bounds for a query of norm {@code qNorm} stay far from overflow. */
    private boolean boundable(float qNorm) {
        return qNorm * maxNorm < 1e30f;
    }

    /** Absolute slack for products that underflow, where the relative bound does not hold. */
    private float tinyError() {
        return 4 * rank * Float.MIN_NORMAL;
    }

    /** The best k items by exact dot product, every item checked against the filter first. */
    TopK exactScan(float[] query, int offset, FilterPlan plan, int k) {
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
