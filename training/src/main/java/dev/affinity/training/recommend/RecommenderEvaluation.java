package dev.affinity.training.recommend;

import dev.affinity.models.artifact.IdIndex;
import dev.affinity.models.recommend.CatalogItem;
import dev.affinity.models.recommend.ColdStartPolicy;
import dev.affinity.models.recommend.ItemCatalog;
import dev.affinity.models.recommend.ItemFilter;
import dev.affinity.models.recommend.Recommender;
import dev.affinity.models.recommend.RecommenderModel;
import dev.affinity.models.recommend.ScoredItem;
import dev.affinity.training.evaluation.EvaluationSplit;
import dev.affinity.training.evaluation.RankingMetrics;
import dev.affinity.training.evaluation.RankingMetrics.UserRanking;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluates a trained model on held-out items through the runtime {@link Recommender}, exactly as
 * serving would ask: top-K for each user with held-out items, excluding their training items, over
 * a catalog where every item the model knows, and every relevant item, is recommendable. A user
 * held out of training (the held-out-users protocol) is asked for through {@link
 * Recommender#forHistory} with their fold-in items.
 */
public final class RecommenderEvaluation {
    private RecommenderEvaluation() {}

    /** Ranking metrics at {@code k} of {@code model}, trained on {@code split.train()}. */
    public static RankingMetrics evaluate(
            RecommenderModel model, IdIndex users, IdIndex items, EvaluationSplit split, int k) {
        return evaluate(model, users, items, split, List.of(k)).get(0);
    }

    /**
     * Ranking metrics at each of {@code ks}, from one top-max(K) ranking per user (the metrics at a
     * smaller K read its head).
     */
    public static List<RankingMetrics> evaluate(
            RecommenderModel model, IdIndex users, IdIndex items, EvaluationSplit split, List<Integer> ks) {
        int k = ks.stream().mapToInt(Integer::intValue).max().orElseThrow();
        // Every item the model knows, trained on or not (content models know the whole catalog),
        // plus the relevant items new since training, is recommendable.
        java.util.Set<String> ids = new java.util.LinkedHashSet<>(items.ids());
        ids.addAll(split.unseenItems());
        ids.addAll(model.items().ids());
        List<CatalogItem> catalog = new ArrayList<>(ids.size());
        for (String id : ids) {
            catalog.add(new CatalogItem(id, id, null, Double.NaN, true, true));
        }
        Recommender recommender = ItemCatalog.of(catalog).bind(model, ColdStartPolicy.POPULAR);
        // Evaluation positions: training items first, then the relevant items new since training
        // (as the split numbers them), then anything else the model knows.
        Map<String, Integer> positions = new HashMap<>();
        for (String id : ids) {
            positions.put(id, positions.size());
        }
        for (int j = 0; j < split.unseenItems().size(); j++) {
            if (positions.get(split.unseenItems().get(j)) != items.size() + j) {
                throw new IllegalStateException("unseen items must follow the training items in the catalog order");
            }
        }
        List<UserRanking> rankings = new ArrayList<>();
        for (int u = 0; u < users.size(); u++) {
            int[] relevant = split.heldOut().get(u);
            if (relevant.length == 0) {
                continue;
            }
            // Training items are excluded by id too, since a popularity model knows no user's items.
            // A held-out user is asked for by their fold-in items, which are excluded the same way.
            int[] foldIn = split.foldIn(u);
            String[] seen =
                    new String[split.train().indptr()[u + 1] - split.train().indptr()[u] + foldIn.length];
            for (int e = 0; e < seen.length - foldIn.length; e++) {
                seen[e] = items.id(split.train().indices()[split.train().indptr()[u] + e]);
            }
            for (int e = 0; e < foldIn.length; e++) {
                seen[seen.length - foldIn.length + e] = items.id(foldIn[e]);
            }
            ItemFilter filter = ItemFilter.NONE.excludingPurchased().excluding(seen);
            List<ScoredItem> top = foldIn.length > 0
                    ? recommender
                            .forHistory(
                                    Arrays.asList(seen).subList(seen.length - foldIn.length, seen.length), k, filter)
                            .items()
                    : recommender.recommend(users.id(u), k, filter).items();
            int[] ranked = top.stream().mapToInt(s -> positions.get(s.itemId())).toArray();
            rankings.add(new UserRanking(ranked, relevant));
        }
        return ks.stream()
                .map(cut -> RankingMetrics.of(rankings, cut, positions.size()))
                .toList();
    }
}
