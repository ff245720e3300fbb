package dev.affinity.serving.blocks;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Adds the UTM parameters to a product link: {@code utm_source}, {@code utm_medium=email}, {@code
 * utm_campaign} and {@code utm_content=<block>-<position>}, after any query the link already has and
 * before its fragment. Values are URL-encoded.
 */
public final class UtmLinks {
    private UtmLinks() {}

    /** {@code url} with the UTM parameters, or {@code null} when {@code url} is null or blank. */
    public static String tag(String url, String source, String campaign, String block, int position) {
        if (url == null || url.isBlank()) {
            return null;
        }
        String base = url.strip();
        String fragment = "";
        int hash = base.indexOf('#');
        if (hash >= 0) {
            fragment = base.substring(hash);
            base = base.substring(0, hash);
        }
        String sep = base.indexOf('?') < 0 ? "?" : base.endsWith("?") || base.endsWith("&") ? "" : "&";
        return base + sep + "utm_source=" + enc(source) + "&utm_medium=email&utm_campaign=" + enc(campaign)
                + "&utm_content=" + enc(block + "-" + position) + fragment;
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
