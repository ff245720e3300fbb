package dev.affinity.features.generate;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Draws each customer's visible attributes and latent traits.
 *
 * <p>Tastes are what make collaborative filtering work on this data: each customer favours one to
 * three categories, with Dirichlet-like weights (normalised Gamma draws), and spreads the remaining
 * {@value #EXPLORATION} of their attention over all categories by their weight.
 */
final class SyntheticCustomers {
    /** Share of customers who sign up inside the window; the rest signed up before it. */
    static final double NEW_SIGNUP_SHARE = 0.3;
    /** Share of customers drawn to churn within the window. */
    static final double CHURN_RATE = 0.25;
    /** Share of customers who accept campaign e-mails. */
    static final double EMAIL_OPT_IN = 0.9;
    /** Share of customers who opt out of data sale. */
    static final double DO_NOT_SELL = 0.05;
    /** Share of attention not given to favourite categories. */
    static final double EXPLORATION = 0.15;
    /** Gamma shape of favourite-category weights; larger makes favourites more even. */
    static final double TASTE_CONCENTRATION = 1.0;
    /** Gamma shape of the activity multiplier (mean 1); smaller makes activity more skewed. */
    static final double ACTIVITY_SHAPE = 1.5;
    /** Longest time before the window that a pre-existing customer signed up, in days. */
    static final int MAX_TENURE_DAYS = 3 * 365;

    private static final List<String> DOMAINS =
            List.of("example.com", "example.net", "example.org", "mail.example.com");
    private static final long DAY = 86_400;

    private final Window window;
    private final long lastDay;
    private final double[] cityCdf = Cities.cumulativeWeights();
    private final double[] categoryWeights;
    private final double[] categoryCdf;
    private final int categoriesWithProducts;

    SyntheticCustomers(GeneratorConfig config, Catalog catalog) {
        this.window = Window.of(config);
        this.lastDay = config.endDate().toEpochDay();
        this.categoryWeights = catalog.categoryWeights();
        this.categoryCdf = RandomDraws.cumulative(categoryWeights);
        int present = 0;
        for (double w : categoryWeights) {
            present += w > 0 ? 1 : 0;
        }
        this.categoriesWithProducts = present;
    }

    /** Draws customer {@code index} (0-based) from {@code r}. */
    SyntheticCustomer draw(int index, SplittableRandom r) {
        String digits = Ids.customerDigits(index);
        String first = RandomDraws.oneOf(r, PersonNames.FIRST);
        String last = RandomDraws.oneOf(r, PersonNames.LAST);
        String email = ascii(first) + "." + ascii(last) + (index + 1) + "@" + RandomDraws.oneOf(r, DOMAINS);
        City city = Cities.ALL.get(RandomDraws.pick(r, cityCdf));

        boolean inWindow = r.nextDouble() < NEW_SIGNUP_SHARE;
        long signupAt = inWindow
                ? window.start() + r.nextLong(window.seconds())
                : window.start() - 1 - r.nextLong(MAX_TENURE_DAYS * DAY);
        long activeStart = inWindow ? signupAt + 60 : window.start();
        boolean optIn = r.nextDouble() < EMAIL_OPT_IN;
        boolean doNotSell = r.nextDouble() < DO_NOT_SELL;

        double[] taste = taste(r);
        int top = 0;
        for (int c = 1; c < taste.length; c++) {
            if (taste[c] > taste[top]) {
                top = c;
            }
        }
        double activity = Math.min(10, RandomDraws.gamma(r, ACTIVITY_SHAPE) / ACTIVITY_SHAPE);
        double engagement = RandomDraws.beta(r, 1.2, 3.0);
        double webShare = r.nextDouble() < 0.6 ? 0.9 : 0.2;

        boolean churnDrawn = r.nextDouble() < CHURN_RATE;
        long firstChurnDay = Math.floorDiv(activeStart, DAY) + 1;
        LocalDate churnDate = null;
        long activeEnd = window.end();
        if (churnDrawn && firstChurnDay <= lastDay) {
            long day = firstChurnDay + r.nextLong(lastDay - firstChurnDay + 1);
            churnDate = LocalDate.ofEpochDay(day);
            activeEnd = day * DAY;
        }
        return new SyntheticCustomer(
                digits,
                "C" + digits,
                first,
                last,
                email,
                city,
                signupAt,
                inWindow,
                optIn,
                doNotSell,
                RandomDraws.cumulative(taste),
                top,
                activity,
                engagement,
                webShare,
                activeStart,
                activeEnd,
                churnDate);
    }

    /** Taste weights over all categories, summing to 1; zero for categories without products. */
    private double[] taste(SplittableRandom r) {
        double u = r.nextDouble();
        int favourites = Math.min(categoriesWithProducts, u < 0.35 ? 1 : u < 0.75 ? 2 : 3);
        int[] chosen = new int[favourites];
        double[] weight = new double[favourites];
        double sum = 0;
        for (int k = 0; k < favourites; k++) {
            int c;
            do {
                c = RandomDraws.pick(r, categoryCdf);
            } while (contains(chosen, k, c));
            chosen[k] = c;
            weight[k] = RandomDraws.gamma(r, TASTE_CONCENTRATION);
            sum += weight[k];
        }
        double total = categoryCdf[categoryCdf.length - 1];
        double[] taste = new double[categoryWeights.length];
        for (int c = 0; c < taste.length; c++) {
            taste[c] = EXPLORATION * categoryWeights[c] / total;
        }
        for (int k = 0; k < favourites; k++) {
            taste[chosen[k]] += (1 - EXPLORATION) * weight[k] / sum;
        }
        return taste;
    }

    private static boolean contains(int[] values, int count, int value) {
        for (int i = 0; i < count; i++) {
            if (values[i] == value) {
                return true;
            }
        }
        return false;
    }

    /** Lower-case ASCII letters of a name, for the local part of an e-mail address. */
    private static String ascii(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFD)
                .replaceAll("[^A-Za-z]", "")
                .toLowerCase(Locale.ROOT);
    }
}
