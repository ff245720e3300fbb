package dev.affinity.features.generate;

import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The synthetic product catalog, held as primitive arrays: each product's category and price, and
 * per category its products in popularity order with a Zipf cumulative distribution, so that a
 * customer's next product is one binary search away.
 */
final class Catalog {
    /** Random stream of product attributes, one sub-stream per product index. */
    static final long PRODUCT_STREAM = 1;
    /** Random stream of the popularity ranking inside each category. */
    static final long RANKING_STREAM = 2;
    /** Zipf exponent of popularity by rank within a category: rank r is viewed in proportion to 1/r^s. */
    static final double ZIPF_EXPONENT = 1.0;
    /** Log-scale standard deviation of prices around the category median. */
    static final double PRICE_SIGMA = 0.5;
    /** Share of products in stock. */
    static final double IN_STOCK = 0.95;

    private static final List<String> BRANDS = List.of(
            "Northwind",
            "Contoso",
            "Fabrikam",
            "Tailspin",
            "Litware",
            "Proseware",
            "Woodgrove",
            "Lucerne",
            "Alpine Ski House",
            "Coho",
            "Wingtip",
            "Adatum");
    private static final List<String> TAGLINES = List.of(
            "Built to last.",
            "Loved by thousands of customers.",
            "Free returns within 30 days.",
            "Designed in-house and tested by our team.",
            "A customer favourite.",
            "Now in new colours.");

    private final String[] ids;
    private final double[] prices;
    private final int[] categoryOf;
    private final int[] byCategory;
    private final int[] categoryStart;
    private final double[] popularityCdf;
    private final double[] categoryWeights;

    private Catalog(
            String[] ids,
            double[] prices,
            int[] categoryOf,
            int[] byCategory,
            int[] categoryStart,
            double[] popularityCdf,
            double[] categoryWeights) {
        this.ids = ids;
        this.prices = prices;
        this.categoryOf = categoryOf;
        this.byCategory = byCategory;
        this.categoryStart = categoryStart;
        this.popularityCdf = popularityCdf;
        this.categoryWeights = categoryWeights;
    }

    /**
     * Draws {@code config.products()} products and writes them to {@code rows}. The first twenty
     * products cover the categories in order, so that every category has products when there are
     * enough; the rest fall into categories by weight.
     */
    static Catalog generate(GeneratorConfig config, GeneratedRows rows) {
        int n = config.products();
        int categories = Categories.ALL.size();
        double[] weightCdf = RandomDraws.cumulative(Categories.weights());
        String[] ids = new String[n];
        double[] prices = new double[n];
        int[] categoryOf = new int[n];
        int[] counts = new int[categories];
        for (int p = 0; p < n; p++) {
            SplittableRandom r = RandomDraws.stream(config.seed(), PRODUCT_STREAM, p);
            int c = p < categories ? p : RandomDraws.pick(r, weightCdf);
            Category category = Categories.ALL.get(c);
            ids[p] = Ids.product(p);
            categoryOf[p] = c;
            counts[c]++;
            prices[p] = Math.max(
                    0.49, Math.round(RandomDraws.logNormal(r, category.medianPrice(), PRICE_SIGMA) * 100) / 100.0);
            String brand = RandomDraws.oneOf(r, BRANDS);
            String adjective = RandomDraws.oneOf(r, category.adjectives());
            String noun = RandomDraws.oneOf(r, category.nouns());
            String title = brand + " " + adjective + " " + noun;
            String description = "A " + adjective.toLowerCase(Locale.ROOT) + " "
                    + noun.toLowerCase(Locale.ROOT) + " by " + brand + ", made for "
                    + RandomDraws.oneOf(r, category.uses()) + ". " + RandomDraws.oneOf(r, TAGLINES);
            rows.product(ids[p], title, description, category.name(), prices[p], r.nextDouble() < IN_STOCK);
        }
        int[] start = new int[categories + 1];
        for (int c = 0; c < categories; c++) {
            start[c + 1] = start[c] + counts[c];
        }
        int[] byCategory = new int[n];
        int[] fill = start.clone();
        for (int p = 0; p < n; p++) {
            byCategory[fill[categoryOf[p]]++] = p;
        }
        SplittableRandom ranking = RandomDraws.stream(config.seed(), RANKING_STREAM, 0);
        double[] cdf = new double[n];
        double[] weights = new double[categories];
        for (int c = 0; c < categories; c++) {
            shuffle(byCategory, start[c], start[c + 1], ranking);
            double sum = 0;
            for (int i = start[c]; i < start[c + 1]; i++) {
                sum += 1 / Math.pow(i - start[c] + 1, ZIPF_EXPONENT);
                cdf[i] = sum;
            }
            weights[c] = counts[c] == 0 ? 0 : Categories.ALL.get(c).weight();
        }
        return new Catalog(ids, prices, categoryOf, byCategory, start, cdf, weights);
    }

    private static void shuffle(int[] a, int from, int to, SplittableRandom r) {
        for (int i = to - 1; i > from; i--) {
            int j = from + r.nextInt(i - from + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    /** A product of category {@code c} (which must have products), drawn by Zipf popularity. */
    int sample(int c, SplittableRandom r) {
        int from = categoryStart[c];
        int to = categoryStart[c + 1];
        return byCategory[RandomDraws.pick(popularityCdf, from, to, r.nextDouble() * popularityCdf[to - 1])];
    }

    /** Category weights with 0 for categories without products, in {@link Categories#ALL} order. */
    double[] categoryWeights() {
        return categoryWeights.clone();
    }

    /** The product id of product {@code p}. */
    String id(int p) {
        return ids[p];
    }

    /** The list price of product {@code p}. */
    double price(int p) {
        return prices[p];
    }

    /** The category index of product {@code p}. */
    int category(int p) {
        return categoryOf[p];
    }
}
