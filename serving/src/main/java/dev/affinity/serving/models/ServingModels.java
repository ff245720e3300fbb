package dev.affinity.serving.models;

import dev.affinity.models.recommend.Recommender;
import dev.affinity.serving.content.ContentRules;
import java.time.Instant;

/**
 * One complete, immutable set of what requests read: swapped as a whole by {@link ModelManager}, so a
 * request that took it sees one consistent version of everything.
 *
 * @param recommender the recommender, or {@code null} when none is loaded
 * @param churn the churn model, or {@code null} when none is loaded
 * @param products the catalog with display facts
 * @param customers customers' tokens, flags and profile fields
 * @param warehousePopular popularity from the warehouse's orders, bound to the catalog, for when no
 *     recommender is loaded; {@code null} without a warehouse
 * @param content the compiled segment rules, tokens and content blocks
 * @param loadedAt when this set was assembled
 * @param generation increases by one with every swap
 */
public record ServingModels(
        LoadedRecommender recommender,
        LoadedChurn churn,
        ProductFacts products,
        CustomerFacts customers,
        Recommender warehousePopular,
        ContentRules content,
        Instant loadedAt,
        long generation) {

    /** Before the first load: nothing but the content rules. */
    public static ServingModels none(ContentRules content) {
        return new ServingModels(
                null,
                null,
                ProductFacts.idsOnly(java.util.List.of()),
                CustomerFacts.EMPTY,
                null,
                content,
                Instant.EPOCH,
                0);
    }

    /** The recommender used when the user cannot be personalized: the model's popularity, else the warehouse's. */
    public Recommender popular() {
        return recommender != null ? recommender.popular() : warehousePopular;
    }
}
