package dev.affinity.models.registry;

import dev.affinity.models.artifact.ArtifactException;
import dev.affinity.models.artifact.ArtifactManifest;
import dev.affinity.models.artifact.ModelArtifact;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Model artifacts on the local file system, versioned per model name:
 *
 * <pre>
 * registry/
 *   .staging/                 artifacts being written, and versions being deleted
 *   recommender/
 *     v000001/ v000002/ ...   artifact directories (manifest.json + payloads)
 *     current                 the current version's name
 *     history.json            promotions and rollbacks, oldest first
 *     last-version            the last version number handed out
 *     .lock                   the publishers' file lock
 * </pre>
 *
 * <p>Writes (publish, promote, rollback, gc) hold the model name's lock (see {@link RegistryLock}),
 * so publishers in several threads or processes are safe. Reads take no lock: a version directory
 * appears by an atomic rename and the {@code current} file is replaced atomically, so a reader sees a
 * complete version or none. Version numbers are never reused, even after a gc.
 *
 * <p>Unknown names and versions are refused with {@link IllegalArgumentException} listing what
 * exists; damaged artifacts with {@link ArtifactException} naming the file, leaving {@code current}
 * untouched.
 */
public final class ModelRegistry {
    /** How long a writer waits for another writer of the same model name by default. */
    public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofSeconds(30);

    private static final Logger LOG = LoggerFactory.getLogger(ModelRegistry.class);
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_-]*");
    private static final String STAGING = ".staging";

    private final Path root;
    private final Duration lockTimeout;
    private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();

    /** The registry in {@code root}, created on the first publish, with the default lock timeout. */
    public ModelRegistry(Path root) {
        this(root, DEFAULT_LOCK_TIMEOUT);
    }

    /** The registry in {@code root}; writers wait up to {@code lockTimeout} for each other. */
    public ModelRegistry(Path root, Duration lockTimeout) {
        this.root = Objects.requireNonNull(root, "root");
        this.lockTimeout = Objects.requireNonNull(lockTimeout, "lockTimeout");
        if (lockTimeout.isNegative()) {
            throw new IllegalArgumentException("lock timeout must not be negative: " + lockTimeout);
        }
    }

    /** The registry's folder. */
    public Path root() {
        return root;
    }

    /**
     * Publishes a new version of model {@code name}. The {@code writer} gets an empty staging
     * directory and writes a complete artifact into it (normally with {@code
     * ArtifactWriter.create(dir)} ... {@code finish(...)}). The registry then verifies the artifact
     * ({@link ModelArtifact#open}: format version and checksums) and that its manifest names {@code
     * name}, and, under the lock, renames it into place as the next version and optionally makes it
     * current. When anything fails, the staging directory is deleted, no version appears and {@code
     * current} does not move.
     *
     * @param writer writes the artifact into the directory it is given; its return value is not
     *     trusted, the manifest on disk is
     * @param promote whether the new version becomes current
     * @return the new version, as listed
     * @throws ArtifactException when the written artifact does not verify (naming the file)
     * @throws IllegalArgumentException when {@code name} is not a valid name or the manifest names
     *     another model
     */
    public ModelVersion publish(String name, Function<Path, ArtifactManifest> writer, boolean promote) {
        checkName(name);
        Objects.requireNonNull(writer, "writer");
        Path staging = createStaging(name);
        try {
            Objects.requireNonNull(writer.apply(staging), "the artifact writer returned no manifest");
            ArtifactManifest manifest = ModelArtifact.open(staging).manifest();
            if (!manifest.name().equals(name)) {
                throw new IllegalArgumentException(
                        staging.resolve(ModelArtifact.MANIFEST) + ": the manifest names model '" + manifest.name()
                                + "', but it is being published as '" + name + "'");
            }
            ModelFolder folder = new ModelFolder(root, name);
            createDirectories(folder.dir());
            try (RegistryLock lock = lock(folder)) {
                String version = folder.nextVersion();
                Files.move(staging, folder.versionDir(version), StandardCopyOption.ATOMIC_MOVE);
                LOG.info("published {} {} ({})", name, version, manifest.type());
                if (promote) {
                    moveCurrent(folder, version, Promotion.Action.PROMOTE);
                }
                return listed(folder, version, folder.current().orElse(null));
            }
        } catch (IOException e) {
            UncheckedIOException failure =
                    new UncheckedIOException("cannot publish " + name + ": " + e.getMessage(), e);
            RegistryFiles.deleteAfterFailure(staging, failure);
            throw failure;
        } catch (RuntimeException | Error e) {
            RegistryFiles.deleteAfterFailure(staging, e);
            throw e;
        }
    }

    /** The model names with at least one version, sorted; none when the registry does not exist. */
    public List<String> names() {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(root)) {
            return entries.filter(Files::isDirectory)
                    .map(p -> p.getFileName().toString())
                    .filter(n -> NAME.matcher(n).matches())
                    .filter(n -> !new ModelFolder(root, n).versions().isEmpty())
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root + ": " + e.getMessage(), e);
        }
    }

    /**
     * The versions of model {@code name}, oldest first, with their manifests (not verified). A
     * version whose manifest cannot be read is listed with its problem rather than hidden.
     *
     * @throws IllegalArgumentException when there is no such model
     */
    public List<ModelVersion> versions(String name) {
        ModelFolder folder = existing(name);
        String current = folder.current().orElse(null);
        return folder.versions().stream().map(v -> listed(folder, v, current)).toList();
    }

    /**
     * One version of model {@code name}, with its manifest (not verified).
     *
     * @throws IllegalArgumentException when there is no such model or version
     */
    public ModelVersion version(String name, String version) {
        ModelFolder folder = existing(name);
        checkVersion(folder, version);
        return listed(folder, version, folder.current().orElse(null));
    }

    /**
     * The current version of model {@code name}, or empty when none has been promoted.
     *
     * @throws IllegalArgumentException when there is no such model
     * @throws ArtifactException when {@code current} names a version that does not exist
     */
    public Optional<ModelVersion> current(String name) {
        ModelFolder folder = existing(name);
        Optional<String> current = folder.current();
        current.ifPresent(v -> {
            if (!Files.isDirectory(folder.versionDir(v))) {
                throw new ArtifactException(
                        folder.file(ModelFolder.CURRENT) + ": names " + v + ", which does not exist");
            }
        });
        return current.map(v -> listed(folder, v, v));
    }

    /**
     * The promotions and rollbacks of model {@code name}, oldest first.
     *
     * @throws IllegalArgumentException when there is no such model
     */
    public List<Promotion> history(String name) {
        return PromotionHistory.read(existing(name).file(ModelFolder.HISTORY));
    }

    /**
     * Makes {@code version} the current version of model {@code name}, after verifying it. Promoting
     * the current version changes nothing.
     *
     * @throws IllegalArgumentException when there is no such model or version
     * @throws ArtifactException when the version is damaged; {@code current} does not move
     */
    public CurrentChange promote(String name, String version) {
        ModelFolder folder = existing(name);
        checkVersion(folder, version);
        try (RegistryLock lock = lock(folder)) {
            checkVersion(folder, version);
            ModelArtifact.open(folder.versionDir(version));
            return moveCurrent(folder, version, Promotion.Action.PROMOTE);
        }
    }

    /**
     * Moves {@code current} of model {@code name} back to the version that was current before it,
     * skipping versions deleted since. Repeated rollbacks go further back.
     *
     * @throws IllegalArgumentException when there is no such model
     * @throws IllegalStateException when there is no current version or no earlier one to go back to
     * @throws ArtifactException when the earlier version is damaged; {@code current} does not move
     */
    public CurrentChange rollback(String name) {
        ModelFolder folder = existing(name);
        try (RegistryLock lock = lock(folder)) {
            String current = folder.current()
                    .orElseThrow(() -> new IllegalStateException(
                            "model '" + name + "' has no current version, so there is nothing to roll back"));
            Deque<String> stack = PromotionHistory.stack(PromotionHistory.read(folder.file(ModelFolder.HISTORY)));
            if (stack.isEmpty() || !stack.peek().equals(current)) {
                stack.push(current); // the pointer is the truth if an earlier write was interrupted
            }
            stack.pop();
            Set<String> present = Set.copyOf(folder.versions());
            String target = stack.stream()
                    .filter(v -> !v.equals(current) && present.contains(v))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException(
                            "model '" + name + "': no previous version to roll back to" + " from " + current
                                    + " (it is the first one promoted, or the earlier ones were deleted)"));
            ModelArtifact.open(folder.versionDir(target));
            return moveCurrent(folder, target, Promotion.Action.ROLLBACK);
        }
    }

    /**
     * Deletes the older versions of model {@code name}, keeping the newest {@code keepLast} and the
     * current one. A version rollback would return to may be deleted; rollback then skips it.
     *
     * @throws IllegalArgumentException when there is no such model or {@code keepLast < 1}
     */
    public GcResult gc(String name, int keepLast) {
        if (keepLast < 1) {
            throw new IllegalArgumentException("keep at least 1 version, not " + keepLast);
        }
        ModelFolder folder = existing(name);
        try (RegistryLock lock = lock(folder)) {
            List<String> versions = folder.versions();
            String current = folder.current().orElse(null);
            Set<String> keep =
                    new LinkedHashSet<>(versions.subList(Math.max(0, versions.size() - keepLast), versions.size()));
            if (current != null) {
                keep.add(current);
            }
            List<String> kept = new ArrayList<>();
            List<String> deleted = new ArrayList<>();
            for (String v : versions) {
                if (keep.contains(v)) {
                    kept.add(v);
                } else {
                    delete(folder, v);
                    deleted.add(v);
                }
            }
            LOG.info("gc {}: deleted {}, kept {}", name, deleted, kept);
            return new GcResult(name, kept, deleted, current);
        }
    }

    /**
     * Opens and verifies one version (format version and checksums).
     *
     * @throws IllegalArgumentException when there is no such model or version
     * @throws ArtifactException when the artifact is damaged, naming the file
     */
    public ModelArtifact open(String name, String version) {
        ModelFolder folder = existing(name);
        checkVersion(folder, version);
        return ModelArtifact.open(folder.versionDir(version));
    }

    /**
     * Opens and verifies the current version.
     *
     * @throws IllegalArgumentException when there is no such model
     * @throws IllegalStateException when no version is current
     * @throws ArtifactException when the artifact is damaged, naming the file
     */
    public ModelArtifact openCurrent(String name) {
        ModelVersion current = current(name)
                .orElseThrow(() -> new IllegalStateException("model '" + name + "' has no current version (versions: "
                        + new ModelFolder(root, name).versions() + "); promote one first"));
        return ModelArtifact.open(current.dir());
    }

    private CurrentChange moveCurrent(ModelFolder folder, String version, Promotion.Action action) {
        String from = folder.current().orElse(null);
        if (version.equals(from)) {
            return new CurrentChange(folder.name(), from, version);
        }
        // History first: if the pointer write is interrupted, rollback trusts the pointer.
        PromotionHistory.append(folder.file(ModelFolder.HISTORY), new Promotion(action, version, Instant.now()));
        folder.setCurrent(version);
        LOG.info("{} current: {} -> {} ({})", folder.name(), from, version, action);
        return new CurrentChange(folder.name(), from, version);
    }

    private ModelVersion listed(ModelFolder folder, String version, String current) {
        Path dir = folder.versionDir(version);
        boolean isCurrent = version.equals(current);
        try {
            return new ModelVersion(folder.name(), version, dir, ModelArtifact.readManifest(dir), isCurrent, null);
        } catch (ArtifactException e) {
            return new ModelVersion(folder.name(), version, dir, null, isCurrent, e.getMessage());
        }
    }

    private void delete(ModelFolder folder, String version) {
        // Renamed out of the model's folder first, so that no half-deleted version is ever listed.
        Path doomed = createStaging(folder.name() + "-" + version + "-gc");
        try {
            Files.move(folder.versionDir(version), doomed.resolve(version), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            RegistryFiles.deleteTree(doomed);
            throw new UncheckedIOException("cannot delete " + folder.versionDir(version) + ": " + e.getMessage(), e);
        }
        RegistryFiles.deleteTree(doomed);
    }

    private RegistryLock lock(ModelFolder folder) {
        ReentrantLock inProcess = locks.computeIfAbsent(folder.name(), n -> new ReentrantLock());
        return RegistryLock.acquire(folder.file(ModelFolder.LOCK), inProcess, lockTimeout);
    }

    private Path createStaging(String prefix) {
        Path staging = root.resolve(STAGING);
        createDirectories(staging);
        try {
            return Files.createTempDirectory(staging, prefix + "-");
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot create a staging directory in " + staging + ": " + e.getMessage(), e);
        }
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir + ": " + e.getMessage(), e);
        }
    }

    private ModelFolder existing(String name) {
        checkName(name);
        ModelFolder folder = new ModelFolder(root, name);
        if (folder.versions().isEmpty()) {
            throw new IllegalArgumentException(
                    "no model '" + name + "' in the registry " + root + " (models: " + names() + ")");
        }
        return folder;
    }

    private static void checkVersion(ModelFolder folder, String version) {
        if (!Versions.isVersion(version) || !Files.isDirectory(folder.versionDir(version))) {
            throw new IllegalArgumentException("model '" + folder.name() + "' has no version '" + version
                    + "' (versions: " + folder.versions() + ")");
        }
    }

    private static void checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("bad model name '" + name
                    + "': use lower-case letters, digits, '-' or '_', starting with a letter");
        }
    }
}
