package dev.affinity.serving.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Calls a running server over HTTP. */
public final class HttpCalls {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final String base;
    private final String key;

    /** Calls to {@code http://127.0.0.1:port}, with {@code key} as the bearer key when not null. */
    public HttpCalls(int port, String key) {
        this.base = "http://127.0.0.1:" + port;
        this.key = key;
    }

    /** A response: status, headers and body. */
    public record Answer(int status, java.net.http.HttpHeaders headers, String body) {
        /** The body as JSON. */
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (Exception e) {
                throw new AssertionError("not JSON (" + status + "): " + body, e);
            }
        }
    }

    /** GET {@code path}. */
    public Answer get(String path) {
        return send(builder(path).GET().build());
    }

    /** {@code method} {@code path} with a JSON body (or none when null). */
    public Answer send(String method, String path, String body) {
        return send(builder(path)
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json")
                .build());
    }

    /** Sends a prepared request. */
    public Answer send(HttpRequest request) {
        try {
            HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(r.statusCode(), r.headers(), r.body());
        } catch (Exception e) {
            throw new AssertionError("request failed: " + request.uri(), e);
        }
    }

    /** A request builder for {@code path} with the key, if any. */
    public HttpRequest.Builder builder(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20));
        return key == null ? b : b.header("Authorization", "Bearer " + key);
    }
}
