package dev.affinity.bench.load;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A minimal HTTP/1.1 keep-alive client over one socket: writes a GET and reads the status line, the
 * headers and exactly Content-Length bytes of body. Lean on purpose, so the generator spends its CPU
 * on requests rather than on a client library.
 */
final class LoadClient implements AutoCloseable {
    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;
    private final String host;
    private final byte[] line = new byte[8192];
    private final byte[] sink = new byte[65536];

    LoadClient(String host, int port) throws IOException {
        this.host = host + ":" + port;
        socket = new Socket(host, port);
        socket.setTcpNoDelay(true);
        out = socket.getOutputStream();
        in = new BufferedInputStream(socket.getInputStream(), 65536);
    }

    /** GETs {@code path}; returns the status. */
    int get(String path) throws IOException {
        out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        String status = readLine();
        int code = Integer.parseInt(status.substring(9, 12));
        long length = -1;
        String header;
        while (!(header = readLine()).isEmpty()) {
            if (header.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                length = Long.parseLong(header.substring(15).strip());
            }
        }
        if (length < 0) {
            throw new IOException("no Content-Length in the answer to " + path);
        }
        while (length > 0) {
            int n = in.read(sink, 0, (int) Math.min(sink.length, length));
            if (n < 0) {
                throw new IOException("connection closed mid-body");
            }
            length -= n;
        }
        return code;
    }

    private String readLine() throws IOException {
        int n = 0;
        int b;
        while ((b = in.read()) != '\n') {
            if (b < 0) {
                throw new IOException("connection closed");
            }
            if (b != '\r' && n < line.length) {
                line[n++] = (byte) b;
            }
        }
        return new String(line, 0, n, StandardCharsets.US_ASCII);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
