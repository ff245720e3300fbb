package dev.affinity.features.segments;

import java.time.LocalDateTime;
import java.util.Set;

/**
 * A compiled, type-checked rule. Evaluation follows three-valued logic: a comparison with a missing
 * value is unknown, {@code false and unknown} is false, {@code true or unknown} is true, and a rule
 * that ends unknown does not match.
 *
 * @param text the rule as written
 * @param root the compiled expression, of type boolean
 * @param segmentsUsed indexes of the segments the rule tests with {@code in_segment}
 */
public record Rule(String text, Node root, Set<Integer> segmentsUsed) {

    /** A compiled expression node. */
    @FunctionalInterface
    public interface Node {
        /** The node's value for {@code row} ({@code null} when missing or unknown). */
        Object eval(Object[] row, Context context);
    }

    /**
     * What a rule sees besides the row.
     *
     * @param now the time {@code days_since} counts to: the profile's cutoff in batch, the clock at send time
     * @param members memberships of the segments evaluated so far, by segment index
     */
    public record Context(LocalDateTime now, boolean[] members) {}

    /** Whether {@code row} matches (unknown counts as no). */
    public boolean matches(Object[] row, Context context) {
        return Boolean.TRUE.equals(root.eval(row, context));
    }
}
