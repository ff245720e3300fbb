package dev.affinity.bench.recommend;

import dev.affinity.models.artifact.FloatMatrix;
import dev.affinity.models.recommend.ColdStartPolicy;
import dev.affinity.models.recommend.FactorModel;
import dev.affinity.models.recommend.ItemCatalog;
import dev.affinity.models.recommend.ItemFilter;
import dev.affinity.models.recommend.Recommendations;
import dev.affinity.models.recommend.Recommender;
import dev.affinity.models.recommend.ScoredItem;
import dev.affinity.models.recommend.UserListOptions;
import org.openjdk.jmh.annotations.Threads;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Top-10 for one user over 100,000 items at 64 factors: the recommender without and with filters,
 * and a naive baseline that scores every item, sorts boxed indices by score and takes 10.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RecommendBenchmark {
    private static final int ITEMS = 100_000;
    private static final int RANK = 64;
    private static final String USER = "u7";
    /** Items per user in the precomputed lists. */
    private static final int LIST = 100;


    private FactorModel model;
    private Recommender recommender;
    private Recommender listed;
    private ItemCatalog catalog;
    private ItemFilter filter;
    private Recommender popular;

    /** Builds the model (1,000 users, 50 training items each) and the catalog, seed 42. */
    @Setup
    public void setUp() {
        model = SyntheticFactors.model(1_000, ITEMS, RANK, 50, 42L);
        catalog = ItemCatalog.of(SyntheticFactors.catalog(model.items(), 43L));
        recommender = catalog.bind(model, ColdStartPolicy.POPULAR);
        listed = catalog.bind(model, ColdStartPolicy.POPULAR, new UserListOptions(LIST, 1024));
        popular = ItemCatalog.of(SyntheticFactors.catalog(model.items(), 43L))
                .bind(new dev.affinity.models.recommend.PopularityModel(model.items(), model.popularity()),
                        ColdStartPolicy.POPULAR);
        filter = ItemFilter.NONE
                .excludingPurchased()
                .inCategory("c3")
                .priceBetween(10, 60)
                .inStock();
    }

    /** (a) No filter beyond the catalog's own rules. */
    @Benchmark
    public Recommendations topTenNoFilter() {
        return recommender.recommend(USER, 10, ItemFilter.NONE);
    }

    /** (b) Exclude the user's 50 items, one category of 20, price 10..60, in stock. */
    @Benchmark
    public Recommendations topTenFiltered() {
        return recommender.recommend(USER, 10, filter);
    }

    /** (a2) Exclude the user's 50 items only: what serving asks by default. */
    @Benchmark
    public Recommendations topTenExcludePurchased() {
        return recommender.recommend(USER, 10, ItemFilter.NONE.excludingPurchased());
    }

    /** (d) As (a2), from the user's precomputed top-100 list, re-scored exactly. */
    @Benchmark
    public Recommendations topTenFromUserList() {
        return listed.recommend(USER, 10, ItemFilter.NONE.excludingPurchased());
    }

    /** (e) As (b) with the lists bound: a category empties the list, so this is the fallback scan. */
    @Benchmark
    public Recommendations topTenFilteredListFallback() {
        return listed.recommend(USER, 10, filter);
    }

    /**
     * (f) As (a2) from 8 threads at once (throughput, all threads together): concurrent first passes
     * are scanned together, so the item blocks are read once per batch.
     */
    @Benchmark
    @Threads(8)
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public Recommendations topTenExcludePurchasedEightCallers() {
        return recommender.recommend(USER, 10, ItemFilter.NONE.excludingPurchased());
    }

    /** (g) The popularity fallback (unknown users in serving): top 10 in stock, price 10..60. */
    @Benchmark
    public Recommendations popularTenInStockPriced() {
        return popular.recommend("nobody", 10, ItemFilter.NONE.inStock().priceBetween(10, 60));
    }

    /** (c) Baseline: every score, a full sort of boxed indices, the first 10; no filter, no reasons. */
    @Benchmark
    public List<ScoredItem> topTenNaiveFullSort() {
        int u = model.users().indexOf(USER);
        FloatMatrix users = model.userFactors();
        FloatMatrix items = model.itemFactors();
        float[] user = users.row(u);
        float[] scores = new float[ITEMS];
        Integer[] order = new Integer[ITEMS];
        for (int i = 0; i < ITEMS; i++) {
            scores[i] = items.dot(i, user);
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> {
            int byScore = Float.compare(scores[b], scores[a]);
            return byScore != 0 ? byScore : Integer.compare(a, b);
        });
        List<ScoredItem> top = new ArrayList<>(10);
        for (int r = 0; r < 10; r++) {
            top.add(new ScoredItem(model.items().id(order[r]), scores[order[r]], null));
        }
        return top;
    }
}
