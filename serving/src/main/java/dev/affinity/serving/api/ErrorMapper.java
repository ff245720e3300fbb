package dev.affinity.serving.api;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place errors become HTTP responses: {@link ApiException} with its status, Javalin's own
 * refusals (404, 405, oversized bodies) as JSON, and anything unexpected as a 500 whose body says
 * nothing of the cause (the log has it, with the request's route, never its personal data).
 */
public final class ErrorMapper {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapper.class);

    private ErrorMapper() {}

    /** Registers the handlers on {@code config}. */
    public static void register(JavalinConfig config) {
        config.http.prefer405over404 = true;
        config.jetty.modifyServer(server -> server.setErrorHandler(new JettyErrors()));
        config.routes.exception(
                ApiException.class, (e, ctx) -> write(ctx, e.status(), e.code(), e.getMessage(), e.field()));
        config.routes.exception(
                HttpResponseException.class,
                (e, ctx) -> write(ctx, e.getStatus(), codeOf(e.getStatus()), e.getMessage(), null));
        config.routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("unexpected failure on {} {}", ctx.method(), route(ctx), e);
            write(ctx, 500, "internal_error", "the server failed to answer; the failure is logged", null);
        });
        config.routes.error(404, ctx -> {
            if (!isJsonError(ctx)) {
                write(ctx, 404, "not_found", "no route " + ctx.method() + " " + safePath(ctx), null);
            }
        });
        config.routes.error(405, ctx -> {
            if (!isJsonError(ctx)) {
                write(
                        ctx,
                        405,
                        "method_not_allowed",
                        "method " + ctx.method() + " is not allowed on " + safePath(ctx),
                        null);
            }
        });
    }

    /** Writes the error body. */
    public static void write(Context ctx, int status, String code, String message, String field) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("message", message);
        error.put("field", field);
        ctx.attribute(ERROR_WRITTEN, Boolean.TRUE);
        ctx.header("Cache-Control", "no-store");
        Json.write(ctx, status, Map.of("error", error));
    }

    private static final String ERROR_WRITTEN = "affinity.error-written";

    private static boolean isJsonError(Context ctx) {
        return Boolean.TRUE.equals(ctx.attribute(ERROR_WRITTEN));
    }

    /** The matched route template, or {@code unmatched}. */
    static String route(Context ctx) {
        try {
            var endpoint = ctx.endpoints().matchedHttpEndpoint();
            return endpoint == null ? "unmatched" : endpoint.path;
        } catch (RuntimeException e) {
            return "unmatched";
        }
    }

    /** The request path, shortened and stripped of control characters, for messages. */
    private static String safePath(Context ctx) {
        String path = ctx.path().replaceAll("\\p{Cntrl}", "?");
        return path.length() > 200 ? path.substring(0, 200) + "..." : path;
    }

    /**
     * Requests Jetty refuses before they reach Javalin (malformed or ambiguous URIs, oversized
     * headers) get the same JSON error body instead of Jetty's HTML page.
     */
    static final class JettyErrors extends org.eclipse.jetty.server.handler.ErrorHandler {
        @Override
        public boolean handle(
                org.eclipse.jetty.server.Request request,
                org.eclipse.jetty.server.Response response,
                org.eclipse.jetty.util.Callback callback) {
            Object attribute = request.getAttribute(ERROR_STATUS);
            int status = attribute instanceof Integer i ? i : response.getStatus();
            if (status < 400) {
                status = 400;
            }
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("code", codeOf(status));
            error.put("message", "the request was refused before routing (status " + status + ")");
            error.put("field", null);
            byte[] body;
            try {
                body = Json.MAPPER.writeValueAsBytes(Map.of("error", error));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                body = "{\"error\":{\"code\":\"bad_request\",\"message\":\"refused\",\"field\":null}}"
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
            }
            response.setStatus(status);
            response.getHeaders().put(org.eclipse.jetty.http.HttpHeader.CONTENT_TYPE, "application/json");
            response.getHeaders().put(org.eclipse.jetty.http.HttpHeader.CACHE_CONTROL, "no-store");
            response.write(true, java.nio.ByteBuffer.wrap(body), callback);
            return true;
        }
    }

    private static String codeOf(int status) {
        return switch (status) {
            case 400 -> "bad_request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 413 -> "payload_too_large";
            case 415 -> "unsupported_media_type";
            default -> status >= 500 ? "internal_error" : "http_" + status;
        };
    }
}
