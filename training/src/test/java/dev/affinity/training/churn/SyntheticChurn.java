package dev.affinity.training.churn;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Customers with a planted churn rule: {@code P(churn) = sigmoid(-1.5 + 0.012 * recency_days - 0.25
 * * frequency + 1.2 * [recency_days > 200])}; {@code monetary} follows frequency, {@code noise} is
 * unrelated, and about 5% of monetary values are missing.
 */
final class SyntheticChurn {
    static final List<String> FEATURES = List.of("recency_days", "frequency", "monetary", "noise");

    private SyntheticChurn() {}

    static double truth(double recency, double frequency) {
        return 1 / (1 + Math.exp(-(-1.5 + 0.012 * recency - 0.25 * frequency + (recency > 200 ? 1.2 : 0))));
    }

    static ChurnTable table(int n, long seed) {
        Random random = new Random(seed);
        List<String> ids = new ArrayList<>();
        double[][] x = new double[n][];
        boolean[] churned = new boolean[n];
        for (int i = 0; i < n; i++) {
            double recency = Math.floor(random.nextDouble() * 365);
            double frequency = 1 + Math.floor(-Math.log(1 - random.nextDouble()) * 4);
            double monetary = random.nextDouble() < 0.05 ? Double.NaN : frequency * (20 + 10 * random.nextGaussian());
            x[i] = new double[] {recency, frequency, monetary, random.nextGaussian()};
            churned[i] = random.nextDouble() < truth(recency, frequency);
            ids.add("c" + i);
        }
        return new ChurnTable(ids, ids, FEATURES, x, churned);
    }

    /** The AUC of the planted probabilities themselves: the best any model can do on average. */
    static double plantedAuc(ChurnTable t) {
        double[] p = new double[t.size()];
        for (int i = 0; i < p.length; i++) {
            p[i] = truth(t.x()[i][0], t.x()[i][1]);
        }
        return ChurnMetrics.of(p, t.churned()).rocAuc();
    }
}
