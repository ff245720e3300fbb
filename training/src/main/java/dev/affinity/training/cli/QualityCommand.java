package dev.affinity.training.cli;

import dev.affinity.features.quality.QualityReport;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code affinity quality}: rows per table and quarantined rows per table and reason. */
@Command(
        name = "quality",
        description = "Data-quality report: rows per table, quarantined rows per table and reason.",
        mixinStandardHelpOptions = true)
final class QualityCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    WarehouseOptions options;

    @Override
    public Integer call() {
        QualityReport report = QualityReport.of(options.openExisting());
        StringBuilder summary = new StringBuilder(String.format(
                Locale.ROOT,
                "warehouse %s: rows %s; %,d quarantined",
                options.warehouseDir(),
                report.rowsByTable(),
                report.quarantined()));
        report.quarantinedByTable()
                .forEach((table, reasons) -> summary.append(String.format(Locale.ROOT, "%n  %s: %s", table, reasons)));
        new CommandRun()
                .finish(
                        spec.commandLine().getOut(),
                        options.json,
                        "quality",
                        summary.toString(),
                        Map.of("report", report));
        return 0;
    }
}
