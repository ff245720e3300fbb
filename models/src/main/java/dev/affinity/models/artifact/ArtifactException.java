package dev.affinity.models.artifact;

/** An artifact that cannot be used: missing, damaged, or of an unknown format. The message names the file. */
public final class ArtifactException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** An exception with a message that names the file at fault. */
    public ArtifactException(String message) {
        super(message);
    }

    /** An exception with a message that names the file at fault, and its cause. */
    public ArtifactException(String message, Throwable cause) {
        super(message, cause);
    }
}
