package dev.affinity.bench.spark;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.affinity.features.ingest.OnlineRetailImporter;
import dev.affinity.features.interactions.InteractionMatrix;
import dev.affinity.features.interactions.InteractionWeights;
import dev.affinity.features.progress.Progress;
import dev.affinity.features.warehouse.Warehouse;
import dev.affinity.models.artifact.FloatMatrix;
import dev.affinity.models.recommend.FactorModel;
import dev.affinity.training.als.AlsFactors;
import dev.affinity.training.als.AlsParameters;
import dev.affinity.training.als.ImplicitAls;
import dev.affinity.training.evaluation.EvaluationSplit;
import dev.affinity.training.evaluation.RankingMetrics;
import dev.affinity.training.recommend.RatingsFile;
import dev.affinity.training.recommend.RecommenderEvaluation;
import dev.affinity.training.recommend.TrainingData;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.spark.ml.recommendation.ALSModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Spark MLlib's implicit ALS beside ours, in one JVM, on the same training matrix and the same
 * 75/25 per-user split (seed 42), scored by the same {@link RecommenderEvaluation} at K = 10.
 *
 * <p>Each fit is warmed up once and then timed {@code --repeats} times, Spark and ours interleaved,
 * so that load from other processes falls on both. Spark's regParam is scaled per row by its number
 * of ratings (ALS-WR) and ours is not, so besides equal nominal settings both regularizations are
 * tuned on a validation split carved from the training part (seed 43), never from the test split.
 *
 * <p>Arguments: {@code --movielens u.data [--online-retail online-retail.csv.gz] [--repeats 3]
 * [--spark-blocks 10] [--scratch bench/spark/target/spark-scratch] [--out bench/out/...jsonl]}.
 * Prints a summary to stdout and one JSON line per result to {@code --out}.
 */
public final class AlsSideBySide {
    private static final int K = 10;
    private static final int RANK = 64;
    private static final int ITERATIONS = 15;
    private static final double LAMBDA = 0.05;
    private static final double ALPHA = 10;
    private static final int CG_STEPS = 3;
    private static final int THREADS = 2;
    private static final long SEED = 42;
    /** Spark regParam grid (scaled per row by its count, so much smaller than ours). */
    private static final List<Double> SPARK_REG_GRID = List.of(0.03, 0.1, 0.3, 1.0, 3.0, 10.0);
    /** Our lambda grid: the als-tuned grid, extended at the top since 30 was its edge. */
    private static final List<Double> OUR_LAMBDA_GRID = List.of(1.0, 10.0, 30.0, 100.0, 300.0, 1000.0);

    private final SparkAls spark;
    private final int repeats;
    private final int sparkBlocks;
    private final Writer out;
    private final ObjectMapper json = new ObjectMapper();

    private AlsSideBySide(SparkAls spark, int repeats, int sparkBlocks, Writer out) {
        this.spark = spark;
        this.repeats = repeats;
        this.sparkBlocks = sparkBlocks;
        this.out = out;
    }

    /** Runs the comparison; see the class comment for the arguments. */
    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        Path movielens = Path.of(required(options, "movielens"));
        String retail = options.get("online-retail");
        int repeats = Integer.parseInt(options.getOrDefault("repeats", "3"));
        int blocks = Integer.parseInt(options.getOrDefault("spark-blocks", "10"));
        Path scratch = Path.of(options.getOrDefault("scratch", "bench/spark/target/spark-scratch"));
        Path outFile = Path.of(options.getOrDefault("out", "bench/out/als-side-by-side.jsonl"));
        Files.createDirectories(scratch);
        Files.createDirectories(outFile.toAbsolutePath().getParent());

        System.out.printf(
                Locale.ROOT,
                "machine: %d processors, max heap %d MiB, Java %s; load average at start %s%n",
                Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20,
                System.getProperty("java.version"),
                loadAverage());
        try (Writer out = Files.newBufferedWriter(
                        outFile, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                SparkAls spark = new SparkAls(THREADS, scratch)) {
            System.out.printf(
                    Locale.ROOT,
                    "Spark %s, local[%d], %d user and item blocks, BLAS %s%n",
                    spark.version(),
                    THREADS,
                    blocks,
                    dev.ludovic.netlib.blas.BLAS.getInstance().getClass().getSimpleName());
            AlsSideBySide bench = new AlsSideBySide(spark, repeats, blocks, out);
            // Every rating is a positive of weight 1.
            bench.run("movielens-100k", RatingsFile.positives(movielens, 0));
            if (retail != null) {
                bench.run("online-retail", onlineRetail(Path.of(retail), scratch));
            }
        }
        System.out.printf(Locale.ROOT, "load average at end %s%n", loadAverage());
    }

    private static TrainingData onlineRetail(Path file, Path scratch) throws Exception {
        Path dir = Files.createTempDirectory(scratch, "warehouse");
        Warehouse warehouse = Warehouse.open(dir);
        new OnlineRetailImporter(warehouse, Progress.NONE).importFile(file);
        return TrainingData.of(
                InteractionMatrix.build(warehouse, LocalDate.of(2011, 9, 1), InteractionWeights.DEFAULT));
    }

    private void run(String dataset, TrainingData all) throws IOException {
        EvaluationSplit split = EvaluationSplit.randomPerUser(all.interactions(), 0.25, 2, SEED);
        TrainingData train = all.with(split.train());
        AlsWork work = AlsWork.of(train.interactions(), RANK);
        System.out.printf(
                Locale.ROOT,
                "%n== %s: %d users, %d items, %d interactions, %d in training; load %s%n",
                dataset,
                all.users().size(),
                all.items().size(),
                all.interactions().nnz(),
                train.interactions().nnz(),
                loadAverage());

        AlsParameters cg =
                new AlsParameters(RANK, ITERATIONS, LAMBDA, ALPHA, AlsParameters.Solver.CG, CG_STEPS, SEED, THREADS);
        AlsParameters cholesky = cg.withSolver(AlsParameters.Solver.CHOLESKY);
        Dataset<Row> ratings = spark.ratings(train.interactions());

        // Warm-up: one fit of each, untimed.
        spark.fit(ratings, RANK, ITERATIONS, LAMBDA, ALPHA, SEED, sparkBlocks);
        new ImplicitAls(cg).fit(train.interactions(), (i, l) -> {});
        new ImplicitAls(cholesky).fit(train.interactions(), (i, l) -> {});

        double[] sparkTimes = new double[repeats];
        double[] cgTimes = new double[repeats];
        double[] choleskyTimes = new double[repeats];
        ALSModel sparkModel = null;
        AlsFactors cgFactors = null;
        AlsFactors choleskyFactors = null;
        for (int r = 0; r < repeats; r++) {
            long t0 = System.nanoTime();
            sparkModel = spark.fit(ratings, RANK, ITERATIONS, LAMBDA, ALPHA, SEED, sparkBlocks);
            long t1 = System.nanoTime();
            cgFactors = new ImplicitAls(cg).fit(train.interactions(), (i, l) -> {});
            long t2 = System.nanoTime();
            choleskyFactors = new ImplicitAls(cholesky).fit(train.interactions(), (i, l) -> {});
            long t3 = System.nanoTime();
            sparkTimes[r] = (t1 - t0) / 1e9;
            cgTimes[r] = (t2 - t1) / 1e9;
            choleskyTimes[r] = (t3 - t2) / 1e9;
        }
        // Spark's cost that does not grow with iterations (planning, blocking the ratings, collecting
        // factors): a one-iteration fit, timed once after the warm-up.
        double sparkOneIteration = time(() -> spark.fit(ratings, RANK, 1, LAMBDA, ALPHA, SEED, sparkBlocks));

        RankingMetrics sparkNominal = evaluate(SparkAls.toFactorModel(sparkModel, train), all, split);
        RankingMetrics cgNominal = evaluate(factorModel(cgFactors, train), all, split);
        RankingMetrics choleskyNominal = evaluate(factorModel(choleskyFactors, train), all, split);

        double sparkMedian = median(sparkTimes);
        double cgMedian = median(cgTimes);
        double choleskyMedian = median(choleskyTimes);
        double sparkMarginal = (sparkMedian - sparkOneIteration) / (ITERATIONS - 1);
        String load = loadAverage();
        record(
                dataset,
                "spark-als",
                "nominal",
                LAMBDA,
                sparkTimes,
                sparkNominal,
                load,
                Map.of("oneIterationFitSeconds", sparkOneIteration, "marginalSecondsPerIteration", sparkMarginal));
        record(
                dataset,
                "ours-cg",
                "nominal",
                LAMBDA,
                cgTimes,
                cgNominal,
                load,
                Map.of(
                        "flopPerIteration",
                        work.cgFlopPerIteration(CG_STEPS),
                        "gflops",
                        work.cgFlopPerIteration(CG_STEPS) / (cgMedian / ITERATIONS) / 1e9));
        record(
                dataset,
                "ours-cholesky",
                "nominal",
                LAMBDA,
                choleskyTimes,
                choleskyNominal,
                load,
                Map.of(
                        "flopPerIteration",
                        work.choleskyFlopPerIteration(),
                        "gflops",
                        work.choleskyFlopPerIteration() / (choleskyMedian / ITERATIONS) / 1e9));

        System.out.printf(
                Locale.ROOT,
                "%-28s %9s %9s %8s %9s%n",
                "equal nominal settings",
                "fit s",
                "s/iter",
                "NDCG@10",
                "Recall@10");
        line("Spark ALS (Cholesky, ALS-WR)", sparkMedian, sparkNominal);
        line("ours CG (3 steps)", cgMedian, cgNominal);
        line("ours CHOLESKY", choleskyMedian, choleskyNominal);
        System.out.printf(
                Locale.ROOT,
                "Spark 1-iteration fit %.2f s, so %.3f s per extra iteration; fit times over %d runs: Spark %s, CG %s, Cholesky %s%n",
                sparkOneIteration,
                sparkMarginal,
                repeats,
                Arrays.toString(sparkTimes),
                Arrays.toString(cgTimes),
                Arrays.toString(choleskyTimes));
        System.out.printf(
                Locale.ROOT,
                "ratios Spark / ours: time %.1fx (CG), %.1fx (Cholesky); NDCG@10 %.3f (CG), %.3f (Cholesky)%n",
                sparkMedian / cgMedian,
                sparkMedian / choleskyMedian,
                sparkNominal.ndcg() / cgNominal.ndcg(),
                sparkNominal.ndcg() / choleskyNominal.ndcg());
        System.out.printf(
                Locale.ROOT,
                "ours CG: %.3f GFLOP per iteration, %.2f GFLOP/s; Cholesky: %.3f GFLOP per iteration, %.2f GFLOP/s%n",
                work.cgFlopPerIteration(CG_STEPS) / 1e9,
                work.cgFlopPerIteration(CG_STEPS) / (cgMedian / ITERATIONS) / 1e9,
                work.choleskyFlopPerIteration() / 1e9,
                work.choleskyFlopPerIteration() / (choleskyMedian / ITERATIONS) / 1e9);

        tuned(dataset, all, split, train, ratings, cg);
        ratings.unpersist();
    }

    /**
     * Picks Spark's regParam and our lambda by NDCG@10 on a validation split of the training part,
     * then fits each on the whole training part and scores it on the test split.
     */
    private void tuned(
            String dataset,
            TrainingData all,
            EvaluationSplit split,
            TrainingData train,
            Dataset<Row> ratings,
            AlsParameters cg)
            throws IOException {
        EvaluationSplit validation = EvaluationSplit.randomPerUser(train.interactions(), 0.25, 2, SEED + 1);
        TrainingData fit = train.with(validation.train());
        Dataset<Row> fitRatings = spark.ratings(fit.interactions());
        double bestSpark = Double.NaN;
        double bestSparkNdcg = -1;
        for (double reg : SPARK_REG_GRID) {
            ALSModel m = spark.fit(fitRatings, RANK, ITERATIONS, reg, ALPHA, SEED, sparkBlocks);
            double ndcg =
                    evaluate(SparkAls.toFactorModel(m, fit), all, validation).ndcg();
            System.out.printf(Locale.ROOT, "validation: Spark regParam %s NDCG@10 %.4f%n", reg, ndcg);
            if (ndcg > bestSparkNdcg) {
                bestSparkNdcg = ndcg;
                bestSpark = reg;
            }
        }
        fitRatings.unpersist();
        double bestOurs = Double.NaN;
        double bestOursNdcg = -1;
        for (double lambda : OUR_LAMBDA_GRID) {
            AlsFactors f = new ImplicitAls(cg.withRegularization(lambda, ALPHA)).fit(fit.interactions(), (i, l) -> {});
            double ndcg = evaluate(factorModel(f, fit), all, validation).ndcg();
            System.out.printf(Locale.ROOT, "validation: our lambda %s NDCG@10 %.4f%n", lambda, ndcg);
            if (ndcg > bestOursNdcg) {
                bestOursNdcg = ndcg;
                bestOurs = lambda;
            }
        }

        double sparkReg = bestSpark;
        ALSModel[] sparkModel = new ALSModel[1];
        double sparkSeconds =
                time(() -> sparkModel[0] = spark.fit(ratings, RANK, ITERATIONS, sparkReg, ALPHA, SEED, sparkBlocks));
        AlsParameters ours = cg.withRegularization(bestOurs, ALPHA);
        AlsFactors[] ourFactors = new AlsFactors[1];
        double ourSeconds = time(() -> ourFactors[0] = new ImplicitAls(ours).fit(train.interactions(), (i, l) -> {}));
        RankingMetrics sparkTest = evaluate(SparkAls.toFactorModel(sparkModel[0], train), all, split);
        RankingMetrics ourTest = evaluate(factorModel(ourFactors[0], train), all, split);
        String load = loadAverage();
        record(
                dataset,
                "spark-als",
                "tuned",
                bestSpark,
                new double[] {sparkSeconds},
                sparkTest,
                load,
                Map.of("validationNdcg", bestSparkNdcg, "grid", SPARK_REG_GRID));
        record(
                dataset,
                "ours-cg",
                "tuned",
                bestOurs,
                new double[] {ourSeconds},
                ourTest,
                load,
                Map.of("validationNdcg", bestOursNdcg, "grid", OUR_LAMBDA_GRID));
        System.out.printf(
                Locale.ROOT,
                "%-28s %9s %9s %8s %9s%n",
                "regularization tuned",
                "fit s",
                "s/iter",
                "NDCG@10",
                "Recall@10");
        line("Spark ALS regParam " + bestSpark, sparkSeconds, sparkTest);
        line("ours CG lambda " + bestOurs, ourSeconds, ourTest);
        System.out.printf(
                Locale.ROOT,
                "ratios Spark / ours (tuned, one timed fit each): time %.1fx, NDCG@10 %.3f%n",
                sparkSeconds / ourSeconds,
                sparkTest.ndcg() / ourTest.ndcg());
    }

    private static RankingMetrics evaluate(FactorModel model, TrainingData all, EvaluationSplit split) {
        return RecommenderEvaluation.evaluate(model, all.users(), all.items(), split, K);
    }

    private static FactorModel factorModel(AlsFactors f, TrainingData train) {
        return new FactorModel(
                train.users(),
                train.items(),
                new FloatMatrix(f.users(), f.factors(), f.userFactors()),
                new FloatMatrix(f.items(), f.factors(), f.itemFactors()),
                train.userItems(),
                train.popularity());
    }

    private void record(
            String dataset,
            String model,
            String settings,
            double regularization,
            double[] fitSeconds,
            RankingMetrics m,
            String load,
            Map<String, Object> extra)
            throws IOException {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("dataset", dataset);
        row.put("model", model);
        row.put("settings", settings);
        row.put("rank", RANK);
        row.put("iterations", ITERATIONS);
        row.put("regularization", regularization);
        row.put("alpha", ALPHA);
        row.put("threads", THREADS);
        row.put("sparkBlocks", sparkBlocks);
        row.put("fitSeconds", fitSeconds);
        row.put("medianFitSeconds", median(fitSeconds));
        row.put("secondsPerIteration", median(fitSeconds) / ITERATIONS);
        row.put("evaluatedUsers", m.users());
        row.put("ndcg@10", m.ndcg());
        row.put("recall@10", m.recall());
        row.put("loadAverage", load);
        row.putAll(extra);
        out.write(json.writeValueAsString(row));
        out.write('\n');
        out.flush();
    }

    private static void line(String label, double seconds, RankingMetrics m) {
        System.out.printf(
                Locale.ROOT,
                "%-28s %9.2f %9.3f %8.4f %9.4f%n",
                label,
                seconds,
                seconds / ITERATIONS,
                m.ndcg(),
                m.recall());
    }

    private static double time(Supplier<?> fit) {
        long start = System.nanoTime();
        fit.get();
        return (System.nanoTime() - start) / 1e9;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** The 1, 5 and 15 minute load averages, as uptime prints them (empty off Linux). */
    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "";
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        List<String> known = List.of("movielens", "online-retail", "repeats", "spark-blocks", "scratch", "out");
        for (int i = 0; i < args.length; i++) {
            String name = args[i].startsWith("--") ? args[i].substring(2) : "";
            if (!known.contains(name) || i + 1 >= args.length) {
                throw new IllegalArgumentException("usage: --movielens u.data [--online-retail file.csv.gz]"
                        + " [--repeats N] [--spark-blocks N] [--scratch DIR] [--out FILE]; bad argument " + args[i]);
            }
            options.put(name, args[++i]);
        }
        return options;
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }
}
