package dev.affinity.training.evaluation;

import java.util.BitSet;
import java.util.List;

/**
 * Ranking quality at a cutoff K, averaged over evaluated users (those with at least one held-out
 * item), with binary relevance.
 *
 * <p>Recall, NDCG and MAP are normalized by {@code min(K, |relevant|)}, as in Liang et al. (2018) and
 * Steck (2019), so that the figures compare with published MovieLens results.
 *
 * @param k the cutoff
 * @param users users evaluated
 * @param precision mean hits / K
 * @param recall mean hits / min(K, |relevant|)
 * @param ndcg mean DCG / ideal DCG with gains 1 / log2(rank + 1)
 * @param map mean average precision at K
 * @param hitRate share of users with at least one hit
 * @param mrr mean reciprocal rank of the first hit (0 without a hit)
 * @param coverage distinct items recommended to anyone / catalog size
 */
public record RankingMetrics(
        int k,
        int users,
        double precision,
        double recall,
        double ndcg,
        double map,
        double hitRate,
        double mrr,
        double coverage) {

    /** One user's ranked recommendations and held-out items, as item positions. */
    public record UserRanking(int[] ranked, int[] relevant) {}

    /**
     * Scores {@code rankings} at {@code k}; a ranking may hold more than {@code k} items (the rest are
     * ignored) or fewer.
     *
     * @param catalogSize number of items that could have been recommended, for coverage
     */
    public static RankingMetrics of(List<UserRanking> rankings, int k, int catalogSize) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1, got " + k);
        }
        double precision = 0;
        double recall = 0;
        double ndcg = 0;
        double map = 0;
        double hits = 0;
        double reciprocalRanks = 0;
        int users = 0;
        BitSet recommended = new BitSet(catalogSize);
        for (UserRanking r : rankings) {
            int n = Math.min(k, r.ranked().length);
            for (int i = 0; i < n; i++) {
                if (r.ranked()[i] >= 0) {
                    recommended.set(r.ranked()[i]);
                }
            }
            if (r.relevant().length == 0) {
                continue;
            }
            users++;
            BitSet relevant = new BitSet();
            for (int item : r.relevant()) {
                relevant.set(item);
            }
            int found = 0;
            double dcg = 0;
            double precisionSum = 0;
            for (int i = 0; i < n; i++) {
                if (relevant.get(r.ranked()[i])) {
                    if (found == 0) {
                        reciprocalRanks += 1.0 / (i + 1);
                    }
                    found++;
                    dcg += 1 / log2(i + 2);
                    precisionSum += found / (double) (i + 1);
                }
            }
            int ideal = Math.min(k, relevant.cardinality());
            double idcg = 0;
            for (int i = 0; i < ideal; i++) {
                idcg += 1 / log2(i + 2);
            }
            precision += found / (double) k;
            recall += found / (double) ideal;
            ndcg += dcg / idcg;
            map += precisionSum / ideal;
            hits += found > 0 ? 1 : 0;
        }
        double coverage = catalogSize == 0 ? 0 : recommended.cardinality() / (double) catalogSize;
        if (users == 0) {
            double nan = Double.NaN;
            return new RankingMetrics(k, 0, nan, nan, nan, nan, nan, nan, coverage);
        }
        return new RankingMetrics(
                k,
                users,
                precision / users,
                recall / users,
                ndcg / users,
                map / users,
                hits / users,
                reciprocalRanks / users,
                coverage);
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
