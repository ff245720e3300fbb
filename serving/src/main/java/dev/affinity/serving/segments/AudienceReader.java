package dev.affinity.serving.segments;

import dev.affinity.features.segments.SegmentSet;
import dev.affinity.serving.content.ContentRules;
import dev.affinity.serving.models.CustomerFacts;
import dev.affinity.serving.models.ServingModels;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;

/**
 * Evaluates the segment rules and resolves the tokens for one user from one {@link ServingModels}
 * set: materialises the user's profile row from the column store, walks the compiled rules and
 * token expressions. Microseconds per user; thread-safe. {@code days_since} counts to the clock.
 */
public final class AudienceReader {
    private final Clock clock;

    /** A reader whose rules count days to {@code clock} (UTC). */
    public AudienceReader(Clock clock) {
        this.clock = clock;
    }

    /**
     * The user's audience. A user the warehouse does not know, or flags as not to be personalized,
     * is in no segment and gets every token's fallback.
     */
    public Audience read(ServingModels set, String userId) {
        CustomerFacts customers = set.customers();
        ContentRules rules = set.content();
        int row = customers.row(userId);
        boolean dnp = customers.doNotPersonalize(row);
        if (row < 0 || dnp) {
            return new Audience(
                    userId,
                    row,
                    dnp,
                    null,
                    null,
                    List.of(),
                    null,
                    rules.tokens().fallbacks());
        }
        Object[] profile = customers.profileRow(row);
        LocalDateTime now = LocalDateTime.now(clock);
        SegmentSet segments = rules.segments();
        boolean[] members = segments.evaluate(profile, now);
        return new Audience(
                userId,
                row,
                false,
                profile,
                members,
                segments.labels(profile, members),
                segments.rfmSegment(profile),
                rules.tokens().resolve(profile, now));
    }
}
