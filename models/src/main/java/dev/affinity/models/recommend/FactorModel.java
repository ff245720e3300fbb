package dev.affinity.models.recommend;

import static dev.affinity.models.recommend.ModelPayloads.ITEMS;
import static dev.affinity.models.recommend.ModelPayloads.ITEM_FACTORS;
import static dev.affinity.models.recommend.ModelPayloads.POPULARITY;
import static dev.affinity.models.recommend.ModelPayloads.USERS;
import static dev.affinity.models.recommend.ModelPayloads.USER_FACTORS;
import static dev.affinity.models.recommend.ModelPayloads.USER_ITEMS;
import static dev.affinity.models.recommend.ModelPayloads.check;

import dev.affinity.models.artifact.ArtifactWriter;
import dev.affinity.models.artifact.FloatMatrix;
import dev.affinity.models.artifact.IdIndex;
import dev.affinity.models.artifact.ModelArtifact;
import dev.affinity.models.artifact.ModelType;
import dev.affinity.models.artifact.SparseRows;
import java.util.Objects;

/**
 * A latent-factor model (implicit ALS, item2vec): a user's score for an item is the dot product of
 * their factor vectors. Also holds each user's training items, for "exclude purchased" and for
 * reasons, and item popularity, for cold start.
 *
 * <p>Immutable: the arrays are owned by the model once passed in, and never written by it; callers
 * must not modify them afterwards. Thread-safe.
 */
public final class FactorModel implements RecommenderModel {
    private final IdIndex users;
    private final IdIndex items;
    private final FloatMatrix userFactors;
    private final FloatMatrix itemFactors;
    private final SparseRows userItems;
    private final float[] popularity;

    /**
     * A model from its parts.
     *
     * @param users user ids; row u of {@code userFactors} and {@code userItems} is user u
     * @param items item ids; row i of {@code itemFactors} is item i
     * @param userFactors users x rank
     * @param itemFactors items x rank
     * @param userItems per user, the training items (columns are item positions) with weights
     * @param popularity per item, a popularity score such as its number of buyers
     * @throws IllegalArgumentException naming the payload whose shape does not fit
     */
    public FactorModel(
            IdIndex users,
            IdIndex items,
            FloatMatrix userFactors,
            FloatMatrix itemFactors,
            SparseRows userItems,
            float[] popularity) {
        this.users = Objects.requireNonNull(users, "users");
        this.items = Objects.requireNonNull(items, "items");
        this.userFactors = Objects.requireNonNull(userFactors, "userFactors");
        this.itemFactors = Objects.requireNonNull(itemFactors, "itemFactors");
        this.userItems = Objects.requireNonNull(userItems, "userItems");
        this.popularity = Objects.requireNonNull(popularity, "popularity");
        check(
                userFactors.rows() == users.size(),
                USER_FACTORS,
                userFactors.rows() + " rows but " + USERS + " has " + users.size() + " ids");
        check(
                itemFactors.rows() == items.size(),
                ITEM_FACTORS,
                itemFactors.rows() + " rows but " + ITEMS + " has " + items.size() + " ids");
        check(
                userFactors.cols() == itemFactors.cols(),
                USER_FACTORS,
                userFactors.cols() + " factors but " + ITEM_FACTORS + " has " + itemFactors.cols());
        check(
                userItems.rows() == users.size(),
                USER_ITEMS,
                userItems.rows() + " rows but " + USERS + " has " + users.size() + " ids");
        ModelPayloads.checkColumns(userItems, items.size(), USER_ITEMS);
        ModelPayloads.checkFinite(userFactors.data(), USER_FACTORS);
        ModelPayloads.checkFinite(itemFactors.data(), ITEM_FACTORS);
        ModelPayloads.checkItems(items, popularity);
    }

    /**
     * Reads a {@link ModelType#FACTORS} artifact.
     *
     * @throws dev.affinity.models.artifact.ArtifactException when the artifact is of another type,
     *     a payload is missing, or shapes disagree; the message names the payload
     */
    public static FactorModel readFrom(ModelArtifact artifact) {
        artifact.requireType(ModelType.FACTORS);
        IdIndex users = artifact.ids(USERS);
        IdIndex items = artifact.ids(ITEMS);
        FloatMatrix userFactors = artifact.matrix(USER_FACTORS);
        FloatMatrix itemFactors = artifact.matrix(ITEM_FACTORS);
        SparseRows userItems = artifact.sparse(USER_ITEMS);
        float[] popularity = ModelPayloads.popularity(artifact);
        return ModelPayloads.build(
                artifact, () -> new FactorModel(users, items, userFactors, itemFactors, userItems, popularity));
    }

    /**
     * Writes the payloads; the caller then calls {@link ArtifactWriter#finish} with {@link #type()}.
     */
    public void writeTo(ArtifactWriter writer) {
        writer.ids(USERS, users)
                .ids(ITEMS, items)
                .matrix(USER_FACTORS, userFactors)
                .matrix(ITEM_FACTORS, itemFactors)
                .sparse(USER_ITEMS, userItems)
                .matrix(POPULARITY, FloatMatrix.column(popularity));
    }

    /** {@link ModelType#FACTORS}. */
    @Override
    public ModelType type() {
        return ModelType.FACTORS;
    }

    /** The user ids. */
    public IdIndex users() {
        return users;
    }

    /** The item ids. */
    @Override
    public IdIndex items() {
        return items;
    }

    /** Number of latent factors. */
    public int rank() {
        return itemFactors.cols();
    }

    /** User factors, users x rank; read-only. */
    public FloatMatrix userFactors() {
        return userFactors;
    }

    /** Item factors, items x rank; read-only. */
    public FloatMatrix itemFactors() {
        return itemFactors;
    }

    /** Each user's training items; read-only. */
    public SparseRows userItems() {
        return userItems;
    }

    /** A copy of the per-item popularity. */
    public float[] popularity() {
        return popularity.clone();
    }

    float[] popularityView() {
        return popularity;
    }
}
