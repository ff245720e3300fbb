package dev.affinity.training.pipeline;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.TreeMap;

/**
 * The key of each step's inputs at its last successful run, in {@code state.json} of the pipeline
 * directory. A step whose key is unchanged, and whose output is still there, is skipped. Written
 * after every step, atomically, so a failed run resumes at the step that failed.
 */
final class PipelineState {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final Map<String, String> keys;

    private PipelineState(Path file, Map<String, String> keys) {
        this.file = file;
        this.keys = keys;
    }

    static PipelineState load(Path dir) {
        Path file = dir.resolve("state.json");
        if (!Files.exists(file)) {
            return new PipelineState(file, new TreeMap<>());
        }
        try {
            return new PipelineState(
                    file, new TreeMap<>(JSON.readValue(file.toFile(), new TypeReference<Map<String, String>>() {})));
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot read pipeline state " + file + " (delete it to rerun every step)", e);
        }
    }

    /** The key recorded for {@code step}, or null. */
    String get(String step) {
        return keys.get(step);
    }

    boolean unchanged(String step, String key) {
        return key.equals(keys.get(step));
    }

    void done(String step, String key) {
        keys.put(step, key);
        try {
            Path tmp = file.resolveSibling("state.json.tmp");
            JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), keys);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write pipeline state " + file, e);
        }
    }
}
