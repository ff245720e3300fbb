package dev.affinity.training.cli;

import dev.affinity.models.artifact.ArtifactException;
import dev.affinity.models.artifact.ArtifactJson;
import dev.affinity.models.artifact.ArtifactManifest;
import dev.affinity.models.registry.CurrentChange;
import dev.affinity.models.registry.GcResult;
import dev.affinity.models.registry.ModelRegistry;
import dev.affinity.models.registry.ModelVersion;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code affinity models ...}: list, inspect, promote, roll back and clean up registry versions. */
@Command(
        name = "models",
        description = "The model registry: list versions, show one, promote, roll back, delete old versions.",
        mixinStandardHelpOptions = true,
        subcommands = {
            ModelsCommand.ListVersions.class,
            ModelsCommand.Show.class,
            ModelsCommand.Promote.class,
            ModelsCommand.Rollback.class,
            ModelsCommand.Gc.class
        })
final class ModelsCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(
                spec.commandLine(), "a subcommand is required: list, show, promote, rollback or gc (see --help)");
    }

    /** {@code affinity models list [NAME]}. */
    @Command(
            name = "list",
            description = "List the models, or the versions of one model with type, creation time and metrics.",
            mixinStandardHelpOptions = true)
    static final class ListVersions implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        RegistryOptions options;

        @Parameters(arity = "0..1", paramLabel = "NAME", description = "A model name (default: all models).")
        String name;

        @Override
        public Integer call() {
            CommandRun run = new CommandRun();
            ModelRegistry registry = options.openExisting();
            List<String> names = name != null ? List.of(name) : registry.names();
            StringBuilder summary = new StringBuilder(
                    name != null ? "" : "registry " + registry.root() + ": " + count(names.size(), "model"));
            List<Map<String, Object>> models = new ArrayList<>();
            for (String n : names) {
                List<ModelVersion> versions = registry.versions(n);
                String current = versions.stream()
                        .filter(ModelVersion::current)
                        .map(ModelVersion::version)
                        .findFirst()
                        .orElse(null);
                String indent = name != null ? "" : "\n  ";
                summary.append(indent)
                        .append(n)
                        .append(": ")
                        .append(count(versions.size(), "version"))
                        .append(", current ")
                        .append(orNone(current));
                if (name != null) {
                    versions.forEach(v -> summary.append("\n  ").append(line(v)));
                }
                Map<String, Object> model = new LinkedHashMap<>();
                model.put("name", n);
                model.put("current", current);
                model.put(
                        "versions",
                        versions.stream().map(ModelsCommand::figures).toList());
                models.add(model);
            }
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("registry", registry.root().toString());
            figures.put("models", models);
            run.finish(spec.commandLine().getOut(), options.json, "models list", summary.toString(), figures);
            return 0;
        }
    }

    /** {@code affinity models show NAME [VERSION]}. */
    @Command(
            name = "show",
            description = "Show one version's full manifest (default: the current version).",
            mixinStandardHelpOptions = true)
    static final class Show implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        RegistryOptions options;

        @Parameters(index = "0", paramLabel = "NAME", description = "The model name.")
        String name;

        @Parameters(
                index = "1",
                arity = "0..1",
                paramLabel = "VERSION",
                description = "e.g. v000003 (default: current).")
        String version;

        @Override
        public Integer call() {
            CommandRun run = new CommandRun();
            ModelRegistry registry = options.openExisting();
            ModelVersion v = version != null ? registry.version(name, version) : current(registry, name);
            if (!v.readable()) {
                throw new ArtifactException(v.problem());
            }
            ArtifactManifest m = v.manifest();
            String summary = line(v) + "\n  payloads " + m.payloads().keySet() + "\n  provenance " + m.provenance()
                    + "\n  " + v.dir();
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("name", v.name());
            figures.put("version", v.version());
            figures.put("current", v.current());
            figures.put("dir", v.dir().toString());
            figures.put("manifest", ArtifactJson.MAPPER.valueToTree(m));
            run.finish(spec.commandLine().getOut(), options.json, "models show", name + " " + summary, figures);
            return 0;
        }

        private static ModelVersion current(ModelRegistry registry, String name) {
            Optional<ModelVersion> current = registry.current(name);
            return current.orElseThrow(() -> new IllegalArgumentException("model '" + name
                    + "' has no current version; name one of "
                    + registry.versions(name).stream()
                            .map(ModelVersion::version)
                            .toList()));
        }
    }

    /** {@code affinity models promote NAME VERSION}. */
    @Command(
            name = "promote",
            description = "Make a version current, after verifying its checksums.",
            mixinStandardHelpOptions = true)
    static final class Promote implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        RegistryOptions options;

        @Parameters(index = "0", paramLabel = "NAME", description = "The model name.")
        String name;

        @Parameters(index = "1", paramLabel = "VERSION", description = "e.g. v000003.")
        String version;

        @Override
        public Integer call() {
            CommandRun run = new CommandRun();
            CurrentChange change = options.openExisting().promote(name, version);
            String summary = change.moved()
                    ? String.format(
                            Locale.ROOT, "%s: current is now %s (was %s)", name, change.to(), orNone(change.from()))
                    : String.format(Locale.ROOT, "%s: %s is already current", name, change.to());
            run.finish(spec.commandLine().getOut(), options.json, "models promote", summary, figures(change));
            return 0;
        }
    }

    /** {@code affinity models rollback NAME}. */
    @Command(
            name = "rollback",
            description = "Move current back to the version that was current before it.",
            mixinStandardHelpOptions = true)
    static final class Rollback implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        RegistryOptions options;

        @Parameters(index = "0", paramLabel = "NAME", description = "The model name.")
        String name;

        @Override
        public Integer call() {
            CommandRun run = new CommandRun();
            CurrentChange change = options.openExisting().rollback(name);
            String summary =
                    String.format(Locale.ROOT, "%s: rolled back from %s to %s", name, change.from(), change.to());
            run.finish(spec.commandLine().getOut(), options.json, "models rollback", summary, figures(change));
            return 0;
        }
    }

    /** {@code affinity models gc NAME --keep N}. */
    @Command(
            name = "gc",
            description = "Delete older versions, keeping the newest N and the current one.",
            mixinStandardHelpOptions = true)
    static final class Gc implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        RegistryOptions options;

        @Parameters(index = "0", paramLabel = "NAME", description = "The model name.")
        String name;

        @Option(
                names = "--keep",
                required = true,
                paramLabel = "N",
                description = "Newest versions to keep (at least 1).")
        int keep;

        @Override
        public Integer call() {
            if (keep < 1) {
                throw new ParameterException(spec.commandLine(), "--keep must be at least 1, got " + keep);
            }
            CommandRun run = new CommandRun();
            GcResult gc = options.openExisting().gc(name, keep);
            String summary = String.format(
                    Locale.ROOT,
                    "%s: deleted %s %s, kept %s %s; current %s",
                    name,
                    count(gc.deleted().size(), "version"),
                    gc.deleted(),
                    count(gc.kept().size(), "version"),
                    gc.kept(),
                    orNone(gc.current()));
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("name", gc.name());
            figures.put("deleted", gc.deleted());
            figures.put("kept", gc.kept());
            figures.put("current", gc.current());
            run.finish(spec.commandLine().getOut(), options.json, "models gc", summary, figures);
            return 0;
        }
    }

    /** One listing line: version, type, creation time, metrics, and whether it is current. */
    static String line(ModelVersion v) {
        String mark = v.current() ? " (current)" : "";
        if (!v.readable()) {
            return v.version() + mark + " UNREADABLE: " + v.problem();
        }
        ArtifactManifest m = v.manifest();
        return String.format(
                Locale.ROOT, "%s%s %s created %s metrics %s", v.version(), mark, m.type(), m.createdAt(), m.metrics());
    }

    /** A version's JSON figures. */
    static Map<String, Object> figures(ModelVersion v) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("version", v.version());
        f.put("current", v.current());
        f.put("dir", v.dir().toString());
        if (v.readable()) {
            f.put("type", v.manifest().type());
            f.put("createdAt", v.manifest().createdAt());
            f.put("metrics", v.manifest().metrics());
        } else {
            f.put("problem", v.problem());
        }
        return f;
    }

    private static Map<String, Object> figures(CurrentChange change) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("name", change.name());
        f.put("from", change.from());
        f.put("to", change.to());
        f.put("moved", change.moved());
        return f;
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static String orNone(String version) {
        return version != null ? version : "none";
    }
}
