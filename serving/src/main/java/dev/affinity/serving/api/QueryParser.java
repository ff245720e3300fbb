package dev.affinity.serving.api;

import dev.affinity.serving.config.ServingConfig;
import dev.affinity.serving.personalize.RecommendationQuery;
import io.javalin.http.Context;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses and validates the recommendation parameters ({@code k}, {@code exclude}, {@code category},
 * {@code min_price}, {@code max_price}, {@code in_stock}, {@code exclude_purchased}) from a query
 * string or a batch body; a bad value is a 400 naming the parameter.
 */
public final class QueryParser {
    /** The most ids {@code exclude} may list. */
    public static final int MAX_EXCLUDE = 1000;

    private static final int MAX_ID_LENGTH = 256;

    private final ServingConfig config;

    /** A parser with the limits of {@code config}. */
    public QueryParser(ServingConfig config) {
        this.config = config;
    }

    /** The query from the request's query string. */
    public RecommendationQuery fromQuery(Context ctx) {
        Map<String, List<String>> params = ctx.queryParamMap();
        Set<String> exclude = new LinkedHashSet<>();
        for (String value : params.getOrDefault("exclude", List.of())) {
            for (String id : value.split(",")) {
                if (!id.isBlank()) {
                    exclude.add(id.strip());
                }
            }
        }
        return build(
                single(params, "k"),
                exclude,
                single(params, "category"),
                single(params, "min_price"),
                single(params, "max_price"),
                single(params, "in_stock"),
                single(params, "exclude_purchased"));
    }

    /** The query from string values as they came (from a query string or a JSON body). */
    public RecommendationQuery build(
            String k,
            Set<String> exclude,
            String category,
            String minPrice,
            String maxPrice,
            String inStock,
            String excludePurchased) {
        int kValue = k == null ? config.defaultK() : parseK(k);
        if (exclude.size() > MAX_EXCLUDE) {
            throw ApiException.badRequest(
                    "exclude", "at most " + MAX_EXCLUDE + " ids may be excluded, got " + exclude.size());
        }
        for (String id : exclude) {
            if (id.length() > MAX_ID_LENGTH) {
                throw ApiException.badRequest(
                        "exclude", "an excluded id is longer than " + MAX_ID_LENGTH + " characters");
            }
        }
        if (category != null && category.isBlank()) {
            throw ApiException.badRequest("category", "category is empty; leave it out for any category");
        }
        Double min = price(minPrice, "min_price");
        Double max = price(maxPrice, "max_price");
        if (min != null && max != null && max < min) {
            throw ApiException.badRequest("max_price", "max_price (" + max + ") is below min_price (" + min + ")");
        }
        return new RecommendationQuery(
                kValue,
                exclude,
                category,
                min,
                max,
                bool(inStock, "in_stock", false),
                bool(excludePurchased, "exclude_purchased", true));
    }

    /** Validates {@code k} as 1..maxK. */
    public int parseK(String k) {
        int value;
        try {
            value = Integer.parseInt(k.strip());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(
                    "k", "k must be a whole number from 1 to " + config.maxK() + ", got '" + clip(k) + "'");
        }
        if (value < 1 || value > config.maxK()) {
            throw ApiException.badRequest("k", "k must be from 1 to " + config.maxK() + ", got " + value);
        }
        return value;
    }

    /** Checks a path id: non-empty, not too long, no control characters. */
    public static String id(String value, String field) {
        if (value == null
                || value.isBlank()
                || value.length() > MAX_ID_LENGTH
                || value.chars().anyMatch(Character::isISOControl)) {
            throw ApiException.badRequest(field, field + " must be 1 to " + MAX_ID_LENGTH + " printable characters");
        }
        return value;
    }

    private static String single(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw ApiException.badRequest(name, name + " is given " + values.size() + " times; give it once");
        }
        return values.get(0);
    }

    private static Double price(String value, String field) {
        if (value == null) {
            return null;
        }
        double v;
        try {
            v = Double.parseDouble(value.strip());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(field, field + " must be a number, got '" + clip(value) + "'");
        }
        if (!Double.isFinite(v) || v < 0) {
            throw ApiException.badRequest(field, field + " must be a finite number >= 0, got '" + clip(value) + "'");
        }
        return v;
    }

    private static boolean bool(String value, String field, boolean absent) {
        if (value == null) {
            return absent;
        }
        return switch (value.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default ->
                throw ApiException.badRequest(field, field + " must be true or false, got '" + clip(value) + "'");
        };
    }

    private static String clip(String s) {
        String clean = s.replaceAll("\\p{Cntrl}", "?");
        return clean.length() > 40 ? clean.substring(0, 40) + "..." : clean;
    }
}
