package dev.affinity.models.recommend;

/**
 * What a {@link Recommender} answers for a user or item the model has never seen (and for a
 * session none of whose items it knows).
 */
public enum ColdStartPolicy {
    /**
     * Answer with the model's popularity ranking under the same filter; the result's source is
     * {@link Recommendations.Source#POPULAR_FALLBACK}.
     */
    POPULAR,
    /** Answer with no items; the result's source is {@link Recommendations.Source#EMPTY}. */
    EMPTY
}
