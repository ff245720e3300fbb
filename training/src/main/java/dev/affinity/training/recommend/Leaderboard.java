package dev.affinity.training.recommend;

import dev.affinity.models.recommend.RecommenderModel;
import dev.affinity.training.evaluation.EvaluationSplit;
import dev.affinity.training.evaluation.RankingMetrics;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Every candidate trained on the same training matrix and evaluated on the same held-out items.
 *
 * @param protocol how the split was made, in words
 * @param rows one row per candidate, in the order trained
 */
public record Leaderboard(String protocol, List<Row> rows) {
    /** Copies the rows. */
    public Leaderboard {
        rows = List.copyOf(rows);
    }

    /**
     * One candidate's result.
     *
     * @param model the trainer's name
     * @param hyperparameters its exact settings
     * @param trainSeconds wall time of training
     * @param metrics ranking metrics, one per K
     */
    public record Row(
            String model, Map<String, Object> hyperparameters, double trainSeconds, List<RankingMetrics> metrics) {}

    /** Trains and evaluates each of {@code trainers}, telling {@code progress} which one is running. */
    public static Leaderboard run(
            String protocol,
            TrainingData train,
            EvaluationSplit split,
            List<RecommenderTrainer> trainers,
            List<Integer> ks,
            Consumer<String> progress) {
        List<Row> rows = new ArrayList<>();
        for (RecommenderTrainer trainer : trainers) {
            progress.accept("training " + trainer.name());
            long start = System.nanoTime();
            RecommenderModel model = trainer.train(train);
            double seconds = (System.nanoTime() - start) / 1e9;
            progress.accept("evaluating " + trainer.name());
            List<RankingMetrics> metrics =
                    RecommenderEvaluation.evaluate(model, train.users(), train.items(), split, ks);
            rows.add(new Row(trainer.name(), trainer.hyperparameters(), seconds, metrics));
        }
        return new Leaderboard(protocol, rows);
    }

    /** A markdown table: one line per model, Recall and NDCG at every K, then MAP, HR, MRR, coverage at the largest K. */
    public String markdown() {
        StringBuilder header = new StringBuilder("| model | train s |");
        StringBuilder rule = new StringBuilder("|---|---|");
        List<RankingMetrics> first = rows.isEmpty() ? List.of() : rows.get(0).metrics();
        for (RankingMetrics m : first) {
            header.append(" Recall@")
                    .append(m.k())
                    .append(" | NDCG@")
                    .append(m.k())
                    .append(" |");
            rule.append("---|---|");
        }
        header.append(" MAP | HR | MRR | coverage | users |");
        rule.append("---|---|---|---|---|");
        StringBuilder out = new StringBuilder(protocol)
                .append("\n\n")
                .append(header)
                .append('\n')
                .append(rule)
                .append('\n');
        for (Row row : rows) {
            out.append(String.format(Locale.ROOT, "| %s | %.2f |", row.model(), row.trainSeconds()));
            for (RankingMetrics m : row.metrics()) {
                out.append(String.format(Locale.ROOT, " %.4f | %.4f |", m.recall(), m.ndcg()));
            }
            RankingMetrics last = row.metrics().get(row.metrics().size() - 1);
            out.append(String.format(
                    Locale.ROOT,
                    " %.4f | %.4f | %.4f | %.4f | %d |%n",
                    last.map(),
                    last.hitRate(),
                    last.mrr(),
                    last.coverage(),
                    last.users()));
        }
        return out.toString();
    }
}
