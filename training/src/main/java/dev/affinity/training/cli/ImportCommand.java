package dev.affinity.training.cli;

import dev.affinity.features.ingest.CsvImporter;
import dev.affinity.features.ingest.ImportResult;
import dev.affinity.features.ingest.InputException;
import dev.affinity.features.ingest.InteractionColumns;
import dev.affinity.features.ingest.InteractionsImporter;
import dev.affinity.features.ingest.OnlineRetailImporter;
import dev.affinity.features.warehouse.Tables;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code affinity import ...}: load source files into the warehouse. */
@Command(
        name = "import",
        description = "Load data into the warehouse (validated; bad rows go to quarantine).",
        mixinStandardHelpOptions = true,
        subcommands = {ImportCommand.OnlineRetail.class, ImportCommand.Csv.class, ImportCommand.Interactions.class})
final class ImportCommand {

    static int report(CommandSpec spec, CommandRun run, boolean json, ImportResult r) {
        String summary = r.unchanged()
                ? String.format(
                        Locale.ROOT,
                        "%s: %s was loaded before; nothing changed (watermark %s)",
                        r.source(),
                        r.file(),
                        r.watermark())
                : String.format(
                        Locale.ROOT,
                        "%s: read %,d rows from %s: %,d loaded, %,d to returns, %,d quarantined, %,d already loaded;"
                                + " added %s",
                        r.source(),
                        r.rowsRead(),
                        r.file(),
                        r.rowsLoaded(),
                        r.rowsToReturns(),
                        r.rowsQuarantined(),
                        r.rowsBeforeWatermark(),
                        r.rowsAdded());
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("result", r);
        figures.put("conserved", r.conserved());
        run.finish(spec.commandLine().getOut(), json, "import " + r.source(), summary, figures);
        return 0;
    }

    /** {@code affinity import online-retail}. */
    @Command(
            name = "online-retail",
            description = "Import the UCI Online Retail CSV (plain or .gz). Cancellations become returns, guest"
                    + " purchases stay as anonymous orders, fees and postage are marked non-merchandise.",
            mixinStandardHelpOptions = true)
    static final class OnlineRetail implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        WarehouseOptions options;

        @Option(names = "--input", required = true, paramLabel = "FILE", description = "online-retail.csv[.gz]")
        Path input;

        @Override
        public Integer call() throws InputException {
            CommandRun run = new CommandRun();
            var importer = new OnlineRetailImporter(options.open(), new StderrProgress(System.err));
            return report(spec, run, options.json, importer.importFile(input));
        }
    }

    /** {@code affinity import csv}. */
    @Command(
            name = "csv",
            description = "Import any CSV into a table with a column mapping (renames, date formats, constants).",
            mixinStandardHelpOptions = true)
    static final class Csv implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        WarehouseOptions options;

        @Option(
                names = "--table",
                required = true,
                paramLabel = "T",
                description =
                        "Target table: customers," + " products, orders, returns, events, email_events or enrichment.")
        String table;

        @Option(names = "--input", required = true, paramLabel = "FILE", description = "CSV file (plain or .gz).")
        Path input;

        @Option(names = "--mapping", required = true, paramLabel = "MAPPING.json", description = "Column mapping.")
        Path mapping;

        @Option(
                names = "--source",
                paramLabel = "NAME",
                description =
                        "Source name for the watermark (default:" + " csv-<table>). Files of one feed share a source.")
        String source;

        @Override
        public Integer call() throws InputException {
            CommandRun run = new CommandRun();
            var importer = new CsvImporter(options.open(), new StderrProgress(System.err));
            String name = source != null ? source : "csv-" + table;
            return report(spec, run, options.json, importer.importFile(Tables.byName(table), input, mapping, name));
        }
    }

    /** {@code affinity import interactions}. */
    @Command(
            name = "interactions",
            description = "Import a user-item interaction file (a 'user item weight [time]' log, MovieLens u.data)"
                    + " as a named dataset, for evaluate recs --interactions.",
            mixinStandardHelpOptions = true)
    static final class Interactions implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        WarehouseOptions options;

        @Option(names = "--input", required = true, paramLabel = "FILE", description = "The file (plain or .gz).")
        Path input;

        @Option(
                names = "--dataset",
                paramLabel = "NAME",
                description = "Dataset name (default: the file name without extensions).")
        String dataset;

        @Option(
                names = "--user-col",
                required = true,
                paramLabel = "C",
                description = "User id column: a header name or a 1-based number.")
        String userCol;

        @Option(
                names = "--item-col",
                required = true,
                paramLabel = "C",
                description = "Item id column: a header name or a 1-based number.")
        String itemCol;

        @Option(
                names = "--weight-col",
                paramLabel = "C",
                description = "Weight column (a rating, a count); without it every row weighs 1.")
        String weightCol;

        @Option(
                names = "--time-col",
                paramLabel = "C",
                description = "Time column: ISO date or timestamp, or epoch seconds (milliseconds from 10^11).")
        String timeCol;

        @Option(
                names = "--sep",
                defaultValue = ",",
                paramLabel = "S",
                description = "Field separator: a character, or \\t, tab, comma, semicolon, pipe, space (default:"
                        + " ${DEFAULT-VALUE}).")
        String sep;

        @Option(
                names = "--no-header",
                description = "The file has no header line: columns are given by number (as MovieLens u.data).")
        boolean noHeader;

        @Override
        public Integer call() throws InputException {
            CommandRun run = new CommandRun();
            InteractionColumns columns = new InteractionColumns(
                    userCol, itemCol, weightCol, timeCol, InteractionColumns.separator(sep), !noHeader);
            String name = dataset != null ? dataset : defaultDataset(input);
            var importer = new InteractionsImporter(options.open(), new StderrProgress(System.err));
            return report(spec, run, options.json, importer.importFile(input, name, columns));
        }

        private static String defaultDataset(Path file) {
            String base = file.getFileName().toString();
            int dot = base.indexOf('.');
            return (dot > 0 ? base.substring(0, dot) : base).replaceAll("[^A-Za-z0-9_.-]", "_");
        }
    }
}
