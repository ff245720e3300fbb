package dev.affinity.models.recommend;

import static dev.affinity.models.recommend.ModelPayloads.ITEMS;
import static dev.affinity.models.recommend.ModelPayloads.NEIGHBORS;
import static dev.affinity.models.recommend.ModelPayloads.POPULARITY;
import static dev.affinity.models.recommend.ModelPayloads.USERS;
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
 * An item-neighbour model (item-kNN, EASE, content-based): per item, its top neighbours with
 * weights. A user's score for item i is the sum, over the user's training items h, of weight(h ->
 * i); items no training item points to get no score and are not recommended. The training items'
 * own weights in {@code userItems} do not enter the score.
 *
 * <p>Immutable: the arrays are owned by the model once passed in, and never written by it. Thread-safe.
 */
public final class NeighborModel implements RecommenderModel {
    private final IdIndex users;
    private final IdIndex items;
    private final SparseRows neighbors;
    private final SparseRows userItems;
    private final float[] popularity;

    /**
     * A model from its parts.
     *
     * @param users user ids; row u of {@code userItems} is user u
     * @param items item ids
     * @param neighbors per item h, its neighbours i (item positions) with weight(h -> i)
     * @param userItems per user, the training items (item positions) with weights
     * @param popularity per item, a popularity score such as its number of buyers
     * @throws IllegalArgumentException naming the payload whose shape does not fit
     */
    public NeighborModel(IdIndex users, IdIndex items, SparseRows neighbors, SparseRows userItems, float[] popularity) {
        this.users = Objects.requireNonNull(users, "users");
        this.items = Objects.requireNonNull(items, "items");
        this.neighbors = Objects.requireNonNull(neighbors, "neighbors");
        this.userItems = Objects.requireNonNull(userItems, "userItems");
        this.popularity = Objects.requireNonNull(popularity, "popularity");
        check(
                neighbors.rows() == items.size(),
                NEIGHBORS,
                neighbors.rows() + " rows but " + ITEMS + " has " + items.size() + " ids");
        check(
                userItems.rows() == users.size(),
                USER_ITEMS,
                userItems.rows() + " rows but " + USERS + " has " + users.size() + " ids");
        ModelPayloads.checkColumns(neighbors, items.size(), NEIGHBORS);
        ModelPayloads.checkColumns(userItems, items.size(), USER_ITEMS);
        ModelPayloads.checkFinite(neighbors.values(), NEIGHBORS);
        ModelPayloads.checkItems(items, popularity);
    }

    /**
     * Reads a {@link ModelType#ITEM_NEIGHBORS} artifact.
     *
     * @throws dev.affinity.models.artifact.ArtifactException when the artifact is of another type,
     *     a payload is missing, or shapes disagree; the message names the payload
     */
    public static NeighborModel readFrom(ModelArtifact artifact) {
        artifact.requireType(ModelType.ITEM_NEIGHBORS);
        IdIndex users = artifact.ids(USERS);
        IdIndex items = artifact.ids(ITEMS);
        SparseRows neighbors = artifact.sparse(NEIGHBORS);
        SparseRows userItems = artifact.sparse(USER_ITEMS);
        float[] popularity = ModelPayloads.popularity(artifact);
        return ModelPayloads.build(artifact, () -> new NeighborModel(users, items, neighbors, userItems, popularity));
    }

    /**
     * Writes the payloads; the caller then calls {@link ArtifactWriter#finish} with {@link #type()}.
     */
    public void writeTo(ArtifactWriter writer) {
        writer.ids(USERS, users)
                .ids(ITEMS, items)
                .sparse(NEIGHBORS, neighbors)
                .sparse(USER_ITEMS, userItems)
                .matrix(POPULARITY, FloatMatrix.column(popularity));
    }

    /** {@link ModelType#ITEM_NEIGHBORS}. */
    @Override
    public ModelType type() {
        return ModelType.ITEM_NEIGHBORS;
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

    /** Per item, its neighbours with weights; read-only. */
    public SparseRows neighbors() {
        return neighbors;
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
