package dev.affinity.training.churn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.affinity.models.churn.ChurnScorer;
import dev.affinity.models.churn.TreeEnsembleChurnModel;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.common.xgboost.XGBoostModel;
import org.tribuo.impl.ArrayExample;
import smile.classification.GradientTreeBoost;
import smile.data.Tuple;

/** Real training on synthetic customers with a planted rule (seed 7), and exports that match the libraries. */
class ChurnTrainersTest {
    static final ChurnTable TRAIN = SyntheticChurn.table(3000, 7);
    static final ChurnTable TEST = SyntheticChurn.table(2000, 8);
    static final BoostingParameters BOOSTING = new BoostingParameters(60, 3, 0.1, 0.8, 10, 42);

    @Test
    void everyCandidateRanksChurnersAboveStayers() {
        double planted = SyntheticChurn.plantedAuc(TEST);
        // When written: planted 0.882, logistic 0.878, xgboost 0.879, smile 0.880, baseline 0.873.
        assertThat(planted).isGreaterThan(0.85);
        for (ChurnTrainer trainer : List.of(
                new LogisticTrainer(LogisticParameters.defaults(42)),
                new XGBoostTrainer(BOOSTING),
                new SmileBoostingTrainer(BOOSTING),
                new RfmBaseline(LogisticParameters.defaults(42)))) {
            ChurnScorer model = trainer.train(TRAIN);
            double auc = ChurnMetrics.of(ChurnModels.probabilities(model, TEST), TEST.churned())
                    .rocAuc();
            assertThat(auc).as(trainer.name()).isGreaterThan(planted - 0.015);
        }
    }

    @Test
    void treesFindTheStepThatALinearModelMisses() {
        // Only the step at recency 200 matters: trees capture it exactly.
        ChurnScorer trees = new XGBoostTrainer(BOOSTING).train(TRAIN);
        double below = trees.score(java.util.Map.of("recency_days", 190.0, "frequency", 3.0, "monetary", 60.0))
                .probability();
        double above = trees.score(java.util.Map.of("recency_days", 210.0, "frequency", 3.0, "monetary", 60.0))
                .probability();
        assertThat(above - below).isGreaterThan(0.15);
    }

    @Test
    void theLogisticExportMatchesTribuo() {
        LogisticTrainer.Fitted fitted = new LogisticTrainer(LogisticParameters.defaults(42)).fit(TRAIN);
        ChurnScorer exported = fitted.export();
        String[] names = SyntheticChurn.FEATURES.toArray(String[]::new);
        for (int r = 0; r < 300; r++) {
            double[] z = new double[names.length];
            for (int j = 0; j < z.length; j++) {
                z[j] = fitted.standardized(j, TEST.x()[r][j]);
            }
            Prediction<Label> p = fitted.model().predict(new ArrayExample<>(new Label("stay"), names, z));
            double tribuo = p.getOutputScores().get(TribuoData.CHURN).getScore();
            assertThat(exported.score(TEST.profile(r)).probability()).isCloseTo(tribuo, within(1e-9));
        }
    }

    @Test
    void theXGBoostExportMatchesXGBoost() {
        XGBoostTrainer trainer = new XGBoostTrainer(BOOSTING);
        double[] fill = TRAIN.means();
        XGBoostModel<Label> model = trainer.fit(TRAIN, fill);
        TreeEnsembleChurnModel exported = XGBoostTrainer.export(model, TRAIN.features(), fill);
        assertThat(exported.parameters().trees()).hasSize(2 * BOOSTING.trees());
        String[] names = SyntheticChurn.FEATURES.toArray(String[]::new);
        double[][] x = TEST.filled(fill);
        double worst = 0;
        for (int r = 0; r < TEST.size(); r++) {
            Prediction<Label> p = model.predict(new ArrayExample<>(new Label("stay"), names, x[r]));
            double library = p.getOutputScores().get(TribuoData.CHURN).getScore();
            worst = Math.max(worst, Math.abs(exported.score(TEST.profile(r)).probability() - library));
        }
        // XGBoost sums leaves in single precision, the export in double.
        assertThat(worst).isLessThan(1e-5);
    }

    @Test
    void theSmileExportMatchesSmile() {
        SmileBoostingTrainer trainer = new SmileBoostingTrainer(BOOSTING);
        double[] fill = TRAIN.means();
        double[][] x = TRAIN.filled(fill);
        GradientTreeBoost model = trainer.fit(TRAIN.features(), x, TRAIN.churned());
        TreeEnsembleChurnModel exported = trainer.export(model, TRAIN.features(), fill, x);
        var schema = SmileBoostingTrainer.schema(TRAIN.features());
        double[][] test = TEST.filled(fill);
        double[] posteriori = new double[2];
        for (int r = 0; r < TEST.size(); r++) {
            model.predict(Tuple.of(test[r], schema), posteriori);
            assertThat(exported.score(TEST.profile(r)).probability()).isCloseTo(posteriori[1], within(1e-9));
        }
    }

    @Test
    void theSameSeedGivesTheSameModel() {
        for (ChurnTrainer trainer : List.of(
                new LogisticTrainer(LogisticParameters.defaults(42)),
                new XGBoostTrainer(BOOSTING),
                new SmileBoostingTrainer(BOOSTING))) {
            double[] a = ChurnModels.probabilities(trainer.train(TRAIN), TEST);
            double[] b = ChurnModels.probabilities(trainer.train(TRAIN), TEST);
            assertThat(a).as(trainer.name()).containsExactly(b);
        }
    }
}
