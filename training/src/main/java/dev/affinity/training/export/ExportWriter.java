package dev.affinity.training.export;

import java.io.Closeable;
import java.io.IOException;

/** Writes export rows, one at a time, to one file. */
interface ExportWriter extends Closeable {
    /** Writes one row. */
    void write(ExportRow row) throws IOException;
}
