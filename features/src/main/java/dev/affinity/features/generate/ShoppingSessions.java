package dev.affinity.features.generate;

import dev.affinity.features.warehouse.EventType;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Simulates one customer's web and app sessions over their active span, writing {@code events},
 * and for checkouts {@code orders} and sometimes {@code returns}.
 *
 * <p>A session centres on one category drawn from the customer's tastes: an optional search, a few
 * product views (mostly in that category, products drawn by Zipf popularity), some add-to-carts;
 * then cart items may be removed, and the cart is either checked out or abandoned. A checkout
 * writes one {@code purchase} event and one order line per product, at the list price. Nothing is
 * written at or after the customer's {@link SyntheticCustomer#activeEnd()}.
 *
 * <p>Holds reusable buffers, so one instance serves one generation on one thread.
 */
final class ShoppingSessions {
    /** Share of sessions that start with a search. */
    static final double SEARCH_SHARE = 0.3;
    /** Chance that each further view ends the session's browsing (views are 1 + geometric). */
    static final double STOP_VIEWING = 0.3;
    /** Chance that a view stays in the session's category rather than following tastes anew. */
    static final double STAY_IN_CATEGORY = 0.8;
    /** Chance that a viewed product is added to the cart. */
    static final double ADD_TO_CART = 0.12;
    /** Chance that a cart item is removed before checkout. */
    static final double REMOVE_FROM_CART = 0.12;
    /** Chance that a non-empty cart is checked out rather than abandoned. */
    static final double CHECKOUT = 0.5;
    /** Chance that an order line is returned. */
    static final double RETURN_RATE = 0.03;
    /** Mean seconds between events in a session. */
    static final double MEAN_GAP_SECONDS = 45;
    /**
     * Mean {@code events} rows per session under the probabilities above (a search, 1/STOP_VIEWING
     * views, and per view the cart, removal and purchase events it leads to), used to turn the
     * events-per-customer target into a session rate.
     */
    static final double EVENTS_PER_SESSION = SEARCH_SHARE
            + (1 / STOP_VIEWING) * (1 + ADD_TO_CART * (1 + REMOVE_FROM_CART + (1 - REMOVE_FROM_CART) * CHECKOUT));
    /**
     * Mean share of the window a customer is active: half of new customers' window is before their
     * sign-up, and churners lose on average half of what remains.
     */
    static final double ACTIVE_FRACTION =
            (1 - SyntheticCustomers.NEW_SIGNUP_SHARE / 2) * (1 - SyntheticCustomers.CHURN_RATE / 2);

    private static final List<String> RETURN_REASONS =
            List.of("damaged", "wrong size", "not as described", "changed mind", "arrived late");
    private static final long DAY = 86_400;

    private final GeneratorConfig config;
    private final Window window;
    private final Catalog catalog;
    private final GeneratedRows rows;
    private long[] starts = new long[64];
    private int[] cart = new int[16];
    private SyntheticCustomer customer;
    private SplittableRandom r;
    private int eventSeq;
    private int sessionSeq;
    private int orderSeq;

    ShoppingSessions(GeneratorConfig config, Catalog catalog, GeneratedRows rows) {
        this.config = config;
        this.window = Window.of(config);
        this.catalog = catalog;
        this.rows = rows;
    }

    /** Writes all of {@code customer}'s sessions, drawing from {@code random}. */
    void simulate(SyntheticCustomer customer, SplittableRandom random) {
        this.customer = customer;
        this.r = random;
        eventSeq = 0;
        sessionSeq = 0;
        orderSeq = 0;
        if (customer.signedUpInWindow()) {
            event(null, EventType.SIGNUP, null, null, customer.signupAt(), channel());
        }
        long span = customer.activeEnd() - customer.activeStart();
        if (span <= 0) {
            return;
        }
        double meanSessions = customer.activity()
                * config.eventsPerCustomer()
                / EVENTS_PER_SESSION
                * ((double) span / window.seconds())
                / ACTIVE_FRACTION;
        int sessions = RandomDraws.poisson(r, meanSessions);
        if (starts.length < sessions) {
            starts = new long[Math.max(sessions, 2 * starts.length)];
        }
        for (int s = 0; s < sessions; s++) {
            starts[s] = customer.activeStart() + r.nextLong(span);
        }
        Arrays.sort(starts, 0, sessions);
        for (int s = 0; s < sessions; s++) {
            session(starts[s]);
        }
    }

    private void session(long start) {
        long end = customer.activeEnd();
        long t = start;
        String channel = channel();
        String sessionId = Ids.sequenced("S", customer.digits(), ++sessionSeq);
        int home = RandomDraws.pick(r, customer.tasteCdf());
        if (r.nextDouble() < SEARCH_SHARE) {
            event(sessionId, EventType.SEARCH, null, query(home), t, channel);
            t = next(t);
        }
        int views = 1 + RandomDraws.geometric(r, STOP_VIEWING);
        int inCart = 0;
        for (int v = 0; v < views; v++) {
            if (t >= end) {
                return;
            }
            int category = r.nextDouble() < STAY_IN_CATEGORY ? home : RandomDraws.pick(r, customer.tasteCdf());
            int product = catalog.sample(category, r);
            event(sessionId, EventType.VIEW, catalog.id(product), null, t, channel);
            t = next(t);
            if (r.nextDouble() < ADD_TO_CART && t < end) {
                event(sessionId, EventType.ADD_TO_CART, catalog.id(product), null, t, channel);
                t = next(t);
                if (inCart == cart.length) {
                    cart = Arrays.copyOf(cart, 2 * inCart);
                }
                cart[inCart++] = product;
            }
        }
        int kept = 0;
        for (int i = 0; i < inCart; i++) {
            if (r.nextDouble() < REMOVE_FROM_CART && t < end) {
                event(sessionId, EventType.REMOVE_FROM_CART, catalog.id(cart[i]), null, t, channel);
                t = next(t);
            } else {
                cart[kept++] = cart[i];
            }
        }
        if (kept > 0 && r.nextDouble() < CHECKOUT && t < end) {
            checkout(kept, t, sessionId, channel);
        }
    }

    private void checkout(int lines, long at, String sessionId, String channel) {
        String orderId = Ids.sequenced("O", customer.digits(), ++orderSeq);
        String country = customer.city().country();
        for (int i = 0; i < lines; i++) {
            int product = cart[i];
            String productId = catalog.id(product);
            double price = catalog.price(product);
            double u = r.nextDouble();
            int quantity = u < 0.85 ? 1 : u < 0.95 ? 2 : 3;
            event(sessionId, EventType.PURCHASE, productId, null, at, channel);
            rows.orderLine(orderId, i + 1, customer.id(), productId, quantity, price, at, country, channel);
            if (r.nextDouble() < RETURN_RATE) {
                long returnedAt = at + 2 * DAY + r.nextLong(28 * DAY);
                if (returnedAt < customer.activeEnd()) {
                    String returnId = "R" + orderId.substring(1) + "-" + (i + 1);
                    String reason = RandomDraws.oneOf(r, RETURN_REASONS);
                    rows.returnLine(
                            returnId, orderId, customer.id(), productId, quantity, price, returnedAt, country, reason);
                }
            }
        }
    }

    private String query(int category) {
        Category c = Categories.ALL.get(category);
        String noun = RandomDraws.oneOf(r, c.nouns());
        String text = r.nextBoolean() ? noun : RandomDraws.oneOf(r, c.adjectives()) + " " + noun;
        return text.toLowerCase(Locale.ROOT);
    }

    private String channel() {
        return r.nextDouble() < customer.webShare() ? "web" : "app";
    }

    private long next(long t) {
        return t + 1 + (long) RandomDraws.exponential(r, MEAN_GAP_SECONDS);
    }

    private void event(String sessionId, EventType type, String productId, String query, long at, String channel) {
        String eventId = Ids.sequenced("E", customer.digits(), ++eventSeq);
        rows.event(eventId, customer.id(), sessionId, type, productId, query, at, channel);
    }
}
