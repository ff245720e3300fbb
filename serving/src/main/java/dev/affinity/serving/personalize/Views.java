package dev.affinity.serving.personalize;

import java.util.List;
import java.util.Map;

/**
 * The JSON shapes of the send-time answers, written with snake_case names. Every answer is a
 * top-level object; missing values are {@code null}, never absent, so templates see one shape.
 */
public final class Views {
    private Views() {}

    /**
     * Why an item is recommended.
     *
     * @param code {@code because_you_bought}, {@code similar_item}, {@code recommended_for_you}, {@code
     *     session} or {@code popular}
     * @param itemId the item it comes from, for {@code because_you_bought}; else {@code null}
     * @param itemTitle that item's title, or {@code null}
     */
    public record Reason(String code, String itemId, String itemTitle) {}

    /**
     * One recommended product.
     *
     * @param id product id
     * @param title title (the id when the catalog has none)
     * @param category category or {@code null}
     * @param price price or {@code null} when unknown
     * @param url product page or {@code null}
     * @param imageUrl image or {@code null}
     * @param inStock whether it can be bought now
     * @param score the model's score; compare only within one answer
     * @param reason why it is recommended
     */
    public record Item(
            String id,
            String title,
            String category,
            Double price,
            String url,
            String imageUrl,
            boolean inStock,
            double score,
            Reason reason) {}

    /**
     * A list of recommended products.
     *
     * @param source {@code personalized}, {@code similar}, {@code popular} or {@code popular_fallback}
     * @param fallback whether the items are a fallback rather than the model's own answer
     * @param fallbackReason why, or {@code null}
     * @param modelVersion the recommender's {@code name@version}, or {@code null}
     * @param items best first
     */
    public record Recommendations(
            String source, boolean fallback, String fallbackReason, String modelVersion, List<Item> items) {}

    /**
     * One feature's contribution to a churn score.
     *
     * @param feature the profile field
     * @param value the customer's value, or {@code null} when missing
     * @param effect contribution in log-odds
     * @param direction {@code raises} or {@code lowers} the churn probability
     */
    public record ChurnReason(String feature, Double value, double effect, String direction) {}

    /**
     * A churn score.
     *
     * @param probability 0..1
     * @param score 0..100
     * @param tier {@code LOW}, {@code MEDIUM} or {@code HIGH}
     * @param topReasons largest effects first
     */
    public record Churn(double probability, int score, String tier, List<ChurnReason> topReasons) {}

    /**
     * The churn answer.
     *
     * @param userId the user
     * @param known whether the warehouse or the recommender knows the user
     * @param churn the score, or {@code null} on fallback
     * @param fallback whether no score could be given
     * @param fallbackReason why, or {@code null}
     * @param modelVersion the churn model's {@code name@version}, or {@code null}
     */
    public record ChurnAnswer(
            String userId, boolean known, Churn churn, boolean fallback, String fallbackReason, String modelVersion) {}

    /**
     * The recommendations answer.
     *
     * @param userId the user
     * @param known whether the warehouse or the recommender knows the user
     * @param recommendations the items
     */
    public record RecommendationsAnswer(String userId, boolean known, Recommendations recommendations) {}

    /**
     * The similar-items answer.
     *
     * @param itemId the item asked about
     * @param known whether the recommender knows the item
     * @param recommendations the items
     */
    public record SimilarAnswer(String itemId, boolean known, Recommendations recommendations) {}

    /**
     * Everything one email needs.
     *
     * @param userId the user
     * @param known whether the warehouse or the recommender knows the user
     * @param tokens resolved personalization tokens (defaults where missing)
     * @param tokensFallback the tokens that fell back to their default
     * @param segments segment labels by priority, the RFM segment among them (empty on fallback)
     * @param churn the churn score, or {@code null} on fallback
     * @param recommendations the recommendation block
     * @param modelVersions per role ({@code recommender}, {@code churn}), {@code name@version} or null
     * @param fallback whether any part fell back
     * @param fallbackReasons per part ({@code recommendations}, {@code churn}, {@code tokens}), the reason
     */
    public record Personalization(
            String userId,
            boolean known,
            Map<String, String> tokens,
            List<String> tokensFallback,
            List<String> segments,
            Churn churn,
            Recommendations recommendations,
            Map<String, String> modelVersions,
            boolean fallback,
            Map<String, String> fallbackReasons) {}

    /**
     * Whether the user is in one segment.
     *
     * @param name the segment
     * @param description what it is for
     * @param parent the segment it nests in, or {@code null}
     * @param priority its label priority, smallest first
     * @param member whether the user is in it
     */
    public record SegmentMembership(String name, String description, String parent, int priority, boolean member) {}

    /**
     * The segments answer.
     *
     * @param userId the user
     * @param known whether the warehouse or the recommender knows the user
     * @param segments labels by priority, the RFM segment among them; empty on fallback
     * @param rfmSegment the RFM segment, or {@code null} on fallback
     * @param membership every enabled rule segment, in configuration order
     * @param fallback whether the rules could not be evaluated (unknown user, not to be personalized)
     * @param fallbackReason why, or {@code null}
     */
    public record SegmentsAnswer(
            String userId,
            boolean known,
            List<String> segments,
            String rfmSegment,
            List<SegmentMembership> membership,
            boolean fallback,
            String fallbackReason) {}

    /**
     * The batch answer.
     *
     * @param results one personalization per id, in the order asked
     */
    public record Batch(List<Personalization> results) {}
}
