package dev.affinity.models.artifact;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * The binary payload formats, little-endian, each starting with a four-byte magic:
 *
 * <ul>
 *   <li>{@code .f32} dense matrix: {@code "AFM1"}, int rows, int cols, rows x cols floats.
 *   <li>{@code .csr} sparse rows: {@code "AFC1"}, int rows, int nnz, (rows + 1) int offsets, nnz
 *       int indices, nnz floats.
 *   <li>{@code .ids}: UTF-8 text, one id per line.
 * </ul>
 *
 * Reads map the file and copy it into arrays in bulk, so a 1M x 64 matrix loads in a fraction of a
 * second from a warm page cache.
 */
final class Payloads {
    private static final int MATRIX_MAGIC = 0x314d4641; // "AFM1" read little-endian
    private static final int SPARSE_MAGIC = 0x31434641; // "AFC1"
    private static final int CHUNK = 1 << 20;

    private Payloads() {}

    static void writeMatrix(Path file, FloatMatrix m) throws IOException {
        try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW)) {
            ByteBuffer header = le(12).putInt(MATRIX_MAGIC).putInt(m.rows()).putInt(m.cols());
            out.write(header.array());
            writeFloats(out, m.data());
        }
    }

    static FloatMatrix readMatrix(Path file) throws IOException {
        ByteBuffer b = map(file);
        if (b.remaining() < 12 || b.getInt() != MATRIX_MAGIC) {
            throw new ArtifactException(file + ": not a float matrix payload (bad magic)");
        }
        int rows = b.getInt();
        int cols = b.getInt();
        long n = (long) rows * cols;
        if (rows < 0 || cols < 0 || b.remaining() != n * 4) {
            throw new ArtifactException(file + ": size does not match its " + rows + " x " + cols + " header");
        }
        float[] data = new float[(int) n];
        b.asFloatBuffer().get(data);
        return new FloatMatrix(rows, cols, data);
    }

    static void writeSparse(Path file, SparseRows s) throws IOException {
        try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW)) {
            out.write(
                    le(12).putInt(SPARSE_MAGIC).putInt(s.rows()).putInt(s.nnz()).array());
            writeInts(out, s.indptr());
            writeInts(out, s.indices());
            writeFloats(out, s.values());
        }
    }

    static SparseRows readSparse(Path file) throws IOException {
        ByteBuffer b = map(file);
        if (b.remaining() < 12 || b.getInt() != SPARSE_MAGIC) {
            throw new ArtifactException(file + ": not a sparse rows payload (bad magic)");
        }
        int rows = b.getInt();
        int nnz = b.getInt();
        if (rows < 0 || nnz < 0 || b.remaining() != ((long) rows + 1 + 2L * nnz) * 4) {
            throw new ArtifactException(
                    file + ": size does not match its header (" + rows + " rows, " + nnz + " values)");
        }
        int[] indptr = new int[rows + 1];
        int[] indices = new int[nnz];
        float[] values = new float[nnz];
        b.asIntBuffer().get(indptr);
        b.position(b.position() + indptr.length * 4);
        b.asIntBuffer().get(indices);
        b.position(b.position() + nnz * 4);
        b.asFloatBuffer().get(values);
        try {
            return new SparseRows(rows, indptr, indices, values);
        } catch (IllegalArgumentException e) {
            throw new ArtifactException(file + ": " + e.getMessage(), e);
        }
    }

    static void writeIds(Path file, IdIndex ids) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW)) {
            for (int i = 0; i < ids.size(); i++) {
                w.write(ids.id(i));
                w.write('\n');
            }
        }
    }

    static IdIndex readIds(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        try {
            return new IdIndex(lines);
        } catch (IllegalArgumentException e) {
            throw new ArtifactException(file + ": " + e.getMessage(), e);
        }
    }

    private static ByteBuffer map(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            MappedByteBuffer mapped = channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size());
            return mapped.order(ByteOrder.LITTLE_ENDIAN);
        }
    }

    private static ByteBuffer le(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static void writeFloats(OutputStream out, float[] values) throws IOException {
        ByteBuffer buffer = le(CHUNK * 4);
        for (int start = 0; start < values.length; start += CHUNK) {
            int n = Math.min(CHUNK, values.length - start);
            buffer.clear();
            buffer.asFloatBuffer().put(values, start, n);
            out.write(buffer.array(), 0, n * 4);
        }
    }

    private static void writeInts(OutputStream out, int[] values) throws IOException {
        ByteBuffer buffer = le(CHUNK * 4);
        for (int start = 0; start < values.length; start += CHUNK) {
            int n = Math.min(CHUNK, values.length - start);
            buffer.clear();
            buffer.asIntBuffer().put(values, start, n);
            out.write(buffer.array(), 0, n * 4);
        }
    }
}
