package dev.affinity.training.cli;

import dev.affinity.features.interactions.InteractionMatrix;
import dev.affinity.features.interactions.InteractionWeights;
import dev.affinity.training.evaluation.EvaluationSplit;
import dev.affinity.training.recommend.Candidates;
import dev.affinity.training.recommend.Leaderboard;
import dev.affinity.training.recommend.RatingsFile;
import dev.affinity.training.recommend.TemporalSplit;
import dev.affinity.training.recommend.TrainingData;
import dev.affinity.training.recommend.WarehouseContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
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

/** {@code affinity evaluate ...}: offline evaluation. */
@Command(
        name = "evaluate",
        description = "Offline evaluation of models.",
        mixinStandardHelpOptions = true,
        subcommands = {EvaluateCommand.Recs.class, EvaluateCommand.Churn.class})
final class EvaluateCommand {

    /** {@code affinity evaluate recs}: a leaderboard of recommenders on one split. */
    @Command(
            name = "recs",
            description = "Train every recommender on the same split and print a leaderboard (full ranking over all"
                    + " items, items seen in training excluded).",
            mixinStandardHelpOptions = true)
    static final class Recs implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        WarehouseOptions options;

        @Option(
                names = "--protocol",
                defaultValue = "temporal",
                paramLabel = "P",
                description = "temporal: train"
                        + " before --as-of, test on new purchases in the next --horizon-days; holdout: a seeded random"
                        + " share of each user's items; held-out-users: a seeded share of users (--user-ratio) leaves"
                        + " training and is folded in from the rest of their items (default: ${DEFAULT-VALUE}).")
        String protocol;

        @Option(names = "--as-of", paramLabel = "DATE", description = "Cutoff for warehouse data (yyyy-MM-dd).")
        LocalDate asOf;

        @Option(
                names = "--horizon-days",
                defaultValue = "91",
                paramLabel = "D",
                description = "Test window of the" + " temporal protocol (default: ${DEFAULT-VALUE}).")
        int horizonDays;

        @Option(
                names = "--ratio",
                paramLabel = "R",
                description = "Held-out share of each evaluated user's items (default: 0.25 for holdout, 0.2 for"
                        + " held-out-users).")
        Double ratio;

        @Option(
                names = "--user-ratio",
                defaultValue = "0.2",
                paramLabel = "R",
                description = "Share of users held out of training, held-out-users protocol (default:"
                        + " ${DEFAULT-VALUE}).")
        double userRatio;

        @Option(
                names = "--interactions",
                paramLabel = "DATASET",
                description = "Evaluate on an interaction dataset imported with 'import interactions' instead of"
                        + " the shop's orders and events.")
        String dataset;

        @Option(
                names = "--min-weight",
                defaultValue = "0",
                paramLabel = "W",
                description = "With --interactions: rows with a smaller weight are ignored (MovieLens: 4 keeps"
                        + " ratings of 4 and 5) (default: ${DEFAULT-VALUE}).")
        double minWeight;

        @Option(
                names = "--confidence",
                defaultValue = "binary",
                paramLabel = "C",
                description = "With --interactions: binary (1 per user and item) or sum (of the weights)"
                        + " (default: ${DEFAULT-VALUE}).")
        String confidence;

        @Option(
                names = "--min-items",
                defaultValue = "5",
                paramLabel = "N",
                description = "Users need this many" + " items to be held out from (default: ${DEFAULT-VALUE}).")
        int minItems;

        @Option(
                names = "--seed",
                defaultValue = "42",
                paramLabel = "S",
                description = "Seed (default: ${DEFAULT-VALUE}).")
        long seed;

        @Option(
                names = "--ratings",
                paramLabel = "FILE",
                description = "Use a tab-separated 'user item rating' file"
                        + " (MovieLens u.data) instead of the warehouse; holdout protocol only.")
        Path ratings;

        @Option(
                names = "--min-rating",
                defaultValue = "4",
                paramLabel = "X",
                description = "Ratings at or above this" + " are positives (default: ${DEFAULT-VALUE}).")
        double minRating;

        @Option(
                names = "--k",
                split = ",",
                defaultValue = "10,20",
                paramLabel = "K",
                description = "Cutoffs" + " (default: ${DEFAULT-VALUE}).")
        List<Integer> ks;

        @Option(
                names = "--models",
                split = ",",
                paramLabel = "NAMES",
                description = "Candidates (default: all of popularity, als,"
                        + " als-tuned, item-knn, ease). als-tuned picks factors, regularization and alpha on a validation"
                        + " split carved from the training part, at the first --k.")
        List<String> models;

        @Option(names = "--markdown", paramLabel = "FILE", description = "Also write the leaderboard as markdown.")
        Path markdown;

        @Override
        public Integer call() throws IOException {
            CommandRun run = new CommandRun();
            for (int k : ks) {
                if (k < 1 || k > 1000) {
                    throw new ParameterException(spec.commandLine(), "--k must be 1..1000, got " + k);
                }
            }
            List<String> names = models != null
                    ? models
                    : Candidates.ALL.stream()
                            .filter(n -> (ratings == null && dataset == null) || !Candidates.WAREHOUSE_ONLY.contains(n))
                            .toList();
            var trainers = Candidates.of(
                    names,
                    seed,
                    ks.get(0),
                    step -> System.err.println("evaluate recs: " + step),
                    ratings == null && dataset == null
                            ? new WarehouseContext(options.openExisting(), requireAsOf())
                            : null);
            TrainingData train;
            EvaluationSplit split;
            String described;
            if (ratings != null && dataset != null) {
                throw new ParameterException(spec.commandLine(), "--ratings and --interactions exclude each other");
            }
            if (protocol.equals("temporal")) {
                if (ratings != null) {
                    throw new ParameterException(
                            spec.commandLine(), "--ratings has no dates: use --protocol holdout or held-out-users");
                }
                TemporalSplit t = dataset != null
                        ? TemporalSplit.ofDataset(
                                options.openExisting(), dataset, minWeight, binary(), requireAsOf(), horizonDays)
                        : TemporalSplit.of(
                                options.openExisting(), requireAsOf(), horizonDays, InteractionWeights.DEFAULT);
                train = t.data();
                split = t.split();
                described = String.format(
                        Locale.ROOT,
                        "temporal: train before %s, test on new %s until %s%s",
                        asOf,
                        dataset != null ? "interactions" : "purchases",
                        asOf.plusDays(horizonDays),
                        source());
            } else if (protocol.equals("holdout") || protocol.equals("held-out-users")) {
                TrainingData all = allData();
                boolean users = protocol.equals("held-out-users");
                double share = ratio != null ? ratio : users ? 0.2 : 0.25;
                split = users
                        ? EvaluationSplit.heldOutUsers(all.interactions(), userRatio, share, minItems, seed)
                        : EvaluationSplit.randomPerUser(all.interactions(), share, minItems, seed);
                train = all.with(split.train());
                described = users
                        ? String.format(
                                Locale.ROOT,
                                "held-out-users: %.0f%% of users (with >= %d items) left out of training, folded in"
                                        + " from %.0f%% of their items and tested on the rest, seed %d%s",
                                100 * userRatio,
                                minItems,
                                100 * (1 - share),
                                seed,
                                source())
                        : String.format(
                                Locale.ROOT,
                                "holdout: %.0f%% of each user's items (users with >= %d), seed %d%s",
                                100 * share,
                                minItems,
                                seed,
                                source());
            } else {
                throw new ParameterException(
                        spec.commandLine(),
                        "--protocol must be temporal, holdout or held-out-users, got '" + protocol + "'");
            }
            Leaderboard board = Leaderboard.run(
                    described, train, split, trainers, ks, step -> System.err.println("evaluate recs: " + step));
            if (markdown != null) {
                Files.writeString(markdown, board.markdown());
            }
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("leaderboard", board);
            if (markdown != null) {
                figures.put("markdown", markdown.toAbsolutePath().toString());
            }
            run.finish(
                    spec.commandLine().getOut(),
                    options.json,
                    "evaluate recs",
                    board.markdown() + (markdown != null ? "written to " + markdown.toAbsolutePath() : ""),
                    figures);
            return 0;
        }

        private TrainingData allData() throws IOException {
            if (ratings != null) {
                return RatingsFile.positives(requireFile(ratings), minRating);
            }
            if (dataset != null) {
                return TrainingData.of(
                        InteractionMatrix.ofDataset(options.openExisting(), dataset, minWeight, binary(), asOf));
            }
            return TrainingData.of(
                    InteractionMatrix.build(options.openExisting(), requireAsOf(), InteractionWeights.DEFAULT));
        }

        private boolean binary() {
            return switch (confidence) {
                case "binary" -> true;
                case "sum" -> false;
                default ->
                    throw new ParameterException(
                            spec.commandLine(), "--confidence must be binary or sum, got '" + confidence + "'");
            };
        }

        private String source() {
            if (ratings != null) {
                return ", " + ratings.getFileName() + " ratings >= " + minRating;
            }
            if (dataset != null) {
                return ", interactions '" + dataset + "' with weight >= " + minWeight
                        + (asOf != null ? " before " + asOf : "");
            }
            return ", as of " + asOf;
        }

        private LocalDate requireAsOf() {
            if (asOf == null) {
                throw new ParameterException(spec.commandLine(), "--as-of is required for warehouse data");
            }
            return asOf;
        }

        private Path requireFile(Path file) {
            if (!Files.isRegularFile(file)) {
                throw new ParameterException(spec.commandLine(), "--ratings: no such file " + file);
            }
            return file;
        }
    }

    /** {@code affinity evaluate churn}: every churn candidate and the RFM baseline, out-of-time. */
    @Command(
            name = "churn",
            description = "Train the churn candidates and the RFM baseline on earlier cutoffs and report ROC-AUC,"
                    + " PR-AUC, log loss, Brier, lift and gains by decile, calibration and the confusion matrix at"
                    + " the tier thresholds on the --as-of cutoff (or on the test part of --csv).",
            mixinStandardHelpOptions = true)
    static final class Churn implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        WarehouseOptions options;

        @Mixin
        ChurnOptions churn;

        @Option(names = "--markdown", paramLabel = "FILE", description = "Also write the report as markdown.")
        Path markdown;

        @Override
        public Integer call() throws Exception {
            CommandRun run = new CommandRun();
            var experiment = churn.run(spec.commandLine(), options, "evaluate churn");
            String report = experiment.markdown();
            if (markdown != null) {
                Files.writeString(markdown, report);
            }
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("evaluation", experiment);
            run.finish(spec.commandLine().getOut(), options.json, "evaluate churn", report, figures);
            return 0;
        }
    }
}
