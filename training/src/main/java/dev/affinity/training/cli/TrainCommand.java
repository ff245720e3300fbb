package dev.affinity.training.cli;

import dev.affinity.features.interactions.InteractionMatrix;
import dev.affinity.features.interactions.InteractionWeights;
import dev.affinity.features.warehouse.Warehouse;
import dev.affinity.models.recommend.RecommenderModel;
import dev.affinity.models.registry.ModelRegistry;
import dev.affinity.models.registry.ModelVersion;
import dev.affinity.training.evaluation.EvaluationSplit;
import dev.affinity.training.evaluation.RankingMetrics;
import dev.affinity.training.recommend.Candidates;
import dev.affinity.training.recommend.RecommenderEvaluation;
import dev.affinity.training.recommend.RecommenderPublisher;
import dev.affinity.training.recommend.RecommenderTrainer;
import dev.affinity.training.recommend.TrainingData;
import dev.affinity.training.recommend.WarehouseContext;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code affinity train ...}: train models and publish them to the registry. */
@Command(
        name = "train",
        description = "Train models on the warehouse and publish them to the model registry.",
        mixinStandardHelpOptions = true,
        subcommands = {TrainCommand.Recs.class, TrainCommand.Churn.class})
final class TrainCommand {

    /** {@code affinity train recs}. */
    @Command(
            name = "recs",
            description = "Train recommenders on the interactions before --as-of, score each on a validation"
                    + " hold-out, then retrain on all of it and publish as recommender-<name>.",
            mixinStandardHelpOptions = true)
    static final class Recs implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        WarehouseOptions options;

        @Option(
                names = "--registry",
                paramLabel = "DIR",
                description = "Model registry (default:" + " $AFFINITY_HOME/models, or ./var/models).")
        Path registry;

        @Option(names = "--as-of", required = true, paramLabel = "DATE", description = "Data cutoff (yyyy-MM-dd).")
        LocalDate asOf;

        @Option(
                names = "--models",
                split = ",",
                paramLabel = "NAMES",
                description = "Trainers (default: popularity, popularity-recent, als, item-knn, ease, content).")
        List<String> models;

        @Option(
                names = "--validation-ratio",
                defaultValue = "0.2",
                paramLabel = "R",
                description = "Share of each"
                        + " user's items held out to score the models before the final fit; 0 skips it (default:"
                        + " ${DEFAULT-VALUE}).")
        double validationRatio;

        @Option(
                names = "--k",
                defaultValue = "10",
                paramLabel = "K",
                description = "Cutoff of the validation" + " metrics (default: ${DEFAULT-VALUE}).")
        int k;

        @Option(
                names = "--seed",
                defaultValue = "42",
                paramLabel = "S",
                description = "Seed (default: ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--promote", description = "Make each published version current.")
        boolean promote;

        @Override
        public Integer call() {
            CommandRun run = new CommandRun();
            if (validationRatio < 0 || validationRatio >= 1) {
                throw new ParameterException(
                        spec.commandLine(), "--validation-ratio must be in [0, 1), got " + validationRatio);
            }
            Warehouse warehouse = options.openExisting();
            List<String> names = models != null
                    ? models
                    : List.of("popularity", "popularity-recent", "als", "item-knn", "ease", "content");
            List<RecommenderTrainer> trainers = Candidates.of(
                    names,
                    seed,
                    k,
                    step -> System.err.println("train recs: " + step),
                    new WarehouseContext(warehouse, asOf));
            System.err.println("train recs: interactions as of " + asOf);
            TrainingData data = TrainingData.of(InteractionMatrix.build(warehouse, asOf, InteractionWeights.DEFAULT));
            if (data.interactions().nnz() == 0) {
                throw new IllegalArgumentException("no interactions before " + asOf + " in " + options.warehouseDir());
            }
            EvaluationSplit validation = validationRatio > 0
                    ? EvaluationSplit.randomPerUser(data.interactions(), validationRatio, 2, seed)
                    : null;
            RecommenderPublisher publisher = new RecommenderPublisher(new ModelRegistry(registryDir()));
            String fingerprint = warehouse.fingerprint();
            List<Map<String, Object>> published = new ArrayList<>();
            StringBuilder summary = new StringBuilder();
            for (RecommenderTrainer trainer : trainers) {
                RankingMetrics metrics = null;
                if (validation != null) {
                    System.err.println("train recs: validating " + trainer.name());
                    RecommenderModel candidate = trainer.train(data.with(validation.train()));
                    metrics = RecommenderEvaluation.evaluate(candidate, data.users(), data.items(), validation, k);
                }
                System.err.println("train recs: training " + trainer.name() + " on all interactions");
                RecommenderModel model = trainer.train(data);
                ModelVersion v = publisher.publish(trainer, model, data, metrics, fingerprint, asOf, seed, promote);
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("model", v.name());
                row.put("version", v.version());
                row.put("current", v.current());
                row.put("dir", v.dir().toString());
                row.put("validation", metrics);
                published.add(row);
                summary.append(String.format(
                        Locale.ROOT,
                        "%s %s%s: %s%n",
                        v.name(),
                        v.version(),
                        v.current() ? " (current)" : "",
                        metrics == null
                                ? "not validated"
                                : String.format(
                                        Locale.ROOT,
                                        "validation NDCG@%d %.4f, Recall@%d %.4f",
                                        k,
                                        metrics.ndcg(),
                                        k,
                                        metrics.recall())));
            }
            summary.append("published to ").append(registryDir().toAbsolutePath());
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("asOf", asOf);
            figures.put("users", data.users().size());
            figures.put("items", data.items().size());
            figures.put("interactions", data.interactions().nnz());
            figures.put("published", published);
            run.finish(spec.commandLine().getOut(), options.json, "train recs", summary.toString(), figures);
            return 0;
        }

        private Path registryDir() {
            return registry != null
                    ? registry
                    : AffinityHome.from(System.getenv()).registry();
        }
    }

    /** {@code affinity train churn}: train the candidates, calibrate the best, publish it if it beats the baseline. */
    @Command(
            name = "churn",
            description = "Train the churn candidates and the RFM baseline, pick the best by validation log loss"
                    + " (ties: PR-AUC), calibrate it on validation, and publish it (type CHURN_LOGISTIC or CHURN_TREES)"
                    + " when it beats the baseline. Exit 1 without publishing otherwise.",
            mixinStandardHelpOptions = true)
    static final class Churn implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        WarehouseOptions options;

        @Mixin
        ChurnOptions churn;

        @Option(
                names = "--registry",
                paramLabel = "DIR",
                description = "Model registry (default: $AFFINITY_HOME/models, or ./var/models).")
        Path registry;

        @Option(
                names = "--name",
                defaultValue = "churn",
                paramLabel = "NAME",
                description = "Registry name (default: ${DEFAULT-VALUE}).")
        String name;

        @Option(names = "--promote", description = "Make the published version current.")
        boolean promote;

        @Override
        public Integer call() throws Exception {
            CommandRun run = new CommandRun();
            var experiment = churn.run(spec.commandLine(), options, "train churn");
            String fingerprint = churn.csv != null
                    ? fileFingerprint(churn.csv)
                    : options.openExisting().fingerprint();
            Path dir = registry != null
                    ? registry
                    : AffinityHome.from(System.getenv()).registry();
            ModelVersion v = new dev.affinity.training.churn.ChurnPublisher(new ModelRegistry(dir))
                    .publishWinner(
                            name, experiment, fingerprint, churn.csv != null ? null : churn.asOf, churn.seed, promote);
            var winner = experiment.row(experiment.winner());
            String summary = experiment.markdown()
                    + String.format(
                            Locale.ROOT,
                            "published %s %s%s: %s, test ROC-AUC %.4f, PR-AUC %.4f, log loss %.4f, Brier %.4f%n",
                            v.name(),
                            v.version(),
                            v.current() ? " (current)" : "",
                            experiment.winner(),
                            winner.test().metrics().rocAuc(),
                            winner.test().metrics().prAuc(),
                            winner.test().metrics().logLoss(),
                            winner.test().metrics().brier());
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("evaluation", experiment);
            figures.put("model", v.name());
            figures.put("version", v.version());
            figures.put("current", v.current());
            figures.put("dir", v.dir().toString());
            run.finish(spec.commandLine().getOut(), options.json, "train churn", summary, figures);
            return 0;
        }
    }

    /** The SHA-256 of a file, as a provenance fingerprint. */
    static String fileFingerprint(Path file) throws java.io.IOException {
        try (var in = java.nio.file.Files.newInputStream(file)) {
            var digest = java.security.MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return "sha256:" + java.util.HexFormat.of().formatHex(digest.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
