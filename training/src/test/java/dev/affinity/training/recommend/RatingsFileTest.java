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
