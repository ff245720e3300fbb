package dev.affinity.training.recommend;

import dev.affinity.models.recommend.RecommenderModel;
import dev.affinity.training.als.AlsParameters;
import dev.affinity.training.evaluation.EvaluationSplit;
import dev.affinity.training.evaluation.RankingMetrics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Implicit ALS with a seeded grid search: the training data it is given is split again (a random
 * quarter of each user's items, seed + 1) into fit and validation parts; every combination of the
 * grid is fitted on the first and scored by NDCG@K on the second; the best is then trained on all of
 * the given data. The search sees only the training data, so it cannot tune on the test split.
 */
public final class TunedAlsTrainer implements RecommenderTrainer {
    /** Factors tried by default. */
    public static final List<Integer> FACTORS = List.of(16, 32, 64);
    /** Regularization values tried by default. */
    public static final List<Double> REGULARIZATION = List.of(1.0, 10.0, 30.0, 100.0, 300.0);
    /** Confidence scales tried by default. */
    public static final List<Double> ALPHA = List.of(1.0, 5.0, 20.0);

    private final AlsParameters base;
    private final int k;
    private final Consumer<String> progress;
    private final List<Trial> trials = new ArrayList<>();
    private AlsParameters chosen;

    /** One grid point and its validation score. */
    public record Trial(int factors, double regularization, double alpha, double validationNdcg) {}

    /**
     * @param base iterations, solver, seed and threads for every trial
     * @param k the cutoff of the validation NDCG
     * @param progress hears of each trial
     */
    public TunedAlsTrainer(AlsParameters base, int k, Consumer<String> progress) {
        this.base = base;
        this.k = k;
        this.progress = progress;
    }

    @Override
    public String name() {
        return "als-tuned";
    }

    @Override
    public Map<String, Object> hyperparameters() {
        Map<String, Object> h = new LinkedHashMap<>();
        if (chosen != null) {
            h.putAll(new AlsTrainer(chosen, (i, l) -> {}).hyperparameters());
        }
        h.put("validationNdcgAt", k);
        h.put("trials", List.copyOf(trials));
        return h;
    }

    @Override
    public RecommenderModel train(TrainingData data) {
        EvaluationSplit validation = EvaluationSplit.randomPerUser(data.interactions(), 0.25, 2, base.seed() + 1);
        TrainingData fit = data.with(validation.train());
        trials.clear();
        Trial best = null;
        for (int factors : FACTORS) {
            for (double lambda : REGULARIZATION) {
                for (double alpha : ALPHA) {
                    AlsParameters p = base.withFactors(factors).withRegularization(lambda, alpha);
                    RecommenderModel model = new AlsTrainer(p, (i, l) -> {}).train(fit);
                    RankingMetrics m = RecommenderEvaluation.evaluate(model, data.users(), data.items(), validation, k);
                    Trial trial = new Trial(factors, lambda, alpha, m.ndcg());
                    trials.add(trial);
                    progress.accept(String.format(
                            java.util.Locale.ROOT,
                            "als trial factors=%d regularization=%s alpha=%s: validation NDCG@%d %.4f",
                            factors,
                            lambda,
                            alpha,
                            k,
                            m.ndcg()));
                    if (best == null || trial.validationNdcg() > best.validationNdcg()) {
                        best = trial;
                    }
                }
            }
        }
        chosen = base.withFactors(best.factors()).withRegularization(best.regularization(), best.alpha());
        return new AlsTrainer(chosen, (i, l) -> {}).train(data);
    }
}
