package dev.affinity.features.interactions;

/**
 * How much each kind of interaction counts. A user's confidence in an item is {@code
 * purchase * log1p(net quantity bought) + addToCart * log1p(add-to-carts) + view * log1p(views)},
 * each count decayed by {@code 0.5^(age / halfLifeDays)} when a half-life is set.
 *
 * @param purchase weight of purchases (quantity net of returns)
 * @param addToCart weight of add-to-cart events
 * @param view weight of product views
 * @param halfLifeDays age in days at which an interaction counts half; 0 turns decay off
 */
public record InteractionWeights(double purchase, double addToCart, double view, double halfLifeDays) {
    /** Purchases 1, add-to-carts 0.3, views 0.1, no decay. */
    public static final InteractionWeights DEFAULT = new InteractionWeights(1.0, 0.3, 0.1, 0);

    /** Checks that weights are finite and not negative, and that some interaction counts. */
    public InteractionWeights {
        for (double w : new double[] {purchase, addToCart, view, halfLifeDays}) {
            if (!(w >= 0) || !Double.isFinite(w)) {
                throw new IllegalArgumentException("interaction weights and half-life must be finite and >= 0: "
                        + "purchase=" + purchase + ", addToCart=" + addToCart + ", view=" + view
                        + ", halfLifeDays=" + halfLifeDays);
            }
        }
        if (purchase + addToCart + view == 0) {
            throw new IllegalArgumentException("at least one interaction weight must be positive");
        }
    }

    /** These weights with a decay half-life in days. */
    public InteractionWeights withHalfLife(double days) {
        return new InteractionWeights(purchase, addToCart, view, days);
    }
}
