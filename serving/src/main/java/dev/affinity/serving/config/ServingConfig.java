package dev.affinity.serving.config;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The server's one configuration, read once at start-up (see {@link ConfigLoader}) and validated in
 * the compact constructor: a bad value fails at boot with a message naming the field. Every field
 * has a documented default; {@link #defaults} gives them all.
 *
 * @param host interface to listen on (default {@code 127.0.0.1})
 * @param port HTTP port (default 7070; 0 picks a free port)
 * @param opsPort a separate port for {@code /healthz}, {@code /readyz} and {@code /metrics}, or
 *     {@code null} (default) to serve them, unauthenticated, on {@code port}
 * @param registry the model registry directory (default {@code registry})
 * @param warehouse the warehouse directory, or {@code null} to serve without catalog facts, names or
 *     profiles (items then carry only their ids)
 * @param recommenderModels registry names to try for the recommender, first with a current version
 *     wins (default {@code recommender}, the slot the nightly pipeline promotes its winner into, then
 *     {@code recommender-als}, {@code recommender-als-early}, {@code
 *     recommender-als-tuned}, {@code recommender-ease}, {@code recommender-item-knn}, {@code
 *     recommender-popularity})
 * @param churnModel registry name of the churn model (default {@code churn}); when absent the server
 *     answers without churn and says why
 * @param reloadIntervalSeconds how often the registry and warehouse are checked for new versions; 0
 *     turns the watcher off (reload then only through {@code POST /admin/models/reload})
 * @param cacheMaxAgeSeconds {@code Cache-Control: private, max-age=} of send-time answers
 * @param defaultK recommendations returned when {@code k} is not given
 * @param maxK the largest {@code k} accepted (at most 100)
 * @param maxBatch the most ids one batch request may carry (at most 1000)
 * @param minHistoryItems users the recommender knows with fewer training items than this get popular
 *     items with the reason {@code too_little_history}
 * @param tokenDefaults per token, a fallback text that overrides the one in the token file (default:
 *     none; every name must be a configured token)
 * @param apiKeys the accepted API keys (hashes only); none means authentication is off
 * @param segments the segment rules file (YAML, see README "Segments"), or {@code null} for the
 *     bundled {@code default-segments.yaml}
 * @param tokens the token file (YAML), or {@code null} for the bundled {@code default-tokens.yaml}
 * @param blocks the content-block file (YAML, see README "Content blocks"), or {@code null} for the
 *     bundled {@code default-blocks.yaml}
 * @param userLists per-user top lists of a factor recommender (default: a list of 50 items for every
 *     user, filled in the background after each load by one thread; see {@link UserListConfig})
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record ServingConfig(
        String host,
        int port,
        Integer opsPort,
        Path registry,
        Path warehouse,
        List<String> recommenderModels,
        String churnModel,
        int reloadIntervalSeconds,
        int cacheMaxAgeSeconds,
        int defaultK,
        int maxK,
        int maxBatch,
        int minHistoryItems,
        Map<String, String> tokenDefaults,
        List<ApiKeyConfig> apiKeys,
        Path segments,
        Path tokens,
        Path blocks,
        UserListConfig userLists) {

    /** The recommender names tried when the configuration names none. */
    public static final List<String> DEFAULT_RECOMMENDERS = List.of(
            "recommender",
            "recommender-als",
            "recommender-als-early",
            "recommender-als-tuned",
            "recommender-ease",
            "recommender-item-knn",
            "recommender-popularity");

    /** Validates every field, naming it in the message. */
    public ServingConfig {
        host = host == null || host.isBlank() ? "127.0.0.1" : host;
        check(port >= 0 && port <= 65535, "port", "must be 0..65535, got " + port);
        check(opsPort == null || (opsPort >= 0 && opsPort <= 65535), "opsPort", "must be 0..65535, got " + opsPort);
        check(opsPort == null || opsPort == 0 || opsPort != port, "opsPort", "must differ from port " + port);
        registry = registry == null ? Path.of("registry") : registry;
        recommenderModels = recommenderModels == null || recommenderModels.isEmpty()
                ? DEFAULT_RECOMMENDERS
                : List.copyOf(recommenderModels);
        for (String name : recommenderModels) {
            check(
                    name != null && name.matches("[a-z][a-z0-9_-]*"),
                    "recommenderModels",
                    "bad model name '" + name + "'");
        }
        churnModel = churnModel == null ? "churn" : churnModel;
        check(churnModel.matches("[a-z][a-z0-9_-]*"), "churnModel", "bad model name '" + churnModel + "'");
        check(reloadIntervalSeconds >= 0, "reloadIntervalSeconds", "must be >= 0, got " + reloadIntervalSeconds);
        check(cacheMaxAgeSeconds >= 0, "cacheMaxAgeSeconds", "must be >= 0, got " + cacheMaxAgeSeconds);
        check(maxK >= 1 && maxK <= 100, "maxK", "must be 1..100, got " + maxK);
        check(defaultK >= 1 && defaultK <= maxK, "defaultK", "must be 1..maxK (" + maxK + "), got " + defaultK);
        check(maxBatch >= 1 && maxBatch <= 1000, "maxBatch", "must be 1..1000, got " + maxBatch);
        check(minHistoryItems >= 0, "minHistoryItems", "must be >= 0, got " + minHistoryItems);
        Map<String, String> fallbacks = new LinkedHashMap<>();
        if (tokenDefaults != null) {
            tokenDefaults.forEach((k, v) -> {
                check(k != null && k.matches("[a-z][a-z0-9_]*"), "tokenDefaults", "bad token name '" + k + "'");
                check(v != null, "tokenDefaults." + k, "needs a value (use \"\" for none)");
                fallbacks.put(k, v);
            });
        }
        tokenDefaults = java.util.Collections.unmodifiableMap(fallbacks);
        apiKeys = apiKeys == null ? List.of() : List.copyOf(apiKeys);
        java.util.Set<String> names = new java.util.HashSet<>();
        for (ApiKeyConfig key : apiKeys) {
            check(names.add(key.name()), "apiKeys", "two keys are named '" + key.name() + "'");
        }
        userLists = userLists == null ? UserListConfig.DEFAULTS : userLists;
    }

    /** The configuration with the default {@link UserListConfig}: the constructor before it existed. */
    public ServingConfig(
            String host,
            int port,
            Integer opsPort,
            Path registry,
            Path warehouse,
            List<String> recommenderModels,
            String churnModel,
            int reloadIntervalSeconds,
            int cacheMaxAgeSeconds,
            int defaultK,
            int maxK,
            int maxBatch,
            int minHistoryItems,
            Map<String, String> tokenDefaults,
            List<ApiKeyConfig> apiKeys,
            Path segments,
            Path tokens,
            Path blocks) {
        this(
                host,
                port,
                opsPort,
                registry,
                warehouse,
                recommenderModels,
                churnModel,
                reloadIntervalSeconds,
                cacheMaxAgeSeconds,
                defaultK,
                maxK,
                maxBatch,
                minHistoryItems,
                tokenDefaults,
                apiKeys,
                segments,
                tokens,
                blocks,
                null);
    }

    /**
     * The configuration without rule, token or block files (the bundled ones are used): the
     * constructor of the fields that came first.
     */
    public ServingConfig(
            String host,
            int port,
            Integer opsPort,
            Path registry,
            Path warehouse,
            List<String> recommenderModels,
            String churnModel,
            int reloadIntervalSeconds,
            int cacheMaxAgeSeconds,
            int defaultK,
            int maxK,
            int maxBatch,
            int minHistoryItems,
            Map<String, String> tokenDefaults,
            List<ApiKeyConfig> apiKeys) {
        this(
                host,
                port,
                opsPort,
                registry,
                warehouse,
                recommenderModels,
                churnModel,
                reloadIntervalSeconds,
                cacheMaxAgeSeconds,
                defaultK,
                maxK,
                maxBatch,
                minHistoryItems,
                tokenDefaults,
                apiKeys,
                null,
                null,
                null);
    }

    /** Every default: 127.0.0.1:7070, registry {@code registry}, no warehouse, no API keys. */
    public static ServingConfig defaults() {
        return new ServingConfig(null, 7070, null, null, null, null, null, 30, 300, 10, 100, 1000, 1, null, null);
    }

    /** A copy with other segment, token and block files ({@code null}: the bundled one). */
    public ServingConfig withContentFiles(Path segmentsFile, Path tokensFile, Path blocksFile) {
        return new ServingConfig(
                host,
                port,
                opsPort,
                registry,
                warehouse,
                recommenderModels,
                churnModel,
                reloadIntervalSeconds,
                cacheMaxAgeSeconds,
                defaultK,
                maxK,
                maxBatch,
                minHistoryItems,
                tokenDefaults,
                apiKeys,
                segmentsFile,
                tokensFile,
                blocksFile,
                userLists);
    }

    /** Whether requests must carry an API key. */
    public boolean authEnabled() {
        return !apiKeys.isEmpty();
    }

    /** A copy with another port and ops port, for tests and the launcher. */
    public ServingConfig withPorts(int newPort, Integer newOpsPort) {
        return new ServingConfig(
                host,
                newPort,
                newOpsPort,
                registry,
                warehouse,
                recommenderModels,
                churnModel,
                reloadIntervalSeconds,
                cacheMaxAgeSeconds,
                defaultK,
                maxK,
                maxBatch,
                minHistoryItems,
                tokenDefaults,
                apiKeys,
                segments,
                tokens,
                blocks,
                userLists);
    }

    /** A copy with other per-user list settings. */
    public ServingConfig withUserLists(UserListConfig lists) {
        return new ServingConfig(
                host,
                port,
                opsPort,
                registry,
                warehouse,
                recommenderModels,
                churnModel,
                reloadIntervalSeconds,
                cacheMaxAgeSeconds,
                defaultK,
                maxK,
                maxBatch,
                minHistoryItems,
                tokenDefaults,
                apiKeys,
                segments,
                tokens,
                blocks,
                lists);
    }

    /** The configuration as it may be logged: key hashes are shown only as their first 8 characters. */
    public String redacted() {
        List<String> keys = apiKeys.stream()
                .map(k -> k.name() + "(" + k.scopes() + ", sha256=" + k.sha256().substring(0, 8) + "...)")
                .toList();
        return "host=" + host + " port=" + port + " opsPort=" + opsPort + " registry=" + registry + " warehouse="
                + warehouse + " recommenderModels=" + recommenderModels + " churnModel=" + churnModel
                + " reloadIntervalSeconds=" + reloadIntervalSeconds + " cacheMaxAgeSeconds=" + cacheMaxAgeSeconds
                + " defaultK=" + defaultK + " maxK=" + maxK + " maxBatch=" + maxBatch + " minHistoryItems="
                + minHistoryItems + " tokenDefaults=" + tokenDefaults.keySet() + " apiKeys=" + keys + " segments="
                + (segments == null ? "(bundled)" : segments) + " tokens=" + (tokens == null ? "(bundled)" : tokens)
                + " blocks=" + (blocks == null ? "(bundled)" : blocks) + " userLists=" + userLists;
    }

    static void check(boolean ok, String field, String message) {
        if (!ok) {
            throw new ConfigException(field, message);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ServingConfig c && Objects.equals(redacted(), c.redacted());
    }

    @Override
    public int hashCode() {
        return redacted().hashCode();
    }

    @Override
    public String toString() {
        return redacted();
    }
}
