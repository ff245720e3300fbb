package dev.affinity.training.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** The UCI Online Retail file bundled in the project's {@code data/} folder (CC BY 4.0). */
public final class BundledData {
    private BundledData() {}

    /** {@code data/online-retail/online-retail.csv.gz}, found from the working directory upwards. */
    public static Path onlineRetail() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("data/online-retail/online-retail.csv.gz");
            if (Files.exists(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("data/online-retail/online-retail.csv.gz is missing from the project");
    }
}
