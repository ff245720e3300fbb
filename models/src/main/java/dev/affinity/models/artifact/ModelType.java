package dev.affinity.models.artifact;

/** The kinds of model artifact, each with its own payload layout. */
public enum ModelType {
    /**
     * Latent factors (implicit ALS, item2vec): {@code user_factors.f32}, {@code item_factors.f32},
     * {@code users.ids}, {@code items.ids}, {@code user_items.csr} (each user's training items) and
     * {@code popularity.f32}.
     */
    FACTORS,
    /**
     * Item-item neighbours (item-kNN, EASE, content-based): {@code neighbors.csr}, {@code items.ids},
     * {@code users.ids}, {@code user_items.csr} and {@code popularity.f32}.
     */
    ITEM_NEIGHBORS,
    /** Popularity only: {@code items.ids} and {@code popularity.f32}. */
    POPULARITY,
    /** Logistic churn model: {@code churn.json} (standardization, coefficients, calibration). */
    CHURN_LOGISTIC,
    /**
     * Boosted trees for churn exported from XGBoost or Smile: {@code trees.json} (flat node arrays,
     * leaf values in log-odds, fill values, calibration).
     */
    CHURN_TREES
}
