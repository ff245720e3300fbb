package dev.affinity.serving.segments;

import dev.affinity.features.tokens.ResolvedTokens;
import java.util.List;

/**
 * One user as the segment rules and tokens see them at send time.
 *
 * @param userId the user
 * @param row the user's row in the customer facts, or -1 when the warehouse does not know them
 * @param doNotPersonalize whether the warehouse flags them as not to be personalized
 * @param profile the profile row the rules read, or {@code null} when not evaluated (unknown user, or
 *     not to be personalized)
 * @param members membership of every enabled segment, by index, or {@code null} when not evaluated
 * @param labels segment labels by priority (the RFM segment among them); empty when not evaluated
 * @param rfmSegment the RFM segment, or {@code null} when not evaluated
 * @param tokens the resolved tokens: every token's fallback when not evaluated
 */
public record Audience(
        String userId,
        int row,
        boolean doNotPersonalize,
        Object[] profile,
        boolean[] members,
        List<String> labels,
        String rfmSegment,
        ResolvedTokens tokens) {

    /** Whether the rules were evaluated for this user. */
    public boolean evaluated() {
        return profile != null;
    }

    /** The profile value of field {@code index}, or {@code null}. */
    public Object field(int index) {
        return profile == null || index < 0 ? null : profile[index];
    }
}
