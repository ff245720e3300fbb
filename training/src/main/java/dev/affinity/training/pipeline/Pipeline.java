package dev.affinity.training.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.affinity.features.ingest.ImportResult;
import dev.affinity.features.ingest.InputException;
import dev.affinity.features.ingest.OnlineRetailImporter;
import dev.affinity.features.profiles.CustomerProfiles;
import dev.affinity.features.progress.Progress;
import dev.affinity.features.quality.QualityReport;
import dev.affinity.features.segments.ProfileFields;
import dev.affinity.features.segments.SegmentBatch;
import dev.affinity.features.segments.SegmentConfig;
import dev.affinity.features.segments.SegmentReport;
import dev.affinity.features.segments.SegmentSet;
import dev.affinity.features.warehouse.Warehouse;
import dev.affinity.features.warehouse.WarehouseSql;
import dev.affinity.models.registry.ModelRegistry;
import dev.affinity.training.churn.ChurnExperiment;
import dev.affinity.training.churn.ChurnFieldSource;
import dev.affinity.training.pipeline.PipelineResult.GateDecision;
import dev.affinity.training.pipeline.PipelineResult.StepResult;
import dev.affinity.training.recommend.Leaderboard;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The nightly run: import new source files, stop on bad data, compute profiles, train and evaluate
 * every recommender and churn candidate, promote a winner only when it beats the current model by
 * the margin, evaluate the segments (after churn, so that rules on the churn tier read the model
 * just promoted), and write the run's result. A step whose inputs (the warehouse
 * fingerprint, the cutoff, its configuration) have not changed since its last success is skipped
 * and its saved output reused; a lock file keeps two runs apart.
 */
public final class Pipeline {
    /** The registry name of the promoted recommender, which serving reads first. */
    public static final String RECOMMENDER_SLOT = "recommender";
    /** The registry name of the promoted churn model. */
    public static final String CHURN_SLOT = "churn";

    static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private final Path warehouseDir;
    private final Path registryDir;
    private final Path workDir;
    private final PipelineConfig config;
    private final Progress progress;
    private final Consumer<String> log;

    /**
     * A pipeline over these directories.
     *
     * @param workDir where the lock, the step state, the saved step outputs and the run results go
     * @param log one line per step event, for people (stderr in the CLI)
     */
    public Pipeline(
            Path warehouseDir,
            Path registryDir,
            Path workDir,
            PipelineConfig config,
            Progress progress,
            Consumer<String> log) {
        this.warehouseDir = warehouseDir;
        this.registryDir = registryDir;
        this.workDir = workDir;
        this.config = config;
        this.progress = progress;
        this.log = log;
    }

    /** Thrown when another run holds the lock. */
    public static final class LockedException extends IllegalStateException {
        LockedException(Path lock) {
            super("another pipeline run holds " + lock + "; wait for it to finish");
        }
    }

    /**
     * Runs every step.
     *
     * @param asOf the cutoff, or {@code null} for the day after the last order in the warehouse
     * @throws LockedException when another run is in progress
     * @throws InputException when an input file cannot be read at all
     */
    public PipelineResult run(LocalDate asOf) throws InputException {
        try {
            Files.createDirectories(workDir.resolve("steps"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + workDir, e);
        }
        Path lockFile = workDir.resolve(".lock");
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = channel.tryLock()) {
            if (lock == null) {
                throw new LockedException(lockFile);
            }
            return new Run(asOf).execute();
        } catch (java.nio.channels.OverlappingFileLockException e) {
            throw new LockedException(lockFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock " + lockFile, e);
        }
    }

    /** One run's mutable progress. */
    private final class Run {
        private final Instant started = Instant.now();
        private final long startNanos = System.nanoTime();
        private final List<StepResult> steps = new ArrayList<>();
        private final List<GateDecision> gates = new ArrayList<>();
        private final PipelineState state = PipelineState.load(workDir);
        private LocalDate asOf;
        private Warehouse warehouse;
        private QualityReport quality;
        private long profiles;
        private SegmentReport segments;
        private Leaderboard recommenders;
        private ChurnExperiment churn;
        private boolean trained;

        Run(LocalDate asOf) {
            this.asOf = asOf;
        }

        PipelineResult execute() throws InputException {
            boolean qualityOk = importInputs();
            quality = QualityReport.of(warehouse);
            if (!qualityOk) {
                return finish("data-quality-stop", PipelineExit.DATA_QUALITY_STOP);
            }
            if (asOf == null) {
                asOf = dayAfterLastOrder(warehouse);
            }
            String data = warehouse.fingerprint() + "|" + asOf;
            ModelRegistry registry = new ModelRegistry(registryDir);
            profiles = step(
                    "profiles",
                    data,
                    Long.class,
                    () -> {
                        CustomerProfiles.Snapshot s = new CustomerProfiles(warehouse, progress).compute(asOf);
                        return new Outcome<>(
                                s.customers(),
                                String.format(Locale.ROOT, "%,d customers as of %s", s.customers(), asOf));
                    },
                    () -> Files.exists(new CustomerProfiles(warehouse, Progress.NONE).snapshotFile(asOf)));
            RecommenderStep recs = new RecommenderStep(warehouse, registry, config, progress, log);
            RecommenderStep.Result r = step(
                    "recommenders",
                    data + "|" + config.canonical(config.recommenders()) + "|" + config.seed(),
                    RecommenderStep.Result.class,
                    () -> {
                        trained = true;
                        RecommenderStep.Result result = recs.run(asOf, warehouse.fingerprint());
                        return new Outcome<>(result, result.decision().reason());
                    },
                    () -> true);
            recommenders = r.leaderboard();
            gates.add(reused(r.decision()));
            if (config.churn().enabled()) {
                ChurnStep churnStep = new ChurnStep(warehouse, registry, config, log);
                ChurnStep.Result c = step(
                        "churn",
                        data + "|" + config.canonical(config.churn()) + "|" + config.seed(),
                        ChurnStep.Result.class,
                        () -> {
                            trained = true;
                            ChurnStep.Result result = churnStep.run(asOf, warehouse.fingerprint());
                            return new Outcome<>(result, result.decision().reason());
                        },
                        () -> true);
                churn = c.experiment();
                gates.add(reused(c.decision()));
            }
            String churnVersion =
                    currentOf(registry, CHURN_SLOT).map(v -> v.version()).orElse("none");
            segments = step(
                    "segments",
                    data + "|" + config.segments() + "|" + hash(config.segments()) + "|churn " + churnVersion,
                    SegmentReport.class,
                    this::segments,
                    () -> true);
            boolean promoted = gates.stream().anyMatch(GateDecision::promoted);
            if (promoted) {
                return finish("promoted", PipelineExit.OK);
            }
            return trained ? finish("gate-refused", PipelineExit.GATE_REFUSED) : finish("unchanged", PipelineExit.OK);
        }

        /** A decision of a skipped step is reported as such: nothing new was promoted by this run. */
        private GateDecision reused(GateDecision d) {
            if (steps.get(steps.size() - 1).status().equals("skipped")) {
                return new GateDecision(
                        d.family(),
                        d.model(),
                        d.metric(),
                        d.candidate(),
                        d.current(),
                        d.margin(),
                        false,
                        null,
                        "reused: inputs unchanged since the last run, no new model (then: " + d.reason() + ")");
            }
            return d;
        }

        private boolean importInputs() throws InputException {
            long started = System.nanoTime();
            long read = 0;
            long quarantined = 0;
            List<String> done = new ArrayList<>();
            if (config.inputs().isEmpty()) {
                warehouse = Warehouse.openExisting(warehouseDir);
            } else {
                warehouse = Warehouse.open(warehouseDir);
                for (PipelineConfig.Input input : config.inputs()) {
                    log.accept("import " + input.path());
                    ImportResult r = new OnlineRetailImporter(warehouse, progress).importFile(Path.of(input.path()));
                    read += r.rowsRead();
                    quarantined += r.rowsQuarantined();
                    done.add(
                            r.unchanged()
                                    ? r.file() + " loaded before"
                                    : String.format(
                                            Locale.ROOT,
                                            "%s: %,d rows, %,d quarantined",
                                            r.file(),
                                            r.rowsRead(),
                                            r.rowsQuarantined()));
                }
            }
            // The share is remembered with the warehouse it describes: a rerun without new files
            // must stop again on the same bad load, not train on it because nothing new was read.
            String fingerprint = warehouse.fingerprint();
            double share;
            if (read > 0) {
                share = (double) quarantined / read;
                state.done("quality", fingerprint + "|" + share);
            } else {
                String previous = state.get("quality");
                share = previous != null && previous.startsWith(fingerprint + "|")
                        ? Double.parseDouble(previous.substring(fingerprint.length() + 1))
                        : 0;
            }
            boolean ok = share <= config.maxQuarantineShare();
            String detail = (done.isEmpty() ? "no inputs configured" : String.join("; ", done))
                    + (read == 0 && share == 0
                            ? ""
                            : String.format(
                                    Locale.ROOT,
                                    "; quarantined %.2f%% of rows read (limit %.2f%%)",
                                    100 * share,
                                    100 * config.maxQuarantineShare()));
            steps.add(
                    new StepResult("import", !ok ? "failed" : read == 0 ? "skipped" : "ran", seconds(started), detail));
            log.accept("import: " + detail);
            return ok;
        }

        private Outcome<SegmentReport> segments() throws IOException {
            ProfileFields fields = ProfileFields.customerProfiles();
            SegmentConfig segmentConfig = config.segments() == null
                    ? SegmentConfig.defaults()
                    : SegmentConfig.read(Path.of(config.segments()));
            SegmentSet set = SegmentSet.compile(segmentConfig, fields);
            ChurnFieldSource churnFields = ChurnFieldSource.current(new ModelRegistry(registryDir), CHURN_SLOT);
            SegmentReport report =
                    new SegmentBatch(warehouse, progress).run(asOf, set, fields, churnFields::fieldsFor, 90);
            return new Outcome<>(
                    report,
                    String.format(
                            Locale.ROOT,
                            "%d segments and the RFM map over %,d customers",
                            set.segments().size(),
                            report.customers()));
        }

        private <T> T step(String name, String key, Class<T> type, StepBody<T> body, Check outputPresent) {
            Path saved = workDir.resolve("steps").resolve(name + ".json");
            long started = System.nanoTime();
            try {
                if (state.unchanged(name, key) && Files.exists(saved) && outputPresent.holds()) {
                    T value = JSON.readValue(saved.toFile(), type);
                    steps.add(new StepResult(
                            name, "skipped", seconds(started), "inputs unchanged since the last successful run"));
                    log.accept(name + ": skipped (inputs unchanged)");
                    return value;
                }
                log.accept(name + ": running");
                Outcome<T> out = body.run();
                JSON.writeValue(saved.toFile(), out.value());
                state.done(name, key);
                steps.add(new StepResult(name, "ran", seconds(started), out.detail()));
                log.accept(name + ": " + out.detail());
                return out.value();
            } catch (IOException e) {
                steps.add(new StepResult(name, "failed", seconds(started), e.getMessage()));
                throw new UncheckedIOException(name + " failed: " + e.getMessage(), e);
            } catch (RuntimeException e) {
                steps.add(new StepResult(name, "failed", seconds(started), String.valueOf(e.getMessage())));
                throw e;
            }
        }

        private PipelineResult finish(String outcome, int exitCode) {
            PipelineResult result = new PipelineResult(
                    asOf,
                    warehouseDir.toAbsolutePath().toString(),
                    registryDir.toAbsolutePath().toString(),
                    started,
                    seconds(startNanos),
                    steps,
                    quality,
                    profiles,
                    segments,
                    recommenders,
                    churn,
                    gates,
                    outcome,
                    exitCode);
            log.accept("outcome: " + outcome + " (exit " + exitCode + ")");
            return result;
        }
    }

    /** What a step produced, and a line about it. */
    record Outcome<T>(T value, String detail) {}

    /** A step's work. */
    @FunctionalInterface
    interface StepBody<T> {
        Outcome<T> run() throws IOException;
    }

    /** Whether a step's output still exists (a skipped step must not point at nothing). */
    @FunctionalInterface
    interface Check {
        boolean holds() throws IOException;
    }

    /** The current version of {@code name}, or empty when the registry has no such model yet. */
    static java.util.Optional<dev.affinity.models.registry.ModelVersion> currentOf(
            ModelRegistry registry, String name) {
        return registry.names().contains(name) ? registry.current(name) : java.util.Optional.empty();
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static String hash(String file) {
        if (file == null) {
            return "bundled";
        }
        try {
            return Integer.toHexString(Files.readString(Path.of(file)).hashCode());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** The day after the last order: the natural cutoff of a nightly run over a warehouse. */
    static LocalDate dayAfterLastOrder(Warehouse warehouse) {
        try (WarehouseSql sql = WarehouseSql.open(warehouse);
                Statement s = sql.connection().createStatement();
                ResultSet rs = s.executeQuery("SELECT max(ordered_at) FROM orders")) {
            rs.next();
            Object last = CustomerProfiles.javaValue(rs.getObject(1));
            if (!(last instanceof LocalDateTime t)) {
                throw new IllegalArgumentException(
                        "the warehouse at " + warehouse.root() + " has no orders: import data first");
            }
            return t.toLocalDate().plusDays(1);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot find the last order: " + e.getMessage(), e);
        }
    }
}
