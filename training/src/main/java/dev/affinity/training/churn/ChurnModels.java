package dev.affinity.training.churn;

import dev.affinity.models.churn.Calibration;
import dev.affinity.models.churn.ChurnScorer;
import dev.affinity.models.churn.LogisticChurnModel;
import dev.affinity.models.churn.RiskTiers;
import dev.affinity.models.churn.TreeEnsembleChurnModel;

/** Operations on the churn scorers the trainers return. */
final class ChurnModels {
    private ChurnModels() {}

    /** The raw (as given) probabilities of every row of {@code table}. */
    static double[] probabilities(ChurnScorer scorer, ChurnTable table) {
        double[] p = new double[table.size()];
        for (int r = 0; r < p.length; r++) {
            p[r] = scorer.score(table.profile(r), 0).probability();
        }
        return p;
    }

    /** The same model with a calibration and tiers. */
    static ChurnScorer with(ChurnScorer scorer, Calibration calibration, RiskTiers tiers) {
        if (scorer instanceof LogisticChurnModel m) {
            return m.with(calibration, tiers);
        }
        if (scorer instanceof TreeEnsembleChurnModel m) {
            return m.with(calibration, tiers);
        }
        if (scorer instanceof RfmBaseline.Scorer m) {
            return new RfmBaseline.Scorer(m.model().with(calibration, tiers));
        }
        throw new IllegalArgumentException(
                "cannot calibrate " + scorer.getClass().getSimpleName());
    }

    /**
     * Profiles scored per second, one thread, through {@link ChurnScorer#score} with the default
     * number of reasons: the serving path. After 0.3 s of warm-up, repeats the table until at least
     * half a second has passed.
     */
    static double throughput(ChurnScorer scorer, ChurnTable table) {
        var profiles = new java.util.ArrayList<java.util.Map<String, Double>>();
        for (int r = 0; r < table.size(); r++) {
            profiles.add(table.profile(r));
        }
        double sink = 0;
        long warm = System.nanoTime();
        while (System.nanoTime() - warm < 300_000_000L) { // let the JIT compile the scoring path
            for (var p : profiles) {
                sink += scorer.score(p).probability();
            }
        }
        long start = System.nanoTime();
        long scored = 0;
        while (System.nanoTime() - start < 500_000_000L) {
            for (var p : profiles) {
                sink += scorer.score(p).probability();
            }
            scored += profiles.size();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (Double.isNaN(sink)) {
            throw new IllegalStateException("a scorer returned NaN");
        }
        return scored / seconds;
    }
}
