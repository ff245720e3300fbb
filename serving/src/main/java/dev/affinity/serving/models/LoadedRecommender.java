package dev.affinity.serving.models;

import dev.affinity.models.artifact.IdIndex;
import dev.affinity.models.artifact.SparseRows;
import dev.affinity.models.recommend.ColdStartPolicy;
import dev.affinity.models.recommend.FactorModel;
import dev.affinity.models.recommend.NeighborModel;
import dev.affinity.models.recommend.PopularityModel;
import dev.affinity.models.recommend.Recommender;
import dev.affinity.models.recommend.RecommenderModel;
import dev.affinity.models.recommend.UserListOptions;
import dev.affinity.serving.config.UserListConfig;
import java.util.List;

/**
 * A recommender model bound to the catalog, with the same model's popularity ranking bound beside
 * it for the fallbacks, and each user's training items for history checks. Immutable.
 *
 * @param name registry name, such as {@code recommender-als}
 * @param version registry version, such as {@code v000003}
 * @param model the model's data
 * @param recommender the model bound to the catalog, popular items for unknown users
 * @param popular the model's popularity ranking bound to the catalog, the same for everyone
 */
public record LoadedRecommender(
        String name, String version, RecommenderModel model, Recommender recommender, Recommender popular) {

    /**
     * Per-user top lists of a factor model: 100 items for each of up to 65,536 recent users (about
     * 28 MB when full), filled on a user's first request; the second and third request of one email
     * (HTML, text, AMP renders) then re-score 100 items instead of scanning the catalog. Answers are
     * the same as without lists.
     */
    public static final UserListOptions USER_LISTS = new UserListOptions(100, 65_536);

    /** Binds {@code model} to {@code catalog} with the cache of recent users' lists ({@link #USER_LISTS}). */
    public static LoadedRecommender bind(String name, String version, RecommenderModel model, ProductFacts catalog) {
        return bind(name, version, model, catalog, USER_LISTS);
    }

    /** The list options {@code config} asks for: a list for every user, or the cache of recent users. */
    public static UserListOptions listOptions(UserListConfig config) {
        return config.fill() ? UserListOptions.forEveryUser(config.itemsPerUser()) : USER_LISTS;
    }

    /** Binds {@code model} to {@code catalog}, keeping users' top lists as {@code lists} says. */
    public static LoadedRecommender bind(
            String name, String version, RecommenderModel model, ProductFacts catalog, UserListOptions lists) {
        float[] popularity;
        if (model instanceof FactorModel f) {
            popularity = f.popularity();
        } else if (model instanceof NeighborModel n) {
            popularity = n.popularity();
        } else {
            popularity = ((PopularityModel) model).popularity();
        }
        Recommender popular =
                catalog.catalog().bind(new PopularityModel(model.items(), popularity), ColdStartPolicy.POPULAR);
        return new LoadedRecommender(
                name, version, model, catalog.catalog().bind(model, ColdStartPolicy.POPULAR, lists), popular);
    }

    /** A popularity-only recommender (from the warehouse's orders), for when no model is loaded. */
    public static Recommender popularOnly(java.util.Map<String, Float> popularity, ProductFacts catalog) {
        IdIndex items = new IdIndex(List.copyOf(popularity.keySet()));
        float[] scores = new float[items.size()];
        int i = 0;
        for (float v : popularity.values()) {
            scores[i++] = v;
        }
        return catalog.catalog().bind(new PopularityModel(items, scores), ColdStartPolicy.POPULAR);
    }

    /** The model's label for responses and metrics: {@code name@version}. */
    public String label() {
        return name + "@" + version;
    }

    /**
     * The user's training items in the model, by id; empty for a user the model does not know (and
     * for every user of a popularity model).
     */
    public List<String> history(String userId) {
        IdIndex users;
        SparseRows userItems;
        if (model instanceof FactorModel f) {
            users = f.users();
            userItems = f.userItems();
        } else if (model instanceof NeighborModel n) {
            users = n.users();
            userItems = n.userItems();
        } else {
            return List.of();
        }
        int u = users.indexOf(userId);
        if (u < 0) {
            return List.of();
        }
        int from = userItems.indptr()[u];
        int to = userItems.indptr()[u + 1];
        String[] ids = new String[to - from];
        for (int j = from; j < to; j++) {
            ids[j - from] = model.items().id(userItems.indices()[j]);
        }
        return List.of(ids);
    }

    /** Whether the model knows the user (a popularity model knows none). */
    public boolean knows(String userId) {
        if (model instanceof FactorModel f) {
            return f.users().indexOf(userId) >= 0;
        } else if (model instanceof NeighborModel n) {
            return n.users().indexOf(userId) >= 0;
        }
        return false;
    }
}
