package dev.affinity.models.recommend;

import dev.affinity.models.artifact.IdIndex;
import java.util.List;
import java.util.Objects;

/**
 * The part of {@link Recommender} every model answers the same way: {@link #forSession} and {@link
 * #forHistory} check their arguments, weigh the known items into a {@link Session} (by recency, or
 * equally) and hand it to the model's {@link #answer}.
 */
abstract class SessionRecommender implements Recommender {
    /** The model's items, which session ids are looked up in. */
    abstract IdIndex sessionItems();

    /** The top {@code k} items for a session of known items; k and the filter are already checked. */
    abstract Recommendations answer(Session session, int k, ItemFilter filter);

    @Override
    public final Recommendations forSession(List<String> recentItemIds, int k, ItemFilter filter) {
        Ranking.checkK(k);
        Objects.requireNonNull(filter, "filter");
        return answer(Session.of(sessionItems(), recentItemIds), k, filter);
    }

    @Override
    public final Recommendations forHistory(List<String> itemIds, int k, ItemFilter filter) {
        Ranking.checkK(k);
        Objects.requireNonNull(filter, "filter");
        return answer(Session.history(sessionItems(), itemIds), k, filter);
    }
}
