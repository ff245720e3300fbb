package dev.affinity.features.segments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SegmentSetTest {
    private static final ProfileFields FIELDS = ProfileFields.customerProfiles();
    private static final LocalDateTime NOW = LocalDateTime.of(2011, 9, 1, 0, 0);

    @TempDir
    Path dir;

    private static Object[] profile(Object... pairs) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], pairs[i + 1]);
        }
        return FIELDS.row(m);
    }

    private static SegmentDefinition segment(String name, String rule, String parent, int priority) {
        return new SegmentDefinition(name, null, rule, parent, priority, true);
    }

    @Test
    void nestedSegmentsNeedTheirParentAndLabelsFollowPriority() {
        SegmentConfig config = new SegmentConfig(
                List.of(
                        segment("Slipping", "days_since(last_order_at) > 60", "Loyal", 5),
                        segment("Loyal", "frequency > 3", null, 10),
                        segment("Big", "monetary >= 500", null, 300),
                        segment("Loyal but not big", "in_segment('Loyal') and not in_segment('Big')", null, 20)),
                null);
        SegmentSet set = SegmentSet.compile(config, FIELDS);
        Object[] loyalSlipping = profile(
                "frequency",
                5,
                "monetary",
                900.0,
                "last_order_at",
                LocalDateTime.of(2011, 5, 1, 0, 0),
                "r_score",
                2,
                "f_score",
                5);
        Object[] slippingNotLoyal = profile(
                "frequency",
                1,
                "monetary",
                10.0,
                "last_order_at",
                LocalDateTime.of(2011, 1, 1, 0, 0),
                "r_score",
                1,
                "f_score",
                1);

        assertThat(set.evaluate(loyalSlipping, NOW)).containsExactly(true, true, true, false);
        // Slipping by its rule, but not in its parent.
        assertThat(set.evaluate(slippingNotLoyal, NOW)).containsExactly(false, false, false, false);
        // Priorities 5, 10, (RFM 200), 300.
        assertThat(set.labels(loyalSlipping, NOW)).containsExactly("Slipping", "Loyal", "Can't Lose Them", "Big");
        assertThat(set.labels(slippingNotLoyal, NOW)).containsExactly("Lost");
        assertThat(set.warnings()).isEmpty();
    }

    @Test
    void rfmPutsEveryCustomerInExactlyOneSegment() {
        SegmentSet set = SegmentSet.compile(new SegmentConfig(List.of(), null), FIELDS);
        Map<String, Integer> counts = new HashMap<>();
        for (int r = 1; r <= 5; r++) {
            for (int f = 1; f <= 5; f++) {
                counts.merge(set.rfmSegment(profile("r_score", r, "f_score", f)), 1, Integer::sum);
            }
        }
        counts.merge(set.rfmSegment(profile("frequency", 0)), 1, Integer::sum);
        assertThat(counts)
                .containsEntry("Champions", 2) // r 5, f 4-5
                .containsEntry("Loyal Customers", 4) // r 3-4, f 4-5
                .containsEntry("Potential Loyalists", 4) // r 4-5, f 2-3
                .containsEntry("New Customers", 1)
                .containsEntry("Promising", 1)
                .containsEntry("Need Attention", 1)
                .containsEntry("About To Sleep", 2)
                .containsEntry("Can't Lose Them", 2)
                .containsEntry("At Risk", 4)
                .containsEntry("Lost", 1)
                .containsEntry("Hibernating", 3)
                .containsEntry("No Orders Yet", 1);
        assertThat(counts.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(26);
        assertThatThrownBy(() -> new RfmSegments(List.of(new RfmSegments.Cell("All but 5", "1-4", "1-5")), null, null))
                .hasMessageContaining("no cell covers r_score 5, f_score 1");
    }

    @Test
    void configurationErrorsAreNamed() throws Exception {
        assertThatThrownBy(() -> SegmentSet.compile(
                        new SegmentConfig(
                                List.of(
                                        segment("A", "in_segment('B')", null, 1),
                                        segment("B", "in_segment('A')", null, 1)),
                                null),
                        FIELDS))
                .hasMessageContaining("cycle: A -> B -> A");
        assertThatThrownBy(() -> SegmentSet.compile(
                        new SegmentConfig(List.of(segment("A", "frequency > 1", "Nope", 1)), null), FIELDS))
                .hasMessageContaining("segment 'A': parent 'Nope' does not exist");
        assertThatThrownBy(() -> SegmentSet.compile(
                        new SegmentConfig(
                                List.of(segment("A", "frequency > 1", null, 1), segment("A", "true", null, 1)), null),
                        FIELDS))
                .hasMessageContaining("segment 'A' is defined twice");

        Path file = dir.resolve("segments.yaml");
        Files.writeString(file, "segments:\n  - name: Loyal\n    rule: frequency > 3\n    priorty: 3\n");
        assertThatThrownBy(() -> SegmentConfig.read(file))
                .hasMessageStartingWith("segments.yaml:")
                .hasMessageContaining("segments[0].priorty: Unrecognized field \"priorty\"");
        Files.writeString(file, "segments:\n  - name: Loyal\n    rule: frequncy > 3\n");
        assertThatThrownBy(() -> SegmentSet.compile(SegmentConfig.read(file), FIELDS))
                .hasMessageContaining("segment 'Loyal': rule position 1: unknown field 'frequncy'");
    }

    @Test
    void moreThanTwentyEnabledSegmentsIsAWarning() {
        List<SegmentDefinition> many = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            many.add(segment("S" + i, "frequency > " + i, null, i));
        }
        assertThat(SegmentSet.compile(new SegmentConfig(many, null), FIELDS).warnings())
                .containsExactly("21 segments are enabled; keep active segments under 20 and tier them with parents");
    }

    @Test
    void aRuleSegmentMaySharesANameWithAnRfmSegmentAndIsLabelledOnce() {
        SegmentSet set = SegmentSet.compile(
                new SegmentConfig(List.of(segment("Lost", "frequency == 1", null, 1)), null), FIELDS);
        assertThat(set.labels(profile("frequency", 1, "r_score", 1, "f_score", 1), NOW))
                .containsExactly("Lost");
    }

    @Test
    void theBundledDefaultsCompile() {
        SegmentSet set = SegmentSet.compile(SegmentConfig.defaults(), FIELDS);
        assertThat(set.segments())
                .extracting(SegmentDefinition::name)
                .contains("Loyal Customers", "Loyal and Slipping");
        assertThat(set.segments()).extracting(SegmentDefinition::name).doesNotContain("Frequent Returners");
    }
}
