package dev.affinity.models.artifact;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.LocalDate;

/**
 * Where a model came from, so that a run can be reproduced and audited.
 *
 * @param trainer the trainer's name (its class or a short label)
 * @param dataFingerprint a hash that identifies the training data snapshot
 * @param cutoff the data cutoff the model was trained as of, or {@code null}
 * @param seed the random seed
 * @param jvm the Java runtime that trained it
 * @param os the operating system
 * @param host the host name
 */
public record Provenance(
        String trainer, String dataFingerprint, LocalDate cutoff, long seed, String jvm, String os, String host) {

    /** Provenance for a model trained here and now, filling in the JVM, OS and host. */
    public static Provenance here(String trainer, String dataFingerprint, LocalDate cutoff, long seed) {
        return new Provenance(
                trainer,
                dataFingerprint,
                cutoff,
                seed,
                System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"),
                hostName());
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown";
        }
    }
}
