package dev.affinity.models.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.affinity.models.artifact.FloatMatrix;
import dev.affinity.models.artifact.IdIndex;
import dev.affinity.models.artifact.SparseRows;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The bounded two-pass scan of {@link FactorRecommender} against its plain exact scan, on seeded
 * random models: the same items, order, scores and reasons for many users, k and filter
 * combinations, including models full of exact ties and vectors near the float range's ends.
 */
class FastScanTest {
    private static final int USERS = 150;
    /** Not a multiple of {@link ItemBlocks#BLOCK}: the last block is padded. */
    private static final int ITEMS = 2_777;
    /** Not a multiple of 4: the exact dot product's tail loop runs. */
    private static final int RANK = 13;

    @Test
    void gaussianFactorsGiveTheExactAnswerForEveryFilter() {
        checkEveryUser(model(new SplittableRandom(7), false, 1f), 11);
    }

    @Test
    void smallIntegerFactorsFullOfTiesGiveTheExactAnswerAndTieOrder() {
        checkEveryUser(model(new SplittableRandom(8), true, 1f), 12);
    }

    @Test
    void nearTiesOneUlpApartKeepTheExactOrder() {
        checkEveryUser(nearTies(model(new SplittableRandom(17), false, 1f), new SplittableRandom(18)), 19);
    }

    @Test
    void tinyAndHugeFactorsStayExact() {
        checkEveryUser(model(new SplittableRandom(9), false, 1e-19f), 13);
        checkEveryUser(model(new SplittableRandom(10), false, 1e17f), 14);
    }

    @Test
    void userListsGiveTheExactAnswerAndFallBackToTheScanWhenFiltersEmptyThem() {
        FactorModel model = model(new SplittableRandom(15), false, 1f);
        SplittableRandom random = new SplittableRandom(16);
        ItemCatalog catalog = catalog(model.items(), random);
        FactorRecommender r =
                (FactorRecommender) catalog.bind(model, ColdStartPolicy.POPULAR, new UserListOptions(40, 64));
        FactorRecommender plain = (FactorRecommender) catalog.bind(model, ColdStartPolicy.POPULAR);
        for (int u = 0; u < USERS; u++) {
            String user = model.users().id(u);
            for (int trial = 0; trial < 4; trial++) {
                int k = 1 + random.nextInt(trial == 3 ? 100 : 30);
                ItemFilter filter = filter(random, model, catalog);
                Recommendations exact = plain.recommendExact(user, k, filter);
                assertThat(r.recommend(user, k, filter))
                        .as("user %s k %d filter %s", user, k, filter)
                        .isEqualTo(exact);
            }
        }
        // Most answers come from the lists; a category (an eighth of the items), a narrow price range
        // or k beyond 40 empties a list below k and the scan answers instead.
        assertThat(r.listAnswers.sum()).isGreaterThan(USERS * 2L);
        assertThat(r.scanAnswers.sum()).isGreaterThan(USERS / 4L);

        long scans = r.scanAnswers.sum();
        ItemFilter narrow = ItemFilter.NONE.priceBetween(10.0, 10.5).inStock();
        Recommendations exact = plain.recommendExact("u3", 5, narrow);
        assertThat(exact.items()).isNotEmpty();
        assertThat(r.recommend("u3", 5, narrow)).isEqualTo(exact);
        assertThat(r.scanAnswers.sum()).isEqualTo(scans + 1);
    }

    @Test
    void listsFilledAheadForEveryUserGiveTheExactAnswer() throws Exception {
        checkFilledAhead(model(new SplittableRandom(30), false, 1f), 31);
        checkFilledAhead(model(new SplittableRandom(32), true, 1f), 33);
        checkFilledAhead(nearTies(model(new SplittableRandom(34), false, 1f), new SplittableRandom(35)), 36);
        checkFilledAhead(model(new SplittableRandom(37), false, 1e-19f), 38);
        checkFilledAhead(model(new SplittableRandom(39), false, 1e17f), 40);
    }

    /**
     * Fills every user's list from two threads in uneven ranges while a third asks for
     * recommendations, then checks every user under random filters against the plain scan.
     */
    private static void checkFilledAhead(FactorModel model, long seed) throws Exception {
        SplittableRandom random = new SplittableRandom(seed);
        ItemCatalog catalog = catalog(model.items(), random);
        Recommender bound = catalog.bind(model, ColdStartPolicy.POPULAR, UserListOptions.forEveryUser(40));
        FactorRecommender r = (FactorRecommender) bound;
        FactorRecommender plain = (FactorRecommender) catalog.bind(model, ColdStartPolicy.POPULAR);
        UserListFill fill = bound.userLists().orElseThrow();
        assertThat(plain.userLists()).isEmpty();
        assertThat(fill.users()).isEqualTo(USERS);
        assertThat(fill.perUser()).isEqualTo(40);
        assertThat(fill.filled()).isZero();
        List<Recommendations> during = new ArrayList<>();
        Thread asker = new Thread(() -> {
            for (int u = USERS - 1; u >= 0; u -= 3) {
                during.add(r.recommend(model.users().id(u), 10, ItemFilter.NONE.excludingPurchased()));
            }
        });
        int[] counts = new int[2];
        Thread first = new Thread(() -> counts[0] = fill.fill(0, 97));
        Thread second = new Thread(() -> counts[1] = fill.fill(41, USERS));
        asker.start();
        first.start();
        second.start();
        asker.join();
        first.join();
        second.join();
        assertThat(fill.filled()).isEqualTo(USERS);
        // Users 41..96 may be filled by both threads (and by a request): each counts what it computed.
        assertThat(counts[0] + counts[1]).isBetween(USERS - 50, USERS + 56);
        assertThat(fill.fill(0, USERS)).isZero();
        for (int j = 0; j < during.size(); j++) {
            String user = model.users().id(USERS - 1 - 3 * j);
            assertThat(during.get(j)).isEqualTo(plain.recommendExact(user, 10, ItemFilter.NONE.excludingPurchased()));
        }
        long listsBefore = r.listAnswers.sum();
        long scansBefore = r.scanAnswers.sum();
        for (int u = 0; u < USERS; u++) {
            String user = model.users().id(u);
            assertThat(r.recommend(user, 10, ItemFilter.NONE.excludingPurchased()))
                    .isEqualTo(plain.recommendExact(user, 10, ItemFilter.NONE.excludingPurchased()));
            for (int trial = 0; trial < 3; trial++) {
                int k = 1 + random.nextInt(trial == 2 ? 60 : 20);
                ItemFilter filter = filter(random, model, catalog);
                assertThat(r.recommend(user, k, filter))
                        .as("user %s k %d filter %s", user, k, filter)
                        .isEqualTo(plain.recommendExact(user, k, filter));
            }
        }
        // The default request never scans once every list is filled.
        assertThat(r.listAnswers.sum() - listsBefore).isGreaterThanOrEqualTo(USERS);
        assertThat(r.scanAnswers.sum() - scansBefore).isLessThan(USERS * 3L);
    }

    @Test
    void listsLongerThanTheCatalogHoldEveryItemAndNeverScan() {
        FactorModel model = Fixtures.factorModel();
        FactorRecommender r = (FactorRecommender)
                Fixtures.factorCatalog().bind(model, ColdStartPolicy.POPULAR, new UserListOptions(50, 4));
        for (String user : List.of("u0", "u1", "u2", "u3", "u4", "u5", "u6")) {
            for (ItemFilter filter : List.of(
                    ItemFilter.NONE,
                    ItemFilter.NONE.excludingPurchased().inStock(),
                    ItemFilter.NONE.inCategory("toys"))) {
                assertThat(r.recommend(user, 5, filter)).isEqualTo(r.recommendExact(user, 5, filter));
            }
        }
        // A category filter skips the list (checking the category first is cheaper): 7 x 2 from lists.
        assertThat(r.scanAnswers.sum()).isZero();
        assertThat(r.listAnswers.sum()).isEqualTo(14);
    }

    @Test
    void concurrentCallersScannedTogetherEachGetTheirExactAnswer() throws Exception {
        FactorModel model = model(new SplittableRandom(20), false, 1f);
        ItemCatalog catalog = catalog(model.items(), new SplittableRandom(21));
        // One scanner at a time, so that callers arriving during a pass queue and share the next.
        FactorRecommender r = new FactorRecommender(
                model, CatalogView.align(catalog, model.items()), ColdStartPolicy.POPULAR, UserListOptions.NONE, 1);
        int threads = 12;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            List<java.util.concurrent.Future<Integer>> futures = new ArrayList<>();
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            for (int t = 0; t < threads; t++) {
                long seed = 100 + t;
                futures.add(pool.submit(() -> {
                    start.await();
                    SplittableRandom random = new SplittableRandom(seed);
                    int checked = 0;
                    for (int j = 0; j < 60; j++) {
                        String user = model.users().id(random.nextInt(USERS));
                        int k = 1 + random.nextInt(40);
                        ItemFilter filter = filter(random, model, catalog);
                        Recommendations fast = r.recommend(user, k, filter);
                        if (!fast.equals(r.recommendExact(user, k, filter))) {
                            throw new AssertionError("user " + user + " k " + k + " filter " + filter);
                        }
                        checked++;
                    }
                    return checked;
                }));
            }
            start.countDown();
            int total = 0;
            for (java.util.concurrent.Future<Integer> f : futures) {
                total += f.get(60, java.util.concurrent.TimeUnit.SECONDS);
            }
            assertThat(total).isEqualTo(threads * 60);
            // 12 callers, one scanner: some first passes ran together.
            assertThat(r.sharedScans()).isPositive();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void randomQueriesMatchThePlainScanAtEveryK() {
        FactorModel model = model(new SplittableRandom(11), false, 1f);
        ItemCatalog catalog = catalog(model.items(), new SplittableRandom(12));
        FactorRecommender r = (FactorRecommender) catalog.bind(model, ColdStartPolicy.POPULAR);
        CatalogView view = CatalogView.align(catalog, model.items());
        SplittableRandom random = new SplittableRandom(13);
        for (int q = 0; q < 200; q++) {
            float[] query = new float[RANK];
            for (int c = 0; c < RANK; c++) {
                query[c] = (float) random.nextGaussian();
            }
            int k = 1 + random.nextInt(q % 2 == 0 ? 20 : Recommender.MAX_K);
            FilterPlan plan = FilterPlan.of(view, filter(random, model, catalog), model.items());
            TopK fast = r.scan(query, 0, plan, k);
            TopK exact = r.exactScan(query, 0, plan, k);
            assertThat(fast.size()).isEqualTo(exact.size());
            for (int j = 0; j < exact.size(); j++) {
                assertThat(fast.item(j)).as("query %d rank %d", q, j).isEqualTo(exact.item(j));
                assertThat(fast.score(j)).isEqualTo(exact.score(j));
            }
        }
    }

    private static void checkEveryUser(FactorModel model, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        ItemCatalog catalog = catalog(model.items(), random);
        FactorRecommender r = (FactorRecommender) catalog.bind(model, ColdStartPolicy.POPULAR);
        int nonEmpty = 0;
        for (int u = 0; u < USERS; u++) {
            String user = model.users().id(u);
            for (int trial = 0; trial < 4; trial++) {
                int k = trial == 0 ? 10 : 1 + random.nextInt(trial == 3 ? 300 : 30);
                ItemFilter filter = trial == 0 ? ItemFilter.NONE : filter(random, model, catalog);
                Recommendations exact = r.recommendExact(user, k, filter);
                assertThat(r.recommend(user, k, filter))
                        .as("user %s k %d filter %s", user, k, filter)
                        .isEqualTo(exact);
                nonEmpty += exact.items().isEmpty() ? 0 : 1;
            }
        }
        assertThat(nonEmpty).isGreaterThan(USERS * 3);
    }

    /**
     * {@code model} with two thirds of its items replaced by copies of earlier items with each
     * factor moved by at most two ulps: scores then differ from another item's in the last bits,
     * where the first pass's order of summation can rank them the other way round.
     */
    static FactorModel nearTies(FactorModel model, SplittableRandom random) {
        float[] items = model.itemFactors().data().clone();
        for (int i = 1; i < ITEMS; i++) {
            if (random.nextInt(3) != 0) {
                int copy = random.nextInt(Math.min(i, 40));
                for (int c = 0; c < RANK; c++) {
                    float v = items[copy * RANK + c];
                    items[i * RANK + c] = v + (random.nextInt(5) - 2) * Math.ulp(v);
                }
            }
        }
        return new FactorModel(
                model.users(),
                model.items(),
                model.userFactors(),
                new FloatMatrix(ITEMS, RANK, items),
                model.userItems(),
                model.popularity());
    }

    /** A random mix of exclusions, purchased items, price range and stock; now and then a category. */
    static ItemFilter filter(SplittableRandom random, FactorModel model, ItemCatalog catalog) {
        ItemFilter f = ItemFilter.NONE;
        if (random.nextBoolean()) {
            f = f.excludingPurchased();
        }
        if (random.nextInt(3) == 0) {
            Set<String> ids = new HashSet<>();
            for (int j = 0; j < 1 + random.nextInt(30); j++) {
                ids.add(model.items().id(random.nextInt(ITEMS)));
            }
            ids.add("not-an-item");
            f = f.excluding(ids.toArray(new String[0]));
        }
        if (random.nextInt(3) == 0) {
            double lo = random.nextInt(60);
            f = f.priceBetween(lo, lo + random.nextInt(60));
        }
        if (random.nextInt(3) == 0) {
            f = f.inStock();
        }
        if (random.nextInt(6) == 0) {
            f = f.inCategory("c" + random.nextInt(9)); // c8 exists in no catalog: matches nothing
        }
        return f;
    }

    /**
     * Users and items with Gaussian factors times {@code scale}, or (ties) integers in -2..2 where
     * a third of the items copy an earlier item's vector; 8 training items per user.
     */
    static FactorModel model(SplittableRandom random, boolean ties, float scale) {
        float[] users = new float[USERS * RANK];
        float[] items = new float[ITEMS * RANK];
        for (int j = 0; j < users.length; j++) {
            users[j] = ties ? random.nextInt(5) - 2 : (float) random.nextGaussian() * scale;
        }
        for (int i = 0; i < ITEMS; i++) {
            int copy = ties && i > 0 && random.nextInt(3) == 0 ? random.nextInt(i) : -1;
            for (int c = 0; c < RANK; c++) {
                items[i * RANK + c] = copy >= 0
                        ? items[copy * RANK + c]
                        : ties ? random.nextInt(5) - 2 : (float) random.nextGaussian() * scale;
            }
        }
        int per = 8;
        int[] indptr = new int[USERS + 1];
        int[] indices = new int[USERS * per];
        float[] values = new float[indices.length];
        for (int u = 0; u < USERS; u++) {
            indptr[u + 1] = indptr[u] + per;
            int start = random.nextInt(ITEMS);
            for (int j = 0; j < per; j++) {
                indices[u * per + j] = (start + j * (ITEMS / per)) % ITEMS;
                values[u * per + j] = 1f;
            }
        }
        float[] popularity = new float[ITEMS];
        for (int i = 0; i < ITEMS; i++) {
            popularity[i] = random.nextInt(100);
        }
        return new FactorModel(
                ids("u", USERS),
                ids("i", ITEMS),
                new FloatMatrix(USERS, RANK, users),
                new FloatMatrix(ITEMS, RANK, items),
                new SparseRows(USERS, indptr, indices, values),
                popularity);
    }

    /** Every item but 2%, in categories c0..c7, prices 0..99 (1% unknown), 80% in stock, 1% not merchandise. */
    static ItemCatalog catalog(IdIndex items, SplittableRandom random) {
        List<CatalogItem> list = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            if (random.nextInt(50) == 0) {
                continue;
            }
            double price = random.nextInt(100) == 0 ? Double.NaN : random.nextInt(10_000) / 100.0;
            list.add(new CatalogItem(
                    items.id(i),
                    "Item " + i,
                    "c" + random.nextInt(8),
                    price,
                    random.nextInt(5) != 0,
                    random.nextInt(100) != 0));
        }
        return ItemCatalog.of(list);
    }

    private static IdIndex ids(String prefix, int n) {
        List<String> ids = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            ids.add(prefix + i);
        }
        return new IdIndex(ids);
    }
}
