package dev.affinity.serving.personalize;

import dev.affinity.features.segments.SegmentDefinition;
import dev.affinity.models.churn.ChurnScore;
import dev.affinity.models.churn.Contribution;
import dev.affinity.models.recommend.CatalogItem;
import dev.affinity.models.recommend.ItemFilter;
import dev.affinity.models.recommend.Recommendations;
import dev.affinity.models.recommend.Recommender;
import dev.affinity.models.recommend.ScoredItem;
import dev.affinity.serving.config.ServingConfig;
import dev.affinity.serving.models.CustomerFacts;
import dev.affinity.serving.models.LoadedRecommender;
import dev.affinity.serving.models.ModelManager;
import dev.affinity.serving.models.ProductFacts;
import dev.affinity.serving.models.ServingModels;
import dev.affinity.serving.segments.Audience;
import dev.affinity.serving.segments.AudienceReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The send-time answers. Every method reads one {@link ServingModels} set from the manager (so one
 * answer never mixes versions) and always answers: when a part cannot be personalized it falls back
 * (popular items under the same filters, default tokens, no churn score) and says why. Thread-safe.
 */
public final class PersonalizationService {
    private final ModelManager models;
    private final ServingConfig config;
    private final BiConsumer<String, String> fallbackCounter;
    private final AudienceReader audiences;

    /**
     * A service over {@code models}.
     *
     * @param fallbackCounter told (part, reason code) of every fallback, for metrics
     * @param audiences evaluates segments and tokens
     */
    public PersonalizationService(
            ModelManager models,
            ServingConfig config,
            BiConsumer<String, String> fallbackCounter,
            AudienceReader audiences) {
        this.models = models;
        this.config = config;
        this.fallbackCounter = fallbackCounter;
        this.audiences = audiences;
    }

    /** The user's segment labels by priority and membership of every enabled segment. */
    public Views.SegmentsAnswer segments(String userId) {
        ServingModels set = models.current();
        User user = User.of(set, userId);
        Audience audience = audiences.read(set, userId);
        FallbackReason reason = tokenReason(user);
        List<Views.SegmentMembership> membership = new ArrayList<>();
        List<SegmentDefinition> defined = set.content().segments().segments();
        for (int s = 0; s < defined.size(); s++) {
            SegmentDefinition d = defined.get(s);
            membership.add(new Views.SegmentMembership(
                    d.name(),
                    d.description(),
                    d.parent(),
                    d.priority(),
                    audience.members() != null && audience.members()[s]));
        }
        if (reason != null) {
            fallbackCounter.accept("segments", reason.code());
        }
        return new Views.SegmentsAnswer(
                userId,
                user.known(),
                audience.labels(),
                audience.rfmSegment(),
                membership,
                reason != null,
                reason == null ? null : reason.code());
    }

    /** The segments and tokens of {@code userId} in {@code set}. */
    public Audience audience(ServingModels set, String userId) {
        return audiences.read(set, userId);
    }

    /** Whether the warehouse or the recommender of {@code set} knows {@code userId}. */
    public static boolean known(ServingModels set, String userId) {
        return User.of(set, userId).known();
    }

    /** Recommendations for {@code userId} from {@code set} (so a caller can keep to one set). */
    public Views.Recommendations recommendations(ServingModels set, String userId, RecommendationQuery query) {
        return recommend(set, User.of(set, userId), query);
    }

    /** Items similar to {@code itemId} from {@code set}, or {@code null} when the recommender does not know it. */
    public Views.Recommendations similarOrNull(ServingModels set, String itemId, RecommendationQuery query) {
        LoadedRecommender rec = set.recommender();
        if (rec == null || rec.model().items().indexOf(itemId) < 0) {
            return null;
        }
        Recommendations answer = rec.recommender().similarItems(itemId, query.k(), query.filter());
        return view(set, answer, "similar", false, null, rec.label());
    }

    /** Everything one email needs for {@code userId}. */
    public Views.Personalization personalization(String userId, RecommendationQuery query) {
        return personalization(models.current(), userId, query);
    }

    /** One personalization per id, all from the same model set. */
    public Views.Batch batch(List<String> userIds, RecommendationQuery query) {
        ServingModels set = models.current();
        List<Views.Personalization> results = new ArrayList<>(userIds.size());
        for (String id : userIds) {
            results.add(personalization(set, id, query));
        }
        return new Views.Batch(results);
    }

    /** Recommendations for {@code userId}. */
    public Views.RecommendationsAnswer recommendations(String userId, RecommendationQuery query) {
        ServingModels set = models.current();
        User user = User.of(set, userId);
        return new Views.RecommendationsAnswer(userId, user.known(), recommend(set, user, query));
    }

    /** The churn score of {@code userId}. */
    public Views.ChurnAnswer churn(String userId) {
        ServingModels set = models.current();
        User user = User.of(set, userId);
        ChurnResult churn = churn(set, user);
        return new Views.ChurnAnswer(
                userId,
                user.known(),
                churn.view,
                churn.reason != null,
                churn.reason == null ? null : churn.reason.code(),
                set.churn() == null ? null : set.churn().label());
    }

    /** Items similar to {@code itemId}; popular items when the model does not know it. */
    public Views.SimilarAnswer similar(String itemId, RecommendationQuery query) {
        ServingModels set = models.current();
        ItemFilter filter = query.filter();
        LoadedRecommender rec = set.recommender();
        if (rec == null) {
            return new Views.SimilarAnswer(
                    itemId, false, popular(set, filter, query.k(), "similar", FallbackReason.MODEL_NOT_LOADED));
        }
        boolean known = rec.model().items().indexOf(itemId) >= 0;
        if (!known) {
            return new Views.SimilarAnswer(
                    itemId, false, popular(set, filter, query.k(), "similar", FallbackReason.UNKNOWN_ITEM));
        }
        Recommendations answer = rec.recommender().similarItems(itemId, query.k(), filter);
        return new Views.SimilarAnswer(itemId, true, view(set, answer, "similar", false, null, rec.label()));
    }

    private Views.Personalization personalization(ServingModels set, String userId, RecommendationQuery query) {
        User user = User.of(set, userId);
        Views.Recommendations recs = recommend(set, user, query);
        ChurnResult churn = churn(set, user);
        Map<String, String> reasons = new LinkedHashMap<>();
        if (recs.fallback()) {
            reasons.put("recommendations", recs.fallbackReason());
        }
        if (churn.reason != null) {
            reasons.put("churn", churn.reason.code());
        }
        Audience audience = audiences.read(set, userId);
        FallbackReason tokenReason = tokenReason(user);
        if (tokenReason != null) {
            reasons.put("tokens", tokenReason.code());
            fallbackCounter.accept("tokens", tokenReason.code());
        }
        Map<String, String> versions = new LinkedHashMap<>();
        versions.put(
                "recommender",
                set.recommender() == null ? null : set.recommender().label());
        versions.put("churn", set.churn() == null ? null : set.churn().label());
        return new Views.Personalization(
                userId,
                user.known(),
                audience.tokens().values(),
                audience.tokens().fellBack(),
                audience.labels(),
                churn.view,
                recs,
                versions,
                !reasons.isEmpty(),
                reasons);
    }

    /** Why the user's tokens and segments fall back, or {@code null} when they do not. */
    private static FallbackReason tokenReason(User user) {
        return user.doNotPersonalize()
                ? FallbackReason.DO_NOT_PERSONALIZE
                : user.row() < 0 ? (user.known() ? FallbackReason.NEW_USER : FallbackReason.UNKNOWN_USER) : null;
    }

    /** A user as the current set sees them. */
    private record User(String id, int row, boolean inModel, boolean doNotPersonalize, boolean known) {
        static User of(ServingModels set, String id) {
            CustomerFacts customers = set.customers();
            int row = customers.row(id);
            boolean inModel = set.recommender() != null && set.recommender().knows(id);
            return new User(id, row, inModel, customers.doNotPersonalize(row), row >= 0 || inModel);
        }
    }

    private Views.Recommendations recommend(ServingModels set, User user, RecommendationQuery query) {
        ItemFilter filter = query.filter();
        int k = query.k();
        LoadedRecommender rec = set.recommender();
        if (user.doNotPersonalize()) {
            return popular(
                    set, withoutHistory(rec, user, filter), k, "recommendations", FallbackReason.DO_NOT_PERSONALIZE);
        }
        if (rec == null) {
            return popular(set, filter, k, "recommendations", FallbackReason.MODEL_NOT_LOADED);
        }
        if (!user.inModel()) {
            if (rec.knows(user.id()) || isPopularityModel(rec)) {
                Recommendations answer = rec.recommender().recommend(user.id(), k, filter);
                return view(set, answer, "recommendations", false, null, rec.label());
            }
            FallbackReason reason = user.row() >= 0 ? FallbackReason.NEW_USER : FallbackReason.UNKNOWN_USER;
            return popular(set, filter, k, "recommendations", reason);
        }
        List<String> history = rec.history(user.id());
        if (history.size() < config.minHistoryItems()) {
            return popular(
                    set, withoutHistory(rec, user, filter), k, "recommendations", FallbackReason.TOO_LITTLE_HISTORY);
        }
        Recommendations answer = rec.recommender().recommend(user.id(), k, filter);
        return view(set, answer, "recommendations", false, null, rec.label());
    }

    private static boolean isPopularityModel(LoadedRecommender rec) {
        return rec.model() instanceof dev.affinity.models.recommend.PopularityModel;
    }

    /** A popularity ranking knows no user's items: leave them out explicitly when asked to. */
    private static ItemFilter withoutHistory(LoadedRecommender rec, User user, ItemFilter filter) {
        if (rec == null || !filter.excludePurchased()) {
            return filter;
        }
        List<String> history = rec.history(user.id());
        return history.isEmpty() ? filter : filter.excluding(history.toArray(new String[0]));
    }

    private Views.Recommendations popular(
            ServingModels set, ItemFilter filter, int k, String part, FallbackReason reason) {
        fallbackCounter.accept(part, reason.code());
        Recommender popular = set.popular();
        String version = set.recommender() == null ? null : set.recommender().label();
        if (popular == null) {
            return new Views.Recommendations("popular_fallback", true, reason.code(), version, List.of());
        }
        return view(set, popular.recommend("", k, filter), part, true, reason, version);
    }

    private static Views.Recommendations view(
            ServingModels set,
            Recommendations answer,
            String part,
            boolean fallback,
            FallbackReason reason,
            String version) {
        ProductFacts products = set.products();
        List<Views.Item> items = new ArrayList<>(answer.items().size());
        String source = fallback ? "popular_fallback" : sourceCode(answer.source());
        for (ScoredItem s : answer.items()) {
            CatalogItem item = products.item(s.itemId());
            ProductFacts.Display display = products.display(s.itemId());
            items.add(new Views.Item(
                    s.itemId(),
                    item == null ? s.itemId() : item.title(),
                    item == null ? null : item.category(),
                    item == null || Double.isNaN(item.price()) ? null : item.price(),
                    display.url(),
                    display.imageUrl(),
                    item == null || item.inStock(),
                    s.score(),
                    reason(products, answer.source(), fallback, s)));
        }
        return new Views.Recommendations(source, fallback, reason == null ? null : reason.code(), version, items);
    }

    private static Views.Reason reason(
            ProductFacts products, Recommendations.Source source, boolean fallback, ScoredItem s) {
        if (fallback || source == Recommendations.Source.POPULAR || source == Recommendations.Source.POPULAR_FALLBACK) {
            return new Views.Reason("popular", null, null);
        }
        if (source == Recommendations.Source.SIMILAR) {
            return new Views.Reason("similar_item", null, null);
        }
        if (s.becauseItemId() != null) {
            CatalogItem because = products.item(s.becauseItemId());
            return new Views.Reason(
                    "because_you_bought", s.becauseItemId(), because == null ? s.becauseItemId() : because.title());
        }
        return new Views.Reason("recommended_for_you", null, null);
    }

    private static String sourceCode(Recommendations.Source source) {
        return source.name().toLowerCase(java.util.Locale.ROOT);
    }

    private record ChurnResult(Views.Churn view, FallbackReason reason) {}

    private ChurnResult churn(ServingModels set, User user) {
        FallbackReason reason = null;
        if (user.doNotPersonalize()) {
            reason = FallbackReason.DO_NOT_PERSONALIZE;
        } else if (set.churn() == null) {
            reason = FallbackReason.MODEL_NOT_LOADED;
        } else if (user.row() < 0) {
            reason = user.known() ? FallbackReason.NEW_USER : FallbackReason.UNKNOWN_USER;
        } else if (!set.customers().hasProfile(user.row())) {
            reason = FallbackReason.NO_PROFILE;
        }
        if (reason != null) {
            fallbackCounter.accept("churn", reason.code());
            return new ChurnResult(null, reason);
        }
        ChurnScore score = set.churn()
                .scorer()
                .score(set.customers()
                        .numericProfile(user.row(), set.churn().scorer().features()));
        List<Views.ChurnReason> reasons = new ArrayList<>();
        for (Contribution c : score.topReasons()) {
            reasons.add(new Views.ChurnReason(
                    c.feature(),
                    Double.isNaN(c.value()) ? null : c.value(),
                    c.effect(),
                    c.raisesChurn() ? "raises" : "lowers"));
        }
        return new ChurnResult(
                new Views.Churn(score.probability(), score.score(), score.tier().name(), reasons), null);
    }
}
