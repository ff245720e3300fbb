package dev.affinity.training.export;

import java.util.List;
import java.util.Map;

/**
 * One customer's line of the export.
 *
 * @param customerId the customer
 * @param recommendations item ids, best first; empty without a recommender
 * @param recommendationSource {@code personalized} (from the customer's own history), {@code
 *     popular} (the model's popularity ranking: a customer the model does not know, or one who must
 *     not be personalized) or {@code none} (no recommender)
 * @param churnScore the 0-100 churn score, or {@code null} without a churn model (or when the
 *     customer must not be personalized)
 * @param churnTier {@code low}, {@code medium} or {@code high}, or {@code null} with the score
 * @param segments segment labels by priority, the RFM segment among them
 * @param tokens token values by name, in configuration order
 */
public record ExportRow(
        String customerId,
        List<String> recommendations,
        String recommendationSource,
        Integer churnScore,
        String churnTier,
        List<String> segments,
        Map<String, String> tokens) {}
