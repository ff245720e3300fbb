package dev.affinity.training.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RatingsFileTest {
    @TempDir
    Path dir;

    @Test
    void keepsRatingsAtOrAboveTheThresholdAsPositives() throws Exception {
        Path file = dir.resolve("u.data");
        Files.writeString(file, "2\t10\t5\t1\n1\t10\t4\t2\n1\t11\t3\t3\n1\t12\t5\t4\n\n3\t11\t1\t5\n");
        TrainingData data = RatingsFile.positives(file, 4);
        assertThat(data.users().ids()).containsExactly("1", "2");
        assertThat(data.items().ids()).containsExactly("10", "12");
        assertThat(data.interactions().indptr()).containsExactly(0, 2, 3);
        assertThat(data.interactions().indices()).containsExactly(0, 1, 0);
        assertThat(data.popularity()).containsExactly(2f, 1f);
        assertThat(data.lastAtMillis()).containsExactly(2000L, 4000L, 1000L);
    }

    @Test
    void withoutATimestampColumnTheDataHasNoTimes() throws Exception {
        Path file = dir.resolve("u.data");
        Files.writeString(file, "1\t10\t4\n1\t11\t5\n");
        assertThat(RatingsFile.positives(file, 4).hasTimes()).isFalse();
    }

    @Test
    void aSplitKeepsTheTimesOfItsEntries() throws Exception {
        Path file = dir.resolve("u.data");
        Files.writeString(file, "1\t10\t5\t7\n1\t11\t5\t3\n1\t12\t5\t9\n");
        TrainingData data = RatingsFile.positives(file, 4);
        var split = new dev.affinity.training.als.Csr(1, 3, new int[] {0, 2}, new int[] {0, 2}, new float[] {1, 1});
        assertThat(data.with(split).lastAtMillis()).containsExactly(7000L, 9000L);
    }

    @Test
    void aMalformedLineIsNamed() throws Exception {
        Path file = dir.resolve("u.data");
        Files.writeString(file, "1\t10\t4\n1\t11\n");
        assertThatThrownBy(() -> RatingsFile.positives(file, 4))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("u.data:2: expected 'user<TAB>item<TAB>rating'");
    }
}
