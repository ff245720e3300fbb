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
import java.util.List;

/**
 * Evaluates a trained model on held-out items through the runtime {@link Recommender}, exactly as
 * serving would ask: top-K for each user with held-out items, excluding their training items, over
 * a catalog where every item is recommendable.
 */
public final class RecommenderEvaluation {
    private RecommenderEvaluation() {}

    /** Ranking metrics at {@code k} of {@code model}, trained on {@code split.train()}. */
    public static RankingMetrics evaluate(
            RecommenderModel model, IdIndex users, IdIndex items, EvaluationSplit split, int k) {
        List<CatalogItem> catalog = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            catalog.add(new CatalogItem(items.id(i), items.id(i), null, Double.NaN, true, true));
        }
        Recommender recommender = ItemCatalog.of(catalog).bind(model, ColdStartPolicy.POPULAR);
        List<UserRanking> rankings = new ArrayList<>();
        for (int u = 0; u < users.size(); u++) {
            int[] relevant = split.heldOut().get(u);
            if (relevant.length == 0) {
                continue;
            }
            // Training items are excluded by id too, since a popularity model knows no user's items.
            String[] seen =
                    new String[split.train().indptr()[u + 1] - split.train().indptr()[u]];
            for (int e = 0; e < seen.length; e++) {
                seen[e] = items.id(split.train().indices()[split.train().indptr()[u] + e]);
            }
            ItemFilter filter = ItemFilter.NONE.excludingPurchased().excluding(seen);
            List<ScoredItem> top = recommender.recommend(users.id(u), k, filter).items();
            int[] ranked = top.stream().mapToInt(s -> items.indexOf(s.itemId())).toArray();
            rankings.add(new UserRanking(ranked, relevant));
        }
        return RankingMetrics.of(rankings, k, items.size());
    }
}
