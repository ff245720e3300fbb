package dev.affinity.models.recommend;

import java.util.Objects;

/**
 * One recommended item.
 *
 * @param itemId the item's id
 * @param score the model's score; larger is better. Its scale depends on the model (a dot
 *     product, a cosine, a sum of neighbour weights, a popularity count), so compare scores only
 *     within one {@link Recommendations}
 * @param becauseItemId the user's (or session's) item that contributes most to this one, which
 *     serving shows as "because you bought ..."; {@code null} when the model gives no reason
 */
public record ScoredItem(String itemId, float score, String becauseItemId) {
    /** Checks that the id is present and the score a number. */
    public ScoredItem {
        Objects.requireNonNull(itemId, "itemId");
        if (Float.isNaN(score)) {
            throw new IllegalArgumentException("score of " + itemId + " is NaN");
        }
    }
}
