package dev.affinity.training.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The output of one command: a one-line human summary or, with {@code --json}, a JSON object with
 * the command's figures plus its elapsed time and peak heap.
 */
final class CommandRun {
    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final long start = System.nanoTime();

    /** Prints the summary of a finished command. */
    void finish(PrintWriter out, boolean json, String command, String summary, Map<String, ?> figures) {
        double seconds = (System.nanoTime() - start) / 1e9;
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("command", command);
            doc.putAll(figures);
            doc.put("elapsedSeconds", Math.round(seconds * 1000) / 1000.0);
            doc.put("peakHeapMb", peakHeapMb());
            try {
                out.println(JSON.writeValueAsString(doc));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot write JSON summary", e);
            }
        } else {
            out.println(summary);
        }
        out.flush();
    }

    /** The sum of the heap pools' peak usage since the JVM started, in MiB. */
    static long peakHeapMb() {
        long bytes = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                bytes += pool.getPeakUsage().getUsed();
            }
        }
        return bytes >> 20;
    }
}
