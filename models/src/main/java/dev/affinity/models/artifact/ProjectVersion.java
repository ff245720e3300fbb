package dev.affinity.models.artifact;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The Affinity version recorded in artifacts, from {@code version.properties}, which the build fills
 * in, so that it is right whether the code runs from a jar or from {@code target/classes}.
 */
final class ProjectVersion {
    private static final String VERSION = load();

    private ProjectVersion() {}

    static String get() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = ProjectVersion.class.getResourceAsStream("/dev/affinity/models/version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the project version", e);
        }
    }
}
