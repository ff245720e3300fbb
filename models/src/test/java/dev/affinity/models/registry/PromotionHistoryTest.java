package dev.affinity.models.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.affinity.models.registry.Promotion.Action;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Replaying promotions and rollbacks into the stack of versions that were current. */
class PromotionHistoryTest {
    private static final Instant AT = Instant.parse("2024-05-01T10:00:00Z");

    @TempDir
    Path dir;

    private static Promotion p(Action action, String version) {
        return new Promotion(action, version, AT);
    }

    @Test
    void promotionsPushAndRollbacksPop() {
        // v1, v2, v3 promoted; rolled back to v2; v4 promoted; rolled back to v2; v1 promoted.
        List<Promotion> entries = List.of(
                p(Action.PROMOTE, "v000001"),
                p(Action.PROMOTE, "v000002"),
                p(Action.PROMOTE, "v000003"),
                p(Action.ROLLBACK, "v000002"),
                p(Action.PROMOTE, "v000004"),
                p(Action.ROLLBACK, "v000002"),
                p(Action.PROMOTE, "v000001"));
        assertThat(PromotionHistory.stack(entries)).containsExactly("v000001", "v000002", "v000001");
    }

    @Test
    void aRollbackPastDeletedVersionsPopsDownToItsTarget() {
        List<Promotion> entries = List.of(
                p(Action.PROMOTE, "v000001"),
                p(Action.PROMOTE, "v000002"),
                p(Action.PROMOTE, "v000003"),
                p(Action.ROLLBACK, "v000001"));
        assertThat(PromotionHistory.stack(entries)).containsExactly("v000001");
    }

    @Test
    void appendRoundTripsThroughTheFile() {
        Path file = dir.resolve("history.json");
        assertThat(PromotionHistory.read(file)).isEmpty();
        PromotionHistory.append(file, p(Action.PROMOTE, "v000001"));
        PromotionHistory.append(file, p(Action.ROLLBACK, "v000002"));
        assertThat(PromotionHistory.read(file))
                .containsExactly(p(Action.PROMOTE, "v000001"), p(Action.ROLLBACK, "v000002"));
    }
}
