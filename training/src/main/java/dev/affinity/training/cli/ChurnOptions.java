package dev.affinity.training.cli;

import dev.affinity.features.ingest.InputException;
import dev.affinity.features.warehouse.Warehouse;
import dev.affinity.models.churn.RiskTiers;
import dev.affinity.training.churn.Calibrators;
import dev.affinity.training.churn.ChurnCandidates;
import dev.affinity.training.churn.ChurnExperiment;
import dev.affinity.training.churn.ChurnProtocol;
import dev.affinity.training.churn.ChurnTable;
import dev.affinity.training.churn.CsvChurnData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** Options of {@code evaluate churn} and {@code train churn}: which rows, which candidates, calibration and tiers. */
final class ChurnOptions {
    @Option(
            names = "--as-of",
            paramLabel = "DATE",
            description = "Test cutoff (yyyy-MM-dd); its label window must be complete in the warehouse.")
    LocalDate asOf;

    @Option(
            names = "--train-cutoffs",
            split = ",",
            paramLabel = "DATES",
            description = "Training cutoffs, stacked (default: 6 and 3 months before --as-of).")
    List<LocalDate> trainCutoffs;

    @Option(
            names = "--horizon-days",
            defaultValue = "90",
            paramLabel = "D",
            description = "Churned = no purchase in the D days after a cutoff (default: ${DEFAULT-VALUE}).")
    int horizonDays;

    @Option(
            names = "--validation-share",
            defaultValue = "0.2",
            paramLabel = "R",
            description = "Share of training customers held out to choose the model and fit the calibration"
                    + " (default: ${DEFAULT-VALUE}).")
    double validationShare;

    @Option(
            names = "--models",
            split = ",",
            paramLabel = "NAMES",
            description = "Candidates (default: logistic, xgboost, smile-gbt); the RFM baseline always runs.")
    List<String> models;

    @Option(
            names = "--calibration",
            defaultValue = "platt",
            paramLabel = "M",
            description = "none, platt or isotonic, fitted on validation rows only (default: ${DEFAULT-VALUE}).")
    String calibration;

    @Option(
            names = "--medium-from",
            defaultValue = "50",
            paramLabel = "S",
            description = "Lowest 0-100 score in the medium tier (default: ${DEFAULT-VALUE}).")
    int mediumFrom;

    @Option(
            names = "--high-above",
            defaultValue = "75",
            paramLabel = "S",
            description = "Scores above this are in the high tier (default: ${DEFAULT-VALUE}).")
    int highAbove;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "S", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(
            names = "--csv",
            paramLabel = "FILE",
            description = "Train on your own customer table instead of the warehouse: one row per customer, a"
                    + " header, a stratified 60/20/20 train/validation/test split.")
    Path csv;

    @Option(names = "--label", paramLabel = "COLUMN", description = "With --csv: the label column.")
    String label;

    @Option(names = "--positive", paramLabel = "VALUE", description = "With --csv: the label value that means churned.")
    String positive;

    @Option(names = "--id", paramLabel = "COLUMN", description = "With --csv: the customer id column.")
    String id;

    @Option(
            names = "--exclude",
            split = ",",
            paramLabel = "COLUMNS",
            description = "With --csv: columns that are not features.")
    List<String> exclude;

    /** Runs the experiment on the warehouse or the CSV. */
    ChurnExperiment run(CommandLine cli, WarehouseOptions warehouse, String command)
            throws IOException, InputException {
        RiskTiers tiers;
        try {
            tiers = new RiskTiers(mediumFrom, highAbove);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(cli, "--medium-from / --high-above: " + e.getMessage());
        }
        Calibrators.Method method;
        try {
            method = Calibrators.Method.parse(calibration);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(cli, "--calibration: " + e.getMessage());
        }
        var candidates = ChurnCandidates.of(models != null ? models : ChurnCandidates.ALL, seed);
        ChurnTable[] tables;
        String protocol;
        boolean rfm;
        if (csv != null) {
            if (label == null || positive == null || id == null) {
                throw new ParameterException(cli, "--csv needs --label, --positive and --id");
            }
            if (!Files.isRegularFile(csv)) {
                throw new ParameterException(cli, "--csv: no such file " + csv);
            }
            CsvChurnData data = CsvChurnData.read(csv, label, positive, id, exclude == null ? List.of() : exclude);
            tables = data.split(0.6, 0.2, seed);
            protocol = String.format(
                    Locale.ROOT,
                    "%s: label %s = '%s', stratified 60/20/20 train/validation/test split, seed %d",
                    csv.getFileName(),
                    label,
                    positive,
                    seed);
            rfm = tables[0].features().containsAll(List.of("recency_days", "frequency", "monetary"));
        } else {
            if (asOf == null) {
                throw new ParameterException(cli, "--as-of is required (or --csv FILE)");
            }
            List<LocalDate> cutoffs =
                    trainCutoffs != null ? trainCutoffs : List.of(asOf.minusMonths(6), asOf.minusMonths(3));
            ChurnProtocol p;
            try {
                p = new ChurnProtocol(cutoffs, asOf, horizonDays, validationShare, seed);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(cli, e.getMessage());
            }
            Warehouse w = warehouse.openExisting();
            System.err.println(command + ": profiles and labels at " + cutoffs + " and " + asOf);
            tables = p.tables(w);
            protocol = p.describe();
            rfm = true;
        }
        return ChurnExperiment.run(
                protocol,
                tables[0],
                tables[1],
                tables[2],
                rfm ? ChurnCandidates.baseline(seed) : null,
                candidates,
                method,
                tiers,
                step -> System.err.println(command + ": " + step));
    }
}
