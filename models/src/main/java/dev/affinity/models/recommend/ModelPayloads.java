package dev.affinity.models.recommend;

import dev.affinity.models.artifact.ArtifactException;
import dev.affinity.models.artifact.FloatMatrix;
import dev.affinity.models.artifact.IdIndex;
import dev.affinity.models.artifact.ModelArtifact;
import dev.affinity.models.artifact.SparseRows;
import java.util.function.Supplier;

/** Payload names of the recommender artifacts (see {@link dev.affinity.models.artifact.ModelType}) and shape checks. */
final class ModelPayloads {
    static final String USER_FACTORS = "user_factors.f32";
    static final String ITEM_FACTORS = "item_factors.f32";
    static final String USERS = "users.ids";
    static final String ITEMS = "items.ids";
    static final String USER_ITEMS = "user_items.csr";
    static final String NEIGHBORS = "neighbors.csr";
    static final String POPULARITY = "popularity.f32";

    private ModelPayloads() {}

    /** Fails with a message naming {@code payload} unless {@code ok}. */
    static void check(boolean ok, String payload, String problem) {
        if (!ok) {
            throw new IllegalArgumentException(payload + ": " + problem);
        }
    }

    /** Checks that every column index of {@code rows} is a position in {@code columns}. */
    static void checkColumns(SparseRows rows, int columns, String payload) {
        int[] indices = rows.indices();
        for (int j = 0; j < indices.length; j++) {
            if (indices[j] < 0 || indices[j] >= columns) {
                throw new IllegalArgumentException(payload + ": column " + indices[j] + " at value " + j
                        + " is outside the " + columns + " items of " + ITEMS);
            }
        }
    }

    /** The popularity payload as a vector; it must be a single column. */
    static float[] popularity(ModelArtifact artifact) {
        FloatMatrix m = artifact.matrix(POPULARITY);
        if (m.cols() != 1) {
            throw new ArtifactException(artifact.dir().resolve(POPULARITY) + ": expected 1 column, found " + m.cols());
        }
        return m.data();
    }

    /** Builds a model, turning a shape mismatch into an {@link ArtifactException} naming the artifact. */
    static <T> T build(ModelArtifact artifact, Supplier<T> model) {
        try {
            return model.get();
        } catch (IllegalArgumentException e) {
            throw new ArtifactException(artifact.dir() + ": " + e.getMessage(), e);
        }
    }

    /** Checks that there is one finite popularity per item. */
    static void checkItems(IdIndex items, float[] popularity) {
        check(
                popularity.length == items.size(),
                POPULARITY,
                popularity.length + " values but " + ITEMS + " has " + items.size() + " ids");
        checkFinite(popularity, POPULARITY);
    }

    /** Checks that no value is NaN or infinite, which would make rankings meaningless. */
    static void checkFinite(float[] values, String payload) {
        for (int j = 0; j < values.length; j++) {
            if (!Float.isFinite(values[j])) {
                throw new IllegalArgumentException(payload + ": value " + j + " is not finite: " + values[j]);
            }
        }
    }
}
