package dev.affinity.training.cli;

import dev.affinity.features.segments.ProfileFields;
import dev.affinity.features.segments.SegmentBatch;
import dev.affinity.features.segments.SegmentConfig;
import dev.affinity.features.segments.SegmentReport;
import dev.affinity.features.segments.SegmentSet;
import dev.affinity.features.warehouse.Warehouse;
import dev.affinity.training.churn.ChurnFieldSource;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code affinity segments}: evaluate every segment over a profile snapshot. */
@Command(
        name = "segments",
        description = "Evaluate the segment rules and the RFM map over the customer profiles as of a date: members"
                + " are written to the warehouse; counts, overlaps, revenue, order value and churn per segment are"
                + " reported.",
        mixinStandardHelpOptions = true)
final class SegmentsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    WarehouseOptions options;

    @Option(
            names = "--as-of",
            required = true,
            paramLabel = "DATE",
            description = "The profile snapshot (run 'features --as-of DATE' first).")
    LocalDate asOf;

    @Option(
            names = "--config",
            paramLabel = "FILE",
            description = "Segment configuration (YAML or JSON; default: the bundled examples).")
    Path config;

    @Option(
            names = "--registry",
            paramLabel = "DIR",
            description = "Model registry whose current churn model fills churn_score and churn_tier (default:"
                    + " $AFFINITY_HOME/models; skipped when there is none).")
    Path registry;

    @Option(
            names = "--horizon-days",
            defaultValue = "90",
            paramLabel = "D",
            description = "Horizon of the observed churn rate (default: ${DEFAULT-VALUE}).")
    int horizonDays;

    @Override
    public Integer call() throws IOException {
        CommandRun run = new CommandRun();
        ProfileFields fields = ProfileFields.customerProfiles();
        SegmentSet set =
                SegmentSet.compile(config != null ? SegmentConfig.read(config) : SegmentConfig.defaults(), fields);
        Warehouse warehouse = options.openExisting();
        ChurnFieldSource churn = ChurnFieldSource.fromRegistry(
                registry != null ? registry : AffinityHome.from(System.getenv()).registry());
        Function<Map<String, Object>, Map<String, Object>> extra = churn::fieldsFor;
        SegmentReport report =
                new SegmentBatch(warehouse, new StderrProgress(System.err)).run(asOf, set, fields, extra, horizonDays);
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("report", report);
        figures.put("churnModel", churn.describe());
        StringBuilder summary = new StringBuilder(String.format(
                Locale.ROOT,
                "segments as of %s: %,d customers; members written to %s (churn fields: %s)%n",
                asOf,
                report.customers(),
                report.membersFile(),
                churn.describe()));
        summary.append(String.format(
                Locale.ROOT,
                "%-28s %-5s %9s %7s %14s %9s %7s%n",
                "segment",
                "kind",
                "members",
                "share",
                "revenue",
                "AOV",
                "churn"));
        for (SegmentReport.Figures f : report.segments()) {
            summary.append(String.format(
                    Locale.ROOT,
                    "%-28s %-5s %,9d %6.1f%% %,14.2f %9s %7s%n",
                    f.name(),
                    f.family(),
                    f.members(),
                    100 * f.share(),
                    f.revenue(),
                    f.averageOrderValue() == null ? "-" : String.format(Locale.ROOT, "%.2f", f.averageOrderValue()),
                    f.churnRate() == null ? "-" : String.format(Locale.ROOT, "%.1f%%", 100 * f.churnRate())));
        }
        for (String w : report.warnings()) {
            summary.append("warning: ").append(w).append('\n');
        }
        run.finish(
                spec.commandLine().getOut(),
                options.json,
                "segments",
                summary.toString().stripTrailing(),
                figures);
        return 0;
    }
}
