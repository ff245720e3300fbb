package dev.affinity.models.recommend;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The products the shop sells today. Binding a model to the catalog yields a {@link Recommender}
 * that recommends only catalog items that are merchandise; model items missing from the catalog
 * are never recommended. Immutable and thread-safe.
 */
public final class ItemCatalog {
    private final Map<String, CatalogItem> byId;
    private final Map<String, Integer> categoryCodes;

    private ItemCatalog(Map<String, CatalogItem> byId, Map<String, Integer> categoryCodes) {
        this.byId = byId;
        this.categoryCodes = categoryCodes;
    }

    /**
     * A catalog of {@code items}.
     *
     * @throws IllegalArgumentException when two items share an id
     */
    public static ItemCatalog of(List<CatalogItem> items) {
        Map<String, CatalogItem> byId = new HashMap<>();
        Map<String, Integer> codes = new HashMap<>();
        for (CatalogItem item : items) {
            if (byId.put(item.id(), item) != null) {
                throw new IllegalArgumentException("duplicate catalog item id '" + item.id() + "'");
            }
            if (item.category() != null) {
                codes.putIfAbsent(item.category(), codes.size());
            }
        }
        return new ItemCatalog(Map.copyOf(byId), Map.copyOf(codes));
    }

    /** Number of items. */
    public int size() {
        return byId.size();
    }

    /** The item with {@code id}, or empty when the catalog does not have it. */
    public Optional<CatalogItem> item(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /**
     * A recommender for {@code model} restricted to this catalog.
     *
     * @param policy what to answer for users, items and sessions the model does not know
     */
    public Recommender bind(RecommenderModel model, ColdStartPolicy policy) {
        return bind(model, policy, UserListOptions.NONE);
    }

    /**
     * As {@link #bind(RecommenderModel, ColdStartPolicy)}, and for a factor model also users' top
     * {@code lists.perUser()} items: a bounded cache of recent users' lists, or with {@link
     * UserListOptions#everyUser} one list per user, filled on each user's first request or ahead of
     * it through {@link Recommender#userLists()}. A
     * user's later requests are answered by re-scoring that list exactly under the request's filter,
     * and by a scan of the catalog only when fewer than k of its items pass; answers are the same
     * either way. Other models ignore it.
     */
    public Recommender bind(RecommenderModel model, ColdStartPolicy policy, UserListOptions lists) {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(lists, "lists");
        CatalogView view = CatalogView.align(this, model.items());
        if (model instanceof FactorModel factors) {
            return new FactorRecommender(
                    factors, view, policy, lists, Runtime.getRuntime().availableProcessors());
        } else if (model instanceof NeighborModel neighbors) {
            return new NeighborRecommender(neighbors, view, policy);
        } else {
            return new PopularityRecommender((PopularityModel) model, view, policy);
        }
    }

    /** The code of {@code category}: dense, from 0; -1 for a category no item has. */
    int categoryCode(String category) {
        return categoryCodes.getOrDefault(category, -1);
    }

    CatalogItem get(String id) {
        return byId.get(id);
    }
}
