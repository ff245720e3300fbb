package dev.affinity.serving.access;

import dev.affinity.serving.api.ApiException;
import dev.affinity.serving.config.ApiKeyConfig;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks {@code Authorization: Bearer <key>} against the configured key hashes and scopes: 401 when
 * the key is missing or unknown, 403 when it lacks the scope. Only hashes are held; a presented key
 * is hashed and looked up, never stored or logged.
 */
public final class ApiKeys {
    private final Map<String, Set<Scope>> scopesByHash = new HashMap<>();

    /** The keys of the configuration; none means every request is allowed. */
    public ApiKeys(List<ApiKeyConfig> keys) {
        for (ApiKeyConfig key : keys) {
            Set<Scope> scopes = EnumSet.noneOf(Scope.class);
            key.scopes().forEach(s -> scopes.add(Scope.valueOf(s.toUpperCase(java.util.Locale.ROOT))));
            scopesByHash.put(key.sha256(), scopes);
        }
    }

    /** Whether any key is configured. */
    public boolean enabled() {
        return !scopesByHash.isEmpty();
    }

    /**
     * Checks the {@code Authorization} header value for {@code needed}.
     *
     * @throws ApiException 401 or 403
     */
    public void check(String authorization, Scope needed) {
        if (!enabled() || needed == Scope.OPEN) {
            return;
        }
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new ApiException(
                    401, "unauthorized", "send an API key as 'Authorization: Bearer <key>'", "Authorization");
        }
        String key = authorization.substring(7).strip();
        Set<Scope> scopes = key.isEmpty() ? null : scopesByHash.get(ApiKeyConfig.hash(key));
        if (scopes == null) {
            throw new ApiException(401, "unauthorized", "the API key is not known", "Authorization");
        }
        if (!scopes.contains(needed)) {
            throw new ApiException(
                    403, "forbidden", "the API key lacks the '" + needed.configName() + "' scope", "Authorization");
        }
    }
}
