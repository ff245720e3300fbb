package dev.affinity.training.cli;

import dev.affinity.features.segments.ProfileFields;
import dev.affinity.features.segments.SegmentConfig;
import dev.affinity.features.segments.SegmentSet;
import dev.affinity.features.tokens.TokenConfig;
import dev.affinity.features.tokens.TokenSet;
import dev.affinity.features.warehouse.Warehouse;
import dev.affinity.models.registry.ModelRegistry;
import dev.affinity.training.churn.ChurnFieldSource;
import dev.affinity.training.export.CustomerExport;
import dev.affinity.training.export.ExportFormat;
import dev.affinity.training.export.ExportRecommender;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code affinity export}: one row per customer for an email service provider's nightly upload. */
@Command(
        name = "export",
        description = "Export, per customer of a profile snapshot, the top-N recommendations of the current"
                + " recommender, the churn score and tier of the current churn model, the segment labels and the"
                + " tokens, as CSV or JSON Lines, for an ESP's nightly upload. Streams; reports throughput.",
        mixinStandardHelpOptions = true)
final class ExportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    WarehouseOptions options;

    @Option(
            names = "--format",
            required = true,
            paramLabel = "csv|jsonl",
            description = "csv: one row per customer, lists joined with '|', one token_NAME column per token;"
                    + " jsonl: one JSON object per line.")
    String format;

    @Option(
            names = "--output",
            required = true,
            paramLabel = "FILE",
            description = "The file to write (replaced atomically).")
    Path output;

    @Option(
            names = "--k",
            defaultValue = "10",
            paramLabel = "N",
            description = "Recommendations per customer (default: ${DEFAULT-VALUE}).")
    int k;

    @Option(
            names = "--as-of",
            paramLabel = "DATE",
            description = "The profile snapshot (default: the latest in the warehouse).")
    LocalDate asOf;

    @Option(
            names = "--registry",
            paramLabel = "DIR",
            description = "Model registry (default: $AFFINITY_HOME/models, or ./var/models). Recommendations come from"
                    + " the first current of recommender-als, -als-early, -als-tuned, -ease, -item-knn, -popularity;"
                    + " churn from the current 'churn' model. Either is left blank when there is none.")
    Path registry;

    @Option(
            names = "--segments",
            paramLabel = "FILE",
            description = "Segment configuration (YAML or JSON; default: the bundled examples).")
    Path segments;

    @Option(
            names = "--tokens",
            paramLabel = "FILE",
            description = "Token configuration (YAML or JSON; default: the bundled tokens).")
    Path tokens;

    @Override
    public Integer call() throws IOException {
        CommandRun run = new CommandRun();
        ExportFormat exportFormat;
        try {
            exportFormat = ExportFormat.parse(format);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        if (k < 1 || k > 1000) {
            throw new ParameterException(spec.commandLine(), "--k must be 1..1000, got " + k);
        }
        ProfileFields fields = ProfileFields.customerProfiles();
        SegmentSet segmentSet =
                SegmentSet.compile(segments != null ? SegmentConfig.read(segments) : SegmentConfig.defaults(), fields);
        TokenSet tokenSet =
                TokenSet.compile(tokens != null ? TokenConfig.read(tokens) : TokenConfig.defaults(), fields);
        Warehouse warehouse = options.openExisting();
        CustomerExport export = new CustomerExport(
                warehouse, new StderrProgress(spec.commandLine().getErr()));
        LocalDate snapshot = export.snapshot(asOf);

        Path registryDir =
                registry != null ? registry : AffinityHome.from(System.getenv()).registry();
        Optional<ExportRecommender> recommender = Files.isDirectory(registryDir)
                ? ExportRecommender.current(
                        new ModelRegistry(registryDir), ExportRecommender.DEFAULT_NAMES, export.catalog())
                : Optional.empty();
        ChurnFieldSource churn = ChurnFieldSource.fromRegistry(registryDir);
        String recommenderLabel = recommender
                .map(ExportRecommender::label)
                .orElse("none (no current recommender in " + registryDir + "; recommendations left empty)");
        if (recommender.isEmpty()) {
            spec.commandLine().getErr().println("export: warning: " + recommenderLabel);
        }

        CustomerExport.Result result = export.run(
                snapshot,
                new CustomerExport.Sources(recommender.orElse(null), k, churn::fieldsFor, segmentSet, tokenSet),
                exportFormat,
                output);

        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("asOf", result.asOf());
        figures.put("file", result.file().toString());
        figures.put("format", result.format().name().toLowerCase(Locale.ROOT));
        figures.put("rows", result.rows());
        figures.put("personalizedRows", result.personalized());
        figures.put("seconds", Math.round(result.seconds() * 1000) / 1000.0);
        figures.put("rowsPerSecond", Math.round(result.rowsPerSecond()));
        figures.put("recommender", recommenderLabel);
        figures.put("churnModel", churn.describe());
        figures.put("k", k);
        run.finish(
                spec.commandLine().getOut(),
                options.json,
                "export",
                String.format(
                        Locale.ROOT,
                        "exported %,d customers (profiles as of %s; %,d with personalized recommendations) to %s in"
                                + " %.1f s: %,.0f rows/s%nrecommender: %s; churn: %s",
                        result.rows(),
                        result.asOf(),
                        result.personalized(),
                        result.file(),
                        result.seconds(),
                        result.rowsPerSecond(),
                        recommenderLabel,
                        churn.describe()),
                figures);
        return 0;
    }
}
