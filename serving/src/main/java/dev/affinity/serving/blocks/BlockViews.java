package dev.affinity.serving.blocks;

import java.util.List;

/** The JSON shapes of the render and block answers (snake_case, missing values {@code null}). */
public final class BlockViews {
    private BlockViews() {}

    /**
     * A rendered token template.
     *
     * @param userId the customer
     * @param rendered the template with every placeholder replaced by its HTML-escaped value
     * @param tokensUsed the tokens the template uses, in order of first appearance
     * @param tokensFallback of those, the ones that used their fallback text
     */
    public record Rendered(String userId, String rendered, List<String> tokensUsed, List<String> tokensFallback) {}

    /**
     * One item of a block.
     *
     * @param position 1-based position in the block
     * @param id product id
     * @param title the title (unescaped here; the HTML escapes it)
     * @param price the price as printed (with the configured currency), or {@code null}
     * @param url the product link with UTM parameters, or {@code null} when the catalog has no URL
     * @param imageUrl the image, or the configured fallback image
     * @param imageFallback whether {@code imageUrl} is the fallback image
     */
    public record BlockItem(
            int position, String id, String title, String price, String url, String imageUrl, boolean imageFallback) {}

    /**
     * A content block for one user.
     *
     * @param userId the user
     * @param block the block asked for
     * @param shown whether anything is shown (false: the block disappears, {@code html} is empty)
     * @param renderedBlock the block actually rendered (another one when it fell back), or {@code null}
     * @param fallbackReason why the block asked for is not shown as itself ({@code not_in_segment},
     *     {@code no_items}), or {@code null}
     * @param heading the heading with tokens resolved (unescaped here), or {@code null} when not shown
     * @param intro the intro line with tokens resolved, or {@code null}
     * @param items the items shown
     * @param html the email-safe HTML ({@code ""} when not shown)
     */
    public record Block(
            String userId,
            String block,
            boolean shown,
            String renderedBlock,
            String fallbackReason,
            String heading,
            String intro,
            List<BlockItem> items,
            String html) {}
}
