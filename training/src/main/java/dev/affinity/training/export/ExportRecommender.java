package dev.affinity.training.export;

import dev.affinity.models.artifact.IdIndex;
import dev.affinity.models.recommend.ColdStartPolicy;
import dev.affinity.models.recommend.FactorModel;
import dev.affinity.models.recommend.ItemCatalog;
import dev.affinity.models.recommend.ItemFilter;
import dev.affinity.models.recommend.NeighborModel;
import dev.affinity.models.recommend.PopularityModel;
import dev.affinity.models.recommend.Recommender;
import dev.affinity.models.recommend.RecommenderModel;
import dev.affinity.models.recommend.ScoredItem;
import dev.affinity.models.registry.ModelRegistry;
import dev.affinity.models.registry.ModelVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The current recommender bound to the catalog, answering as the server does: a customer the model
 * knows gets their personalized top-N without the items they bought; anyone else, and a customer who
 * must not be personalized, the model's popularity ranking (the latter without their items). Immutable
 * and thread-safe.
 *
 * @param name the registry name, such as {@code recommender-als}
 * @param version the registry version
 * @param model the model
 * @param personalized the model bound to the catalog
 * @param popular the model's popularity ranking bound to the catalog
 */
public record ExportRecommender(
        String name, String version, RecommenderModel model, Recommender personalized, Recommender popular) {

    /** The names tried, in order, as serving does by default. */
    public static final List<String> DEFAULT_NAMES = List.of(
            "recommender",
            "recommender-als",
            "recommender-als-early",
            "recommender-als-tuned",
            "recommender-ease",
            "recommender-item-knn",
            "recommender-popularity");

    /** One customer's answer: item ids, best first, and where they came from. */
    public record Answer(List<String> itemIds, String source) {}

    /** The first of {@code names} with a current version in {@code registry}, bound to {@code catalog}. */
    public static Optional<ExportRecommender> current(ModelRegistry registry, List<String> names, ItemCatalog catalog) {
        List<String> present = registry.names();
        for (String name : names) {
            if (!present.contains(name)) {
                continue;
            }
            Optional<ModelVersion> v = registry.current(name);
            if (v.isPresent()) {
                RecommenderModel model =
                        RecommenderModel.readFrom(registry.open(name, v.get().version()));
                return Optional.of(bind(name, v.get().version(), model, catalog));
            }
        }
        return Optional.empty();
    }

    /** Binds {@code model} and its popularity ranking to {@code catalog}. */
    public static ExportRecommender bind(String name, String version, RecommenderModel model, ItemCatalog catalog) {
        float[] popularity;
        if (model instanceof FactorModel f) {
            popularity = f.popularity();
        } else if (model instanceof NeighborModel n) {
            popularity = n.popularity();
        } else {
            popularity = ((PopularityModel) model).popularity();
        }
        return new ExportRecommender(
                name,
                version,
                model,
                catalog.bind(model, ColdStartPolicy.POPULAR),
                catalog.bind(new PopularityModel(model.items(), popularity), ColdStartPolicy.POPULAR));
    }

    /** {@code name@version}. */
    public String label() {
        return name + "@" + version;
    }

    /**
     * The top {@code k} for {@code customerId}.
     *
     * @param doNotPersonalize whether the customer opted out: popular items, without their own
     */
    public Answer recommend(String customerId, int k, boolean doNotPersonalize) {
        ItemFilter filter = ItemFilter.NONE.excludingPurchased();
        List<String> history = history(customerId);
        if (doNotPersonalize) {
            ItemFilter without = history.isEmpty() ? filter : filter.excluding(history.toArray(new String[0]));
            return new Answer(ids(popular.recommend("", k, without).items()), "popular");
        }
        if (model instanceof PopularityModel) {
            return new Answer(ids(personalized.recommend(customerId, k, filter).items()), "popular");
        }
        if (history.isEmpty()) {
            return new Answer(ids(popular.recommend("", k, filter).items()), "popular");
        }
        return new Answer(ids(personalized.recommend(customerId, k, filter).items()), "personalized");
    }

    /** The customer's training items, by id; empty when the model does not know them. */
    private List<String> history(String customerId) {
        IdIndex users;
        int[] indptr;
        int[] indices;
        if (model instanceof FactorModel f) {
            users = f.users();
            indptr = f.userItems().indptr();
            indices = f.userItems().indices();
        } else if (model instanceof NeighborModel n) {
            users = n.users();
            indptr = n.userItems().indptr();
            indices = n.userItems().indices();
        } else {
            return List.of();
        }
        int u = users.indexOf(customerId);
        if (u < 0) {
            return List.of();
        }
        List<String> ids = new ArrayList<>(indptr[u + 1] - indptr[u]);
        for (int j = indptr[u]; j < indptr[u + 1]; j++) {
            ids.add(model.items().id(indices[j]));
        }
        return ids;
    }

    private static List<String> ids(List<ScoredItem> items) {
        List<String> ids = new ArrayList<>(items.size());
        for (ScoredItem item : items) {
            ids.add(item.itemId());
        }
        return ids;
    }
}
