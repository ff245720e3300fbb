package dev.affinity.serving.personalize;

import java.util.Locale;

/** Why part of an answer fell back to defaults; {@link #code()} is what responses and metrics show. */
public enum FallbackReason {
    /** Neither the warehouse nor the recommender knows the user. */
    UNKNOWN_USER,
    /** The warehouse knows the user but the recommender was trained before they bought anything. */
    NEW_USER,
    /** The recommender knows the user from fewer items than {@code minHistoryItems}. */
    TOO_LITTLE_HISTORY,
    /** The warehouse flags the user as not to be personalized ({@code customers.do_not_sell}). */
    DO_NOT_PERSONALIZE,
    /** The model this part needs is not loaded (not published yet, or failed to load). */
    MODEL_NOT_LOADED,
    /** The churn model is loaded but the user has no row in the latest profile snapshot. */
    NO_PROFILE,
    /** The recommender does not know the item asked about. */
    UNKNOWN_ITEM,
    /** The token's value is missing for this user. */
    MISSING_VALUE;

    /** The lower-case code, such as {@code unknown_user}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
