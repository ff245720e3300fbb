package dev.affinity.training.recommend;

import dev.affinity.models.artifact.FloatMatrix;
import dev.affinity.models.recommend.FactorModel;
import dev.affinity.models.recommend.RecommenderModel;
import dev.affinity.training.als.AlsFactors;
import dev.affinity.training.als.AlsParameters;
import dev.affinity.training.als.ImplicitAls;
import dev.affinity.training.evaluation.EvaluationSplit;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Implicit ALS into a {@link FactorModel}, optionally with early stopping: a fifth of each user's
 * training items (seed + 2) is held out, ALS runs until NDCG@K on them has not improved for {@code
 * patience} iterations, and the final model is then trained on all the data for the best number of
 * iterations.
 */
public final class AlsTrainer implements RecommenderTrainer {
    private final AlsParameters parameters;
    private final ImplicitAls.IterationListener listener;
    private final int patience;
    private final int k;
    private int bestIterations;

    /** A trainer with these hyperparameters, reporting each iteration's loss to {@code listener}. */
    public AlsTrainer(AlsParameters parameters, ImplicitAls.IterationListener listener) {
        this(parameters, listener, 0, 0);
    }

    private AlsTrainer(AlsParameters parameters, ImplicitAls.IterationListener listener, int patience, int k) {
        this.parameters = parameters;
        this.listener = listener;
        this.patience = patience;
        this.k = k;
    }

    /**
     * This trainer with early stopping on validation NDCG@{@code k}, after {@code patience}
     * iterations without improvement; {@link AlsParameters#iterations()} becomes the maximum.
     */
    public AlsTrainer withEarlyStopping(int patience, int k) {
        if (patience < 1 || k < 1) {
            throw new IllegalArgumentException("patience and k must be >= 1, got " + patience + " and " + k);
        }
        return new AlsTrainer(parameters, listener, patience, k);
    }

    @Override
    public String name() {
        return patience > 0 ? "als-early" : "als";
    }

    @Override
    public Map<String, Object> hyperparameters() {
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("factors", parameters.factors());
        h.put("iterations", patience > 0 && bestIterations > 0 ? bestIterations : parameters.iterations());
        h.put("regularization", parameters.regularization());
        h.put("alpha", parameters.alpha());
        h.put("solver", parameters.solver().name());
        h.put("cgSteps", parameters.cgSteps());
        h.put("seed", parameters.seed());
        if (patience > 0) {
            h.put("earlyStopping", Map.of("patience", patience, "ndcgAt", k, "maxIterations", parameters.iterations()));
        }
        return h;
    }

    @Override
    public RecommenderModel train(TrainingData data) {
        AlsParameters p = parameters;
        if (patience > 0) {
            bestIterations = bestIterations(data);
            p = parameters.withIterations(bestIterations);
        }
        return model(data, new ImplicitAls(p).fit(data.interactions(), listener));
    }

    /** The iteration count at which validation NDCG@k peaked, on a split carved from {@code data}. */
    private int bestIterations(TrainingData data) {
        EvaluationSplit validation = EvaluationSplit.randomPerUser(data.interactions(), 0.2, 2, parameters.seed() + 2);
        TrainingData fit = data.with(validation.train());
        int[] best = {0};
        double[] bestScore = {Double.NEGATIVE_INFINITY};
        int[] iteration = {0};
        new ImplicitAls(parameters)
                .fit(
                        fit.interactions(),
                        listener,
                        current -> {
                            iteration[0]++;
                            double score = RecommenderEvaluation.evaluate(
                                            model(fit, current), fit.users(), fit.items(), validation, k)
                                    .ndcg();
                            if (score > bestScore[0]) {
                                bestScore[0] = score;
                                best[0] = iteration[0];
                            }
                            return score;
                        },
                        patience);
        return Math.max(1, best[0]);
    }

    private static FactorModel model(TrainingData data, AlsFactors f) {
        return new FactorModel(
                data.users(),
                data.items(),
                new FloatMatrix(f.users(), f.factors(), f.userFactors()),
                new FloatMatrix(f.items(), f.factors(), f.itemFactors()),
                data.userItems(),
                data.popularity());
    }
}
