package dev.affinity.serving.config;

import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * One API key as configured: only the hex SHA-256 of the key is stored, never the key itself.
 * Create one with {@code printf %s "$KEY" | sha256sum}.
 *
 * @param name who holds the key (shown in logs, never the key)
 * @param sha256 the hex SHA-256 of the key, 64 characters
 * @param scopes what the key may call: {@code read} (send-time endpoints) and/or {@code admin}
 */
public record ApiKeyConfig(String name, String sha256, List<String> scopes) {
    /** The scopes a key may have. */
    public static final Set<String> SCOPES = Set.of("read", "admin");

    /** Checks the name, the hash's form and the scopes. */
    public ApiKeyConfig {
        ServingConfig.check(name != null && !name.isBlank(), "apiKeys.name", "every key needs a name");
        ServingConfig.check(
                sha256 != null && sha256.matches("[0-9a-fA-F]{64}"),
                "apiKeys." + name + ".sha256",
                "must be the 64 hex characters of the key's SHA-256");
        sha256 = sha256.toLowerCase(java.util.Locale.ROOT);
        ServingConfig.check(
                scopes != null && !scopes.isEmpty() && SCOPES.containsAll(scopes),
                "apiKeys." + name + ".scopes",
                "must be a non-empty list of " + SCOPES + ", got " + scopes);
        scopes = List.copyOf(scopes);
    }

    /** The hex SHA-256 of {@code key}, as configured. */
    public static String hash(String key) {
        try {
            return HexFormat.of()
                    .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                            .digest(key.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    @Override
    public String toString() {
        return "ApiKeyConfig[name=" + name + ", scopes=" + scopes + "]";
    }
}
