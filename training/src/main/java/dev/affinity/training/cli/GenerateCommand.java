package dev.affinity.training.cli;

import dev.affinity.features.generate.GenerationResult;
import dev.affinity.features.generate.GeneratorConfig;
import dev.affinity.features.generate.SyntheticWarehouse;
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

/** {@code affinity generate}: a synthetic warehouse with realistic structure, deterministic for a seed. */
@Command(
        name = "generate",
        description = "Write a synthetic warehouse (customers, catalog, sessions, orders, e-mail, enrichment) into"
                + " an empty warehouse. Same options, same bytes.",
        mixinStandardHelpOptions = true)
final class GenerateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    WarehouseOptions options;

    @Option(names = "--customers", required = true, paramLabel = "N", description = "Number of customers.")
    int customers;

    @Option(names = "--products", required = true, paramLabel = "M", description = "Number of products.")
    int products;

    @Option(
            names = "--days",
            defaultValue = "365",
            paramLabel = "D",
            description = "Days of activity, ending on" + " --end-date (default: ${DEFAULT-VALUE}).")
    int days;

    @Option(
            names = "--seed",
            defaultValue = "42",
            paramLabel = "S",
            description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(
            names = "--events-per-customer",
            paramLabel = "E",
            description = "Target mean web events per customer" + " (default: "
                    + GeneratorConfig.DEFAULT_EVENTS_PER_CUSTOMER + ").")
    Integer eventsPerCustomer;

    @Option(
            names = "--end-date",
            paramLabel = "DATE",
            description = "Last day of the window (default: "
                    + "2026-11-30, fixed so that output never depends on the clock).")
    LocalDate endDate;

    @Override
    public Integer call() {
        CommandRun run = new CommandRun();
        GeneratorConfig config = new GeneratorConfig(
                customers,
                products,
                days,
                seed,
                eventsPerCustomer != null ? eventsPerCustomer : GeneratorConfig.DEFAULT_EVENTS_PER_CUSTOMER,
                endDate != null ? endDate : GeneratorConfig.DEFAULT_END_DATE);
        GenerationResult result = SyntheticWarehouse.generate(options.open(), config, new StderrProgress(System.err));
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("config", config);
        figures.put("rowsPerTable", result.rowsPerTable());
        figures.put("totalRows", result.totalRows());
        figures.put("warehouse", options.warehouseDir().toAbsolutePath().toString());
        run.finish(
                spec.commandLine().getOut(),
                options.json,
                "generate",
                String.format(
                        Locale.ROOT,
                        "generated %,d rows into %s: %s",
                        result.totalRows(),
                        options.warehouseDir(),
                        result.rowsPerTable()),
                figures);
        return 0;
    }
}
