package dev.affinity.training.cli;

import dev.affinity.features.profiles.CustomerProfiles;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code affinity features --as-of DATE}: point-in-time customer profiles. */
@Command(
        name = "features",
        description = "Compute customer_profiles as of a cutoff date, from data strictly before it.",
        mixinStandardHelpOptions = true)
final class FeaturesCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    WarehouseOptions options;

    @Option(
            names = "--as-of",
            required = true,
            paramLabel = "DATE",
            description = "Cutoff date (yyyy-MM-dd); profiles use data strictly before its midnight UTC.")
    LocalDate asOf;

    @Override
    public Integer call() {
        CommandRun run = new CommandRun();
        var profiles = new CustomerProfiles(options.openExisting(), new StderrProgress(System.err));
        CustomerProfiles.Snapshot snapshot = profiles.compute(asOf);
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("asOf", snapshot.asOf());
        figures.put("customers", snapshot.customers());
        figures.put("output", snapshot.file().toString());
        run.finish(
                spec.commandLine().getOut(),
                options.json,
                "features",
                String.format(
                        Locale.ROOT,
                        "customer_profiles as of %s: %,d customers written to %s",
                        asOf,
                        snapshot.customers(),
                        snapshot.file()),
                figures);
        return 0;
    }
}
