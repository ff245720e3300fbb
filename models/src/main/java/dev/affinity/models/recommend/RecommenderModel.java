package dev.affinity.models.recommend;

import dev.affinity.models.artifact.ArtifactException;
import dev.affinity.models.artifact.ArtifactWriter;
import dev.affinity.models.artifact.IdIndex;
import dev.affinity.models.artifact.ModelArtifact;
import dev.affinity.models.artifact.ModelType;

/**
 * A recommendation model's data, ready to be bound to a catalog with {@link ItemCatalog#bind}.
 * Immutable and thread-safe.
 */
public sealed interface RecommenderModel permits FactorModel, NeighborModel, PopularityModel {
    /** The artifact type this model is written as. */
    ModelType type();

    /** The model's item ids; positions index every item array of the model. */
    IdIndex items();

    /** Writes the model's payloads; the caller finishes the artifact with its manifest. */
    void writeTo(ArtifactWriter writer);

    /** Reads whichever recommender model {@code artifact} holds. */
    static RecommenderModel readFrom(ModelArtifact artifact) {
        ModelType type = artifact.manifest().type();
        return switch (type) {
            case FACTORS -> FactorModel.readFrom(artifact);
            case ITEM_NEIGHBORS -> NeighborModel.readFrom(artifact);
            case POPULARITY -> PopularityModel.readFrom(artifact);
            default ->
                throw new ArtifactException(
                        artifact.dir().resolve(ModelArtifact.MANIFEST) + ": a " + type + " model is not a recommender");
        };
    }
}
