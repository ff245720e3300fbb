package dev.affinity.serving.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reviewed expected outputs under {@code src/test/resources/golden/} (kept byte for byte: {@code
 * -text} in .gitattributes). Run with {@code -Daffinity.golden.update=true} to rewrite them after a
 * deliberate change, then review the diff before committing.
 */
public final class Golden {
    private static final Path ROOT = Path.of("src/test/resources/golden");

    private Golden() {}

    /** Asserts that {@code actual} equals the golden file {@code name}. */
    public static void assertMatches(String name, String actual) {
        Path file = ROOT.resolve(name);
        try {
            if (Boolean.getBoolean("affinity.golden.update")) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, actual, StandardCharsets.UTF_8);
            }
            assertThat(Files.isRegularFile(file))
                    .as("golden file %s (create it with -Daffinity.golden.update=true and review it)", file)
                    .isTrue();
            assertThat(actual).as("golden file " + file).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
