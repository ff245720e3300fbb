package dev.affinity.models.recommend;

import static dev.affinity.models.recommend.ModelPayloads.ITEMS;
import static dev.affinity.models.recommend.ModelPayloads.POPULARITY;

import dev.affinity.models.artifact.ArtifactWriter;
import dev.affinity.models.artifact.FloatMatrix;
import dev.affinity.models.artifact.IdIndex;
import dev.affinity.models.artifact.ModelArtifact;
import dev.affinity.models.artifact.ModelType;
import java.util.Objects;

/**
 * A popularity model: one score per item, the same ranking for everyone. The baseline the other
 * models must beat, and the answer for users nobody knows yet.
 *
 * <p>Immutable: the array is owned by the model once passed in, and never written by it. Thread-safe.
 */
public final class PopularityModel implements RecommenderModel {
    private final IdIndex items;
    private final float[] popularity;

    /**
     * A model from its parts.
     *
     * @param items item ids
     * @param popularity per item, a popularity score such as its number of buyers; finite
     * @throws IllegalArgumentException naming the payload whose shape does not fit
     */
    public PopularityModel(IdIndex items, float[] popularity) {
        this.items = Objects.requireNonNull(items, "items");
        this.popularity = Objects.requireNonNull(popularity, "popularity");
        ModelPayloads.checkItems(items, popularity);
    }

    /**
     * Reads a {@link ModelType#POPULARITY} artifact.
     *
     * @throws dev.affinity.models.artifact.ArtifactException when the artifact is of another type,
     *     a payload is missing, or shapes disagree; the message names the payload
     */
    public static PopularityModel readFrom(ModelArtifact artifact) {
        artifact.requireType(ModelType.POPULARITY);
        IdIndex items = artifact.ids(ITEMS);
        float[] popularity = ModelPayloads.popularity(artifact);
        return ModelPayloads.build(artifact, () -> new PopularityModel(items, popularity));
    }

    /**
     * Writes the payloads; the caller then calls {@link ArtifactWriter#finish} with {@link #type()}.
     */
    public void writeTo(ArtifactWriter writer) {
        writer.ids(ITEMS, items).matrix(POPULARITY, FloatMatrix.column(popularity));
    }

    /** {@link ModelType#POPULARITY}. */
    @Override
    public ModelType type() {
        return ModelType.POPULARITY;
    }

    /** The item ids. */
    @Override
    public IdIndex items() {
        return items;
    }

    /** A copy of the per-item popularity. */
    public float[] popularity() {
        return popularity.clone();
    }

    float[] popularityView() {
        return popularity;
    }
}
