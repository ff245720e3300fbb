package dev.affinity.serving.models;

import dev.affinity.features.segments.ProfileFields;
import dev.affinity.features.warehouse.Warehouse;
import dev.affinity.models.artifact.ModelArtifact;
import dev.affinity.models.churn.ChurnArtifacts;
import dev.affinity.models.churn.ChurnScorer;
import dev.affinity.models.recommend.Recommender;
import dev.affinity.models.recommend.RecommenderModel;
import dev.affinity.models.recommend.UserListOptions;
import dev.affinity.models.registry.ModelRegistry;
import dev.affinity.models.registry.ModelVersion;
import dev.affinity.serving.config.ConfigException;
import dev.affinity.serving.config.ServingConfig;
import dev.affinity.serving.content.ContentRules;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place serving reads models from. Holds the current {@link ServingModels} in an atomic
 * reference; {@link #reload} builds a complete new set beside it (reading the registry and the
 * warehouse) and swaps it in with one write, so a request sees the old set or the new one, never a
 * mix. A version that fails to load is logged, counted, remembered (never retried: versions do not
 * change) and skipped, and what was serving keeps serving. A watcher thread calls {@link #reload}
 * every {@link ServingConfig#reloadIntervalSeconds}.
 */
public final class ModelManager implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ModelManager.class);

    /** Hears of loads, for metrics. */
    public interface Listener {
        /** A model version or the warehouse facts could not be loaded. */
        void loadFailed(String model, String version, Exception e);

        /** A new set was swapped in. */
        void swapped(ServingModels models);
    }

    private final ServingConfig config;
    private final ModelRegistry registry;
    private final WarehouseFacts warehouse;
    private final Listener listener;
    private final AtomicReference<ServingModels> current;
    private final Set<String> failed = new HashSet<>();
    private final Object reloadLock = new Object();
    private volatile boolean attempted;
    private volatile String warehouseKey;
    private volatile String lastProblem = "models not loaded yet";
    private ScheduledExecutorService watcher;
    private ListFiller filler;
    private boolean closed;

    /**
     * A manager over {@code registry} and (when not {@code null}) {@code warehouse}; only the
     * segment, token and block files are compiled here, models wait for {@link #reload}.
     *
     * @throws dev.affinity.serving.config.ConfigException for a segment rule, token or block that
     *     does not compile, naming the file, the rule, the position and the field
     */
    public ModelManager(ServingConfig config, ModelRegistry registry, Warehouse warehouse, Listener listener) {
        this.config = Objects.requireNonNull(config, "config");
        this.current = new AtomicReference<>(ServingModels.none(ContentRules.load(config)));
        this.registry = Objects.requireNonNull(registry, "registry");
        this.warehouse = warehouse == null ? null : new WarehouseFacts(warehouse);
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /** The set requests read now; never {@code null}. */
    public ServingModels current() {
        return current.get();
    }

    /** Whether a recommender is loaded (what {@code /readyz} reports). */
    public boolean ready() {
        return current.get().recommender() != null;
    }

    /** Why the server is not ready, or the last load problem. */
    public String lastProblem() {
        return lastProblem;
    }

    /** Whether a first reload has run, successful or not. */
    public boolean attempted() {
        return attempted;
    }

    /**
     * Brings the loaded set up to date with the registry's current versions and the warehouse, and
     * swaps it in when anything changed. Safe to call from several threads; calls run one at a time.
     *
     * @return what changed
     */
    public ReloadReport reload() {
        synchronized (reloadLock) {
            try {
                return reloadLocked();
            } finally {
                attempted = true;
            }
        }
    }

    private ReloadReport reloadLocked() {
        ServingModels old = current.get();
        List<String> changes = new ArrayList<>();
        List<String> problems = new ArrayList<>();

        // 1. Warehouse facts: reloaded when the data or the churn model's fields change.
        Optional<ModelVersion> churnVersion = currentVersion(config.churnModel());
        ChurnScorer churnModel = null;
        String churnVersionName = null;
        if (churnVersion.isPresent()
                && (old.churn() == null
                        || !old.churn().version().equals(churnVersion.get().version()))) {
            ModelVersion v = churnVersion.get();
            String key = v.name() + "@" + v.version();
            if (!failed.contains(key)) {
                try {
                    churnModel = ChurnArtifacts.read(registry.open(v.name(), v.version()));
                    churnVersionName = v.version();
                } catch (RuntimeException e) {
                    fail(v.name(), v.version(), e, problems);
                }
            }
        }
        List<String> fields = (churnModel != null
                        ? churnModel.features()
                        : old.churn() != null ? old.churn().scorer().features() : List.<String>of())
                .stream()
                        .filter(f -> ProfileFields.customerProfiles().indexOf(f) < 0)
                        .toList();

        // 0. Segment rules, tokens and blocks: recompiled when a file changed; a bad file keeps the old.
        ContentRules content = old.content();
        if (!ContentRules.fingerprint(config).equals(content.fingerprint())) {
            try {
                content = ContentRules.load(config);
                changes.add("segments, tokens and blocks recompiled");
            } catch (ConfigException e) {
                problems.add("cannot load the content files: " + e.getMessage());
                LOG.error("cannot load the content files: {}; keeping what is serving", e.getMessage());
                listener.loadFailed("content", "-", e);
            }
        }

        ProductFacts products = old.products();
        CustomerFacts customers = old.customers();
        Recommender warehousePopular = old.warehousePopular();
        boolean catalogChanged = false;
        if (warehouse != null) {
            try {
                String key = warehouse.stateKey();
                boolean fieldsChanged = !customers.extraNumericNames().equals(fields);
                if (!key.equals(warehouseKey) || fieldsChanged) {
                    ProductFacts newProducts = key.equals(warehouseKey) ? products : warehouse.products();
                    customers = warehouse.customers(fields);
                    catalogChanged = newProducts != products;
                    products = newProducts;
                    warehousePopular = LoadedRecommender.popularOnly(warehouse.popularity(), products);
                    warehouseKey = key;
                    changes.add("warehouse facts: " + products.size() + " products, " + customers.size()
                            + " customers, profiles as of " + customers.profilesAsOf());
                }
            } catch (RuntimeException e) {
                fail("warehouse", "-", e, problems);
            }
        }

        // 2. Recommender: the first configured name with a current version that has not failed.
        LoadedRecommender recommender = old.recommender();
        UserListOptions listOptions = LoadedRecommender.listOptions(config.userLists());
        Candidate wanted = wantedRecommender(recommender);
        if (wanted != null
                && (recommender == null
                        || !recommender.name().equals(wanted.name)
                        || !recommender.version().equals(wanted.version))) {
            try {
                ModelArtifact artifact = registry.open(wanted.name, wanted.version);
                RecommenderModel model = RecommenderModel.readFrom(artifact);
                ProductFacts catalog =
                        warehouse == null ? ProductFacts.idsOnly(model.items().ids()) : products;
                if (warehouse == null) {
                    products = catalog;
                }
                recommender = LoadedRecommender.bind(wanted.name, wanted.version, model, catalog, listOptions);
                changes.add("recommender " + recommender.label());
            } catch (RuntimeException e) {
                fail(wanted.name, wanted.version, e, problems);
            }
        } else if (recommender != null && catalogChanged) {
            recommender = LoadedRecommender.bind(
                    recommender.name(), recommender.version(), recommender.model(), products, listOptions);
            changes.add("recommender " + recommender.label() + " bound to the new catalog");
        }

        LoadedChurn churn = old.churn();
        if (churnModel != null) {
            churn = new LoadedChurn(config.churnModel(), churnVersionName, churnModel);
            changes.add("churn " + churn.label());
        }
        ChurnScorer scorer = churn == null ? null : churn.scorer();
        if (customers.churn() != scorer && customers != CustomerFacts.EMPTY) {
            customers = customers.withChurn(scorer);
        }

        if (recommender == null) {
            lastProblem = problems.isEmpty()
                    ? "no recommender with a current version in " + registry.root() + " (tried "
                            + config.recommenderModels() + ")"
                    : String.join("; ", problems);
        } else {
            lastProblem = problems.isEmpty() ? null : String.join("; ", problems);
        }
        if (changes.isEmpty()) {
            return new ReloadReport(false, old.generation(), List.of(), problems);
        }
        ServingModels next = new ServingModels(
                recommender,
                churn,
                products,
                customers,
                warehousePopular,
                content,
                Instant.now(),
                old.generation() + 1);
        current.set(next);
        if (next.recommender() != old.recommender()) {
            startFilling(next.recommender());
        }
        LOG.info("models swapped in (generation {}): {}", next.generation(), changes);
        listener.swapped(next);
        return new ReloadReport(true, next.generation(), changes, problems);
    }

    private record Candidate(String name, String version) {}

    private Candidate wantedRecommender(LoadedRecommender loaded) {
        for (String name : config.recommenderModels()) {
            Optional<ModelVersion> v = currentVersion(name);
            if (v.isEmpty()) {
                continue;
            }
            if (!failed.contains(name + "@" + v.get().version())) {
                return new Candidate(name, v.get().version());
            }
            if (loaded != null && loaded.name().equals(name)) {
                return new Candidate(loaded.name(), loaded.version()); // keep serving the older version
            }
        }
        return loaded == null ? null : new Candidate(loaded.name(), loaded.version());
    }

    private Optional<ModelVersion> currentVersion(String name) {
        try {
            if (!registry.names().contains(name)) {
                return Optional.empty();
            }
            return registry.current(name);
        } catch (RuntimeException e) {
            LOG.warn("cannot read the current version of {}: {}", name, e.getMessage());
            return Optional.empty();
        }
    }

    private void fail(String model, String version, RuntimeException e, List<String> problems) {
        String key = model + "@" + version;
        if (!"warehouse".equals(model)) {
            failed.add(key);
        }
        String problem = "cannot load " + key + ": " + e.getMessage();
        problems.add(problem);
        LOG.error("{}; keeping what is serving", problem);
        listener.loadFailed(model, version, e);
    }

    /**
     * Stops the filler of the lists of the recommender that was serving and starts one for {@code
     * recommender}'s, when it keeps a list for every user. Called after the swap: readiness never
     * waits for lists.
     */
    private synchronized void startFilling(LoadedRecommender recommender) {
        if (filler != null) {
            filler.stop();
            filler = null;
        }
        if (recommender != null && !closed) {
            recommender
                    .recommender()
                    .userLists()
                    .ifPresent(fill -> filler = ListFiller.start(
                            recommender.label(), fill, config.userLists().fillThreads()));
        }
    }

    /** The filler of the serving recommender's lists, or {@code null} when it keeps none for every user. */
    public synchronized ListFiller filler() {
        return filler;
    }

    /** Starts the watcher (when the interval is positive); it calls {@link #reload} periodically. */
    public synchronized void startWatching() {
        if (config.reloadIntervalSeconds() == 0 || watcher != null) {
            return;
        }
        watcher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "affinity-model-watcher");
            t.setDaemon(true);
            return t;
        });
        long every = config.reloadIntervalSeconds();
        watcher.scheduleWithFixedDelay(
                () -> {
                    try {
                        reload();
                    } catch (RuntimeException e) {
                        LOG.error("model watcher: reload failed: {}", e.toString());
                    }
                },
                every,
                every,
                TimeUnit.SECONDS);
    }

    /** Stops the watcher and the list filler. */
    @Override
    public synchronized void close() {
        closed = true;
        if (filler != null) {
            filler.stop();
            filler = null;
        }
        if (watcher != null) {
            watcher.shutdownNow();
            watcher = null;
        }
    }
}
