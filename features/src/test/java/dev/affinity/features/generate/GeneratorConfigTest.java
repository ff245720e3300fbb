package dev.affinity.features.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class GeneratorConfigTest {
    @Test
    void ofUsesDocumentedDefaults() {
        GeneratorConfig config = GeneratorConfig.of(10, 5, 30, 7);

        assertThat(config.eventsPerCustomer()).isEqualTo(50);
        assertThat(config.endDate()).isEqualTo(LocalDate.of(2026, 11, 30));
    }

    @Test
    void windowCoversTheLastDaysUpToTheEndDate() {
        GeneratorConfig config = GeneratorConfig.of(10, 5, 30, 7);

        assertThat(config.windowStart()).isEqualTo(LocalDateTime.of(2026, 11, 1, 0, 0));
        assertThat(config.windowEnd()).isEqualTo(LocalDateTime.of(2026, 12, 1, 0, 0));
    }

    @Test
    void rejectsNonPositiveSizes() {
        assertThatThrownBy(() -> GeneratorConfig.of(0, 5, 30, 7)).hasMessageContaining("customers");
        assertThatThrownBy(() -> GeneratorConfig.of(10, 0, 30, 7)).hasMessageContaining("products");
        assertThatThrownBy(() -> GeneratorConfig.of(10, 5, 0, 7)).hasMessageContaining("days");
        assertThatThrownBy(() -> GeneratorConfig.of(10, 5, 30, 7).withEventsPerCustomer(0))
                .hasMessageContaining("eventsPerCustomer");
    }

    @Test
    void rejectsMissingEndDate() {
        assertThatThrownBy(() -> GeneratorConfig.of(10, 5, 30, 7).withEndDate(null))
                .isInstanceOf(NullPointerException.class);
    }
}
