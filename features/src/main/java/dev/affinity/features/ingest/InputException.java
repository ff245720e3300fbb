package dev.affinity.features.ingest;

/**
 * An input that cannot be loaded at all (missing file, wrong header, bad mapping). The message names
 * the file and, where there is one, the line. Row-level problems never throw: they go to quarantine.
 */
public final class InputException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final long line;

    /**
     * @param file the input's name
     * @param line the 1-based line, or 0 when the problem is not on one line
     * @param message what is wrong
     */
    public InputException(String file, long line, String message) {
        super(file + (line > 0 ? ":" + line : "") + ": " + message);
        this.file = file;
        this.line = line;
    }

    /** The input's name. */
    public String file() {
        return file;
    }

    /** The 1-based line, or 0. */
    public long line() {
        return line;
    }
}
