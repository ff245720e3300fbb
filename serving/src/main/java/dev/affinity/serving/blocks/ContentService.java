package dev.affinity.serving.blocks;

import dev.affinity.features.segments.ProfileFields;
import dev.affinity.serving.content.BlockCatalog;
import dev.affinity.serving.content.BlockConfig;
import dev.affinity.serving.content.BlockDefinition;
import dev.affinity.serving.content.TokenTemplate;
import dev.affinity.serving.models.ModelManager;
import dev.affinity.serving.models.ServingModels;
import dev.affinity.serving.personalize.PersonalizationService;
import dev.affinity.serving.personalize.RecommendationQuery;
import dev.affinity.serving.personalize.Views;
import dev.affinity.serving.segments.Audience;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Renders marketer content for one user from one model set: a {@code {{token}}} template (a preview
 * of an email for a real customer) and the configured content blocks (Mustache templates into
 * email-safe HTML). A block that cannot be shown as itself (the user is not in its segment, or it
 * has no items) falls back to its configured fallback block, or disappears. Thread-safe.
 */
public final class ContentService {
    /** Why a block is not shown as itself. */
    static final String NOT_IN_SEGMENT = "not_in_segment";

    static final String NO_ITEMS = "no_items";

    private final ModelManager models;
    private final PersonalizationService personalization;

    /** A service over {@code models}, reading recommendations through {@code personalization}. */
    public ContentService(ModelManager models, PersonalizationService personalization) {
        this.models = models;
        this.personalization = personalization;
    }

    /**
     * {@code template} rendered for {@code userId}, or {@code null} when neither the warehouse nor
     * the recommender knows the user.
     *
     * @throws dev.affinity.serving.content.TemplateException naming an unknown token and its position
     */
    public BlockViews.Rendered render(String userId, String template) {
        ServingModels set = models.current();
        TokenTemplate parsed =
                TokenTemplate.parse(template, set.content().tokens().names());
        if (!PersonalizationService.known(set, userId)) {
            return null;
        }
        Audience audience = personalization.audience(set, userId);
        Set<String> used = new LinkedHashSet<>(parsed.tokens());
        List<String> fellBack = new ArrayList<>();
        for (String name : used) {
            if (audience.tokens().fellBack().contains(name)) {
                fellBack.add(name);
            }
        }
        return new BlockViews.Rendered(userId, parsed.render(audience.tokens().values()), List.copyOf(used), fellBack);
    }

    /** The names of the configured blocks. */
    public Set<String> blockNames() {
        return models.current().content().blocks().names();
    }

    /**
     * Block {@code name} for {@code userId}, or {@code null} when there is no such block.
     *
     * @param campaign the {@code utm_campaign}, or {@code null} for the configured one
     */
    public BlockViews.Block block(String userId, String name, String campaign) {
        ServingModels set = models.current();
        BlockCatalog catalog = set.content().blocks();
        BlockCatalog.Block block = catalog.block(name);
        if (block == null) {
            return null;
        }
        Audience audience = personalization.audience(set, userId);
        String reason = null;
        BlockCatalog.Block current = block;
        while (current != null) {
            BlockDefinition d = current.definition();
            String why = null;
            List<Views.Item> items = List.of();
            if (d.segment() != null && !audience.labels().contains(d.segment())) {
                why = NOT_IN_SEGMENT;
            } else {
                items = items(set, audience, d);
                if (items.isEmpty()) {
                    why = NO_ITEMS;
                }
            }
            if (why == null) {
                return render(set, catalog.config(), audience, name, current, items, reason, campaign);
            }
            reason = reason == null ? why : reason;
            current = d.fallback() == null ? null : catalog.block(d.fallback());
        }
        return new BlockViews.Block(userId, name, false, null, reason, null, null, List.of(), "");
    }

    private List<Views.Item> items(ServingModels set, Audience audience, BlockDefinition d) {
        RecommendationQuery query = new RecommendationQuery(d.k(), Set.of(), null, null, null, d.inStockOnly(), true);
        Views.Recommendations recs;
        if (d.itemKind() == BlockDefinition.Kind.RECOMMENDATIONS) {
            recs = personalization.recommendations(set, audience.userId(), query);
        } else {
            Object anchor = audience.field(ProfileFields.customerProfiles().indexOf("last_purchased_product_id"));
            if (!(anchor instanceof String itemId)) {
                return List.of();
            }
            recs = personalization.similarOrNull(set, itemId, query);
            if (recs == null) {
                return List.of();
            }
        }
        return recs.items();
    }

    private static BlockViews.Block render(
            ServingModels set,
            BlockConfig config,
            Audience audience,
            String asked,
            BlockCatalog.Block block,
            List<Views.Item> items,
            String reason,
            String campaign) {
        BlockDefinition d = block.definition();
        Map<String, String> tokens = audience.tokens().values();
        List<BlockViews.BlockItem> shown = new ArrayList<>();
        List<Map<String, Object>> scopeItems = new ArrayList<>();
        int width = 100 / items.size();
        for (int i = 0; i < items.size(); i++) {
            Views.Item item = items.get(i);
            boolean noImage = item.imageUrl() == null || item.imageUrl().isBlank();
            BlockViews.BlockItem b = new BlockViews.BlockItem(
                    i + 1,
                    item.id(),
                    item.title(),
                    item.price() == null ? null : config.currency() + price(item.price()),
                    UtmLinks.tag(
                            item.url(),
                            config.utmSource(),
                            campaign == null ? config.utmCampaign() : campaign,
                            d.name(),
                            i + 1),
                    noImage ? config.imageFallback() : item.imageUrl(),
                    noImage);
            shown.add(b);
            Map<String, Object> scope = new LinkedHashMap<>();
            scope.put("position", b.position());
            scope.put("id", b.id());
            scope.put("title", b.title());
            scope.put("price", b.price());
            scope.put("url", b.url());
            scope.put("image_url", b.imageUrl());
            scope.put("image_fallback", b.imageFallback());
            scope.put("width", width);
            scopeItems.add(scope);
        }
        Map<String, Object> scope = new LinkedHashMap<>();
        scope.put("block", d.name());
        scope.put("columns", items.size());
        // Headings are token templates: their values are escaped by TokenTemplate, so the Mustache
        // templates insert them with triple braces; everything else goes through Mustache's escaping.
        scope.put("heading", block.heading().render(tokens));
        scope.put("intro", block.intro() == null ? null : block.intro().render(tokens));
        scope.put("items", scopeItems);
        scope.put("tokens", tokens);
        StringWriter html = new StringWriter();
        block.template().execute(html, scope);
        return new BlockViews.Block(
                audience.userId(),
                asked,
                true,
                d.name(),
                reason,
                unescaped(block.heading(), tokens),
                block.intro() == null ? null : unescaped(block.intro(), tokens),
                shown,
                html.toString());
    }

    /** The heading's text for JSON, where escaping is the reader's business. */
    private static String unescaped(TokenTemplate template, Map<String, String> tokens) {
        return template.renderPlain(tokens);
    }

    private static String price(double price) {
        return new BigDecimal(price).setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}
