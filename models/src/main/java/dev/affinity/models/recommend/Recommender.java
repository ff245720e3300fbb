package dev.affinity.models.recommend;

import java.util.List;
import java.util.Optional;

/**
 * Recommendations from one model bound to one {@link ItemCatalog} (see {@link ItemCatalog#bind}).
 * Every answer contains only catalog items that are merchandise and pass the {@link ItemFilter},
 * best first, ties broken by the item's position in the model (its order in {@code items.ids}).
 *
 * <p>Implementations are immutable and thread-safe. A call allocates at most one {@code float[]} of
 * one score per model item (the neighbour model's accumulator), plus arrays of size k and of the
 * size of the exclusions and the user's or session's items; never a sort of the catalog.
 */
public interface Recommender {
    /** The largest k a call may ask for. */
    int MAX_K = 1000;

    /** What this recommender answers for unknown users, items and sessions. */
    ColdStartPolicy coldStartPolicy();

    /**
     * The top {@code k} items for a user the model was trained on. Each item carries as its reason
     * the user's training item that contributes most to it (factor model: the highest cosine
     * between item vectors; neighbour model: the largest weight(h -> i)), among training items that
     * are in the catalog as merchandise and are not the item itself.
     *
     * @param k number of items wanted, 1..{@link #MAX_K}; fewer come back when fewer pass
     * @return source {@code PERSONALIZED}; for a user the model does not know, the cold-start
     *     answer; from a popularity model, source {@code POPULAR} for everyone
     * @throws IllegalArgumentException when k is out of range
     */
    Recommendations recommend(String userId, int k, ItemFilter filter);

    /**
     * The top {@code k} items like {@code itemId}, never the item itself. Factor model: cosine of the
     * item vectors; neighbour model: the item's neighbour list by weight; popularity model: the most
     * popular items of the item's catalog category.
     *
     * @return source {@code SIMILAR}; for an item the model does not know (popularity model: an item
     *     without a category in the catalog), the cold-start answer
     * @throws IllegalArgumentException when k is out of range
     */
    Recommendations similarItems(String itemId, int k, ItemFilter filter);

    /**
     * The top {@code k} items for a visitor the model has never seen, from the items they just
     * looked at or bought. The most recent item weighs 1 and each older one half the one after it
     * (1, 1/2, 1/4, ...), counting only item ids the model knows; unknown ids are ignored. Factor
     * model: scores against the weighted mean of the items' vectors; neighbour model: the weighted
     * sum of their neighbour rows. {@link ItemFilter#excludePurchased} leaves out the session's
     * items.
     *
     * @param recentItemIds item ids, most recent first
     * @return source {@code SESSION}; the cold-start answer when no id is known; from a popularity
     *     model, source {@code POPULAR}
     * @throws IllegalArgumentException when k is out of range
     */
    Recommendations forSession(List<String> recentItemIds, int k, ItemFilter filter);

    /**
     * The top {@code k} items for a user the model was not trained on, folded in from their whole
     * history: as {@link #forSession}, but every known item weighs the same (order does not
     * matter). This is how the held-out-users evaluation asks, and how a new customer with a known
     * purchase history can be served before the next retrain.
     *
     * @param itemIds the user's item ids, in any order
     * @return source {@code SESSION}; the cold-start answer when no id is known; from a popularity
     *     model, source {@code POPULAR}
     * @throws IllegalArgumentException when k is out of range
     */
    Recommendations forHistory(List<String> itemIds, int k, ItemFilter filter);

    /**
     * The per-user top lists to fill ahead of requests: present for a factor model bound with
     * {@link UserListOptions#forEveryUser}, empty otherwise.
     */
    default Optional<UserListFill> userLists() {
        return Optional.empty();
    }
}
