package dev.affinity.training.recommend;

import dev.affinity.models.artifact.FloatMatrix;
import dev.affinity.models.recommend.FactorModel;
import dev.affinity.models.recommend.RecommenderModel;
import dev.affinity.training.als.AlsFactors;
import dev.affinity.training.als.AlsParameters;
import dev.affinity.training.als.ImplicitAls;
import java.util.LinkedHashMap;
import java.util.Map;

/** Implicit ALS into a {@link FactorModel}. */
public final class AlsTrainer implements RecommenderTrainer {
    private final AlsParameters parameters;
    private final ImplicitAls.IterationListener listener;

    /** A trainer with these hyperparameters, reporting each iteration's loss to {@code listener}. */
    public AlsTrainer(AlsParameters parameters, ImplicitAls.IterationListener listener) {
        this.parameters = parameters;
        this.listener = listener;
    }

    @Override
    public String name() {
        return "als";
    }

    @Override
    public Map<String, Object> hyperparameters() {
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("factors", parameters.factors());
        h.put("iterations", parameters.iterations());
        h.put("regularization", parameters.regularization());
        h.put("alpha", parameters.alpha());
        h.put("solver", parameters.solver().name());
        h.put("cgSteps", parameters.cgSteps());
        h.put("seed", parameters.seed());
        return h;
    }

    @Override
    public RecommenderModel train(TrainingData data) {
        AlsFactors f = new ImplicitAls(parameters).fit(data.interactions(), listener);
        return new FactorModel(
                data.users(),
                data.items(),
                new FloatMatrix(f.users(), f.factors(), f.userFactors()),
                new FloatMatrix(f.items(), f.factors(), f.itemFactors()),
                data.userItems(),
                data.popularity());
    }
}
