package dev.affinity.features.segments;

import java.time.LocalDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every enabled segment of a {@link SegmentConfig}, compiled and ordered so that a segment is
 * evaluated after its parent and after the segments its rule tests. Evaluating all segments for one
 * profile row is a walk over closures: microseconds. Immutable and thread-safe.
 */
public final class SegmentSet {
    /** The guide's advice: keep the active segments under this many, tiered. */
    public static final int MAX_ADVISED_SEGMENTS = 20;

    private final List<SegmentDefinition> segments;
    private final List<Rule> rules;
    private final int[] parents;
    private final int[] order;
    private final Integer[] byPriority;
    private final RfmSegments rfm;
    private final int rScore;
    private final int fScore;
    private final List<String> warnings;

    private SegmentSet(
            List<SegmentDefinition> segments,
            List<Rule> rules,
            int[] parents,
            int[] order,
            RfmSegments rfm,
            ProfileFields fields,
            List<String> warnings) {
        this.segments = segments;
        this.rules = rules;
        this.parents = parents;
        this.order = order;
        this.rfm = rfm;
        this.rScore = fields.indexOf("r_score");
        this.fScore = fields.indexOf("f_score");
        this.warnings = List.copyOf(warnings);
        this.byPriority = new Integer[segments.size()];
        for (int i = 0; i < byPriority.length; i++) {
            byPriority[i] = i;
        }
        java.util.Arrays.sort(
                byPriority, Comparator.comparingInt(i -> segments.get(i).priority()));
    }

    /**
     * Compiles every enabled segment of {@code config} against {@code fields}.
     *
     * @throws RuleException for a rule that does not parse or type-check
     * @throws IllegalArgumentException for a repeated name, an unknown or disabled parent, or a cycle
     */
    public static SegmentSet compile(SegmentConfig config, ProfileFields fields) {
        if (fields.indexOf("r_score") < 0 || fields.indexOf("f_score") < 0) {
            throw new IllegalArgumentException("the profile fields need r_score and f_score for the RFM map");
        }
        List<SegmentDefinition> enabled = new ArrayList<>();
        Map<String, Integer> index = new HashMap<>();
        Set<String> all = new LinkedHashSet<>();
        for (SegmentDefinition d : config.segments()) {
            if (!all.add(d.name())) {
                throw new IllegalArgumentException("segment '" + d.name() + "' is defined twice");
            }
            if (d.enabled()) {
                index.put(d.name(), enabled.size());
                enabled.add(d);
            }
        }
        List<Rule> rules = new ArrayList<>();
        int[] parents = new int[enabled.size()];
        for (int s = 0; s < enabled.size(); s++) {
            SegmentDefinition d = enabled.get(s);
            rules.add(RuleCompiler.compile(d.name(), d.rule(), fields, n -> index.getOrDefault(n, -1)));
            parents[s] = -1;
            if (d.parent() != null) {
                Integer p = index.get(d.parent());
                if (p == null) {
                    throw new IllegalArgumentException("segment '" + d.name() + "': parent '" + d.parent() + "' "
                            + (all.contains(d.parent()) ? "is disabled" : "does not exist"));
                }
                parents[s] = p;
            }
        }
        int[] order = topologicalOrder(enabled, rules, parents);
        List<String> warnings = new ArrayList<>();
        if (enabled.size() > MAX_ADVISED_SEGMENTS) {
            warnings.add(enabled.size() + " segments are enabled; keep active segments under " + MAX_ADVISED_SEGMENTS
                    + " and tier them with parents");
        }
        return new SegmentSet(List.copyOf(enabled), List.copyOf(rules), parents, order, config.rfm(), fields, warnings);
    }

    private static int[] topologicalOrder(List<SegmentDefinition> segments, List<Rule> rules, int[] parents) {
        int n = segments.size();
        int[] state = new int[n]; // 0 new, 1 on the path, 2 done
        int[] order = new int[n];
        int[] next = {0};
        for (int s = 0; s < n; s++) {
            visit(s, segments, rules, parents, state, order, next, new ArrayDeque<>());
        }
        return order;
    }

    private static void visit(
            int s,
            List<SegmentDefinition> segments,
            List<Rule> rules,
            int[] parents,
            int[] state,
            int[] order,
            int[] next,
            Deque<String> path) {
        if (state[s] == 2) {
            return;
        }
        path.addLast(segments.get(s).name());
        if (state[s] == 1) {
            throw new IllegalArgumentException(
                    "segments depend on each other in a cycle: " + String.join(" -> ", path));
        }
        state[s] = 1;
        List<Integer> deps = new ArrayList<>(rules.get(s).segmentsUsed());
        if (parents[s] >= 0) {
            deps.add(parents[s]);
        }
        for (int d : deps) {
            visit(d, segments, rules, parents, state, order, next, path);
        }
        state[s] = 2;
        order[next[0]++] = s;
        path.removeLast();
    }

    /** The enabled segments, in configuration order (a membership array uses these indexes). */
    public List<SegmentDefinition> segments() {
        return segments;
    }

    /** The RFM map. */
    public RfmSegments rfm() {
        return rfm;
    }

    /** Load-time warnings (governance), empty when all is well. */
    public List<String> warnings() {
        return warnings;
    }

    /**
     * Memberships of {@code row} in every enabled segment, by index: a member matches its rule and
     * is a member of its parent.
     *
     * @param now the time {@code days_since} counts to
     */
    public boolean[] evaluate(Object[] row, LocalDateTime now) {
        boolean[] members = new boolean[segments.size()];
        Rule.Context context = new Rule.Context(now, members);
        for (int s : order) {
            members[s] = (parents[s] < 0 || members[parents[s]]) && rules.get(s).matches(row, context);
        }
        return members;
    }

    /** The RFM segment of {@code row}. */
    public String rfmSegment(Object[] row) {
        return rfm.segmentOf((Double) row[rScore], (Double) row[fScore]);
    }

    /**
     * The labels of {@code row}, ordered by priority (smallest first, then configuration order),
     * the RFM segment among them at the RFM priority. RFM names are a family of their own: a rule
     * segment may share one ("Loyal Customers"), and the label then appears once.
     */
    public List<String> labels(Object[] row, LocalDateTime now) {
        return labels(row, evaluate(row, now));
    }

    /** The labels of {@code row} given its memberships from {@link #evaluate}, as {@link #labels(Object[], LocalDateTime)}. */
    public List<String> labels(Object[] row, boolean[] members) {
        Set<String> labels = new LinkedHashSet<>();
        boolean rfmAdded = false;
        for (int s : byPriority) {
            if (!rfmAdded && rfm.priority() < segments.get(s).priority()) {
                labels.add(rfmSegment(row));
                rfmAdded = true;
            }
            if (members[s]) {
                labels.add(segments.get(s).name());
            }
        }
        if (!rfmAdded) {
            labels.add(rfmSegment(row));
        }
        return List.copyOf(labels);
    }
}
