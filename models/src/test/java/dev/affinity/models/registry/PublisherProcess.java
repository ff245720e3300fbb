package dev.affinity.models.registry;

import java.nio.file.Path;

/** A separate JVM that publishes {@code count} promoted versions: {@code PublisherProcess ROOT COUNT SCORE}. */
public final class PublisherProcess {
    private PublisherProcess() {}

    /** Publishes, then exits 0; any failure exits non-zero with the stack trace on stderr. */
    public static void main(String[] args) {
        ModelRegistry registry = new ModelRegistry(Path.of(args[0]));
        int count = Integer.parseInt(args[1]);
        float score = Float.parseFloat(args[2]);
        for (int i = 0; i < count; i++) {
            registry.publish("popular", TestArtifacts.popularity("popular", score), true);
        }
    }
}
