package dev.affinity.serving.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.javalin.http.Context;

/** Writes answers as JSON with snake_case names, refusing any over {@link #MAX_BYTES}. */
public final class Json {
    /** The largest response body: ESPs and their URL caches expect small objects. */
    public static final int MAX_BYTES = 1 << 20;

    /** The mapper for request and response bodies. */
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .registerModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private Json() {}

    /**
     * Writes {@code body} with {@code status}.
     *
     * @throws ApiException (400, field {@code ids}) when the body would exceed {@link #MAX_BYTES}
     */
    public static void write(Context ctx, int status, Object body) {
        byte[] bytes;
        try {
            bytes = MAPPER.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the response: " + e.getOriginalMessage(), e);
        }
        if (bytes.length > MAX_BYTES) {
            throw new ApiException(
                    400,
                    "response_too_large",
                    "the answer would be " + bytes.length
                            + " bytes, over the 1 MB limit; ask for fewer ids or a smaller k",
                    "ids");
        }
        ctx.status(status).contentType("application/json").result(bytes);
    }
}
