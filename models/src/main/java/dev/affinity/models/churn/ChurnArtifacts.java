package dev.affinity.models.churn;

import com.fasterxml.jackson.databind.JsonNode;
import dev.affinity.models.artifact.ArtifactException;
import dev.affinity.models.artifact.ArtifactJson;
import dev.affinity.models.artifact.ModelArtifact;

/** Reads any churn artifact into its scorer, whatever model type won at training time. */
public final class ChurnArtifacts {
    private ChurnArtifacts() {}

    /**
     * The scorer of a verified churn artifact.
     *
     * @throws ArtifactException when the artifact is not a churn model or is damaged
     */
    public static ChurnScorer read(ModelArtifact artifact) {
        return switch (artifact.manifest().type()) {
            case CHURN_LOGISTIC -> LogisticChurnModel.readFrom(artifact);
            case CHURN_TREES -> TreeEnsembleChurnModel.readFrom(artifact);
            default ->
                throw new ArtifactException(artifact.dir().resolve(ModelArtifact.MANIFEST) + ": type "
                        + artifact.manifest().type() + " is not a churn model");
        };
    }

    /** The risk tiers in the manifest's {@code hyperparameters.riskTiers}. */
    static RiskTiers riskTiers(ModelArtifact artifact) {
        JsonNode tiers = artifact.manifest().hyperparameters() == null
                ? null
                : artifact.manifest().hyperparameters().get("riskTiers");
        if (tiers == null) {
            throw new ArtifactException(
                    artifact.dir().resolve(ModelArtifact.MANIFEST) + ": hyperparameters.riskTiers is missing");
        }
        try {
            return ArtifactJson.MAPPER.treeToValue(tiers, RiskTiers.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
            throw new ArtifactException(
                    artifact.dir().resolve(ModelArtifact.MANIFEST) + ": bad riskTiers: " + e.getMessage(), e);
        }
    }
}
