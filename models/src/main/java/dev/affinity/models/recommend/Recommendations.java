package dev.affinity.models.recommend;

import java.util.List;
import java.util.Objects;

/**
 * The answer of a {@link Recommender}: items best first, and which path produced them.
 *
 * @param source which path answered, so that serving can flag and count fallbacks
 * @param items the items, best first; possibly fewer than asked for, or none
 */
public record Recommendations(Source source, List<ScoredItem> items) {

    /** Which path of a recommender produced the items. */
    public enum Source {
        /** The model scored a user it knows. */
        PERSONALIZED,
        /** The model ranked items similar to an item it knows. */
        SIMILAR,
        /** The model scored a session of recent items, some of which it knows. */
        SESSION,
        /** A popularity model answered, which is that model's normal answer, not a fallback. */
        POPULAR,
        /** The user, item or session was unknown and {@link ColdStartPolicy#POPULAR} applied. */
        POPULAR_FALLBACK,
        /** The user, item or session was unknown and {@link ColdStartPolicy#EMPTY} applied. */
        EMPTY
    }

    /** Checks the source and copies the list. */
    public Recommendations {
        Objects.requireNonNull(source, "source");
        items = List.copyOf(items);
    }

    /** The cold-start answer with no items. */
    public static Recommendations empty() {
        return new Recommendations(Source.EMPTY, List.of());
    }

    /** The item ids, best first. */
    public List<String> itemIds() {
        return items.stream().map(ScoredItem::itemId).toList();
    }

    /** Whether a cold-start policy answered instead of the model's own path. */
    public boolean isColdStart() {
        return source == Source.POPULAR_FALLBACK || source == Source.EMPTY;
    }
}
