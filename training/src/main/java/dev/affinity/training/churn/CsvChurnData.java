package dev.affinity.training.churn;

import dev.affinity.features.ingest.InputException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A data scientist's own customer table: a CSV with a header, one row per customer, a label column
 * and an id column. Every other column (less the excluded ones) is a feature: numeric when every
 * non-blank value parses as a number (a blank is missing, never zero), categorical otherwise
 * (one-hot encoded as {@code column=level} over the levels seen in the training rows; a level not
 * seen there, or a blank, sets none of them).
 *
 * @param file the file's name, for messages
 * @param columns the feature columns, in file order
 * @param numeric per feature column, whether it is numeric
 * @param ids the id of each row
 * @param values per row, the raw (trimmed) value of each feature column
 * @param churned per row, whether its label equals the positive value
 */
public record CsvChurnData(
        String file,
        List<String> columns,
        boolean[] numeric,
        List<String> ids,
        List<String[]> values,
        boolean[] churned) {

    /**
     * Reads {@code path}.
     *
     * @param label the label column
     * @param positive the label value meaning "churned" (compared after trimming)
     * @param id the id column
     * @param exclude columns that are neither features nor label nor id
     * @throws InputException naming the column or line when the file cannot be used: no such column,
     *     a row with more or fewer fields than the header, a blank label, a label with one class
     */
    public static CsvChurnData read(Path path, String label, String positive, String id, List<String> exclude)
            throws IOException, InputException {
        String name = path.toString();
        try (Reader in = Files.newBufferedReader(path, StandardCharsets.UTF_8);
                CSVParser parser = CSVFormat.DEFAULT.builder().get().parse(in)) {
            var records = parser.iterator();
            if (!records.hasNext()) {
                throw new InputException(name, 1, "the file is empty: a header line is needed");
            }
            List<String> header =
                    records.next().toList().stream().map(String::trim).toList();
            Set<String> seen = new LinkedHashSet<>();
            for (String h : header) {
                if (!seen.add(h)) {
                    throw new InputException(name, 1, "the header names column '" + h + "' twice");
                }
            }
            int labelAt = column(name, header, label, "--label");
            int idAt = column(name, header, id, "--id");
            Set<Integer> skip = new TreeSet<>(List.of(labelAt, idAt));
            for (String e : exclude) {
                skip.add(column(name, header, e, "--exclude"));
            }
            List<Integer> featureAt = new ArrayList<>();
            for (int c = 0; c < header.size(); c++) {
                if (!skip.contains(c)) {
                    featureAt.add(c);
                }
            }
            List<String> ids = new ArrayList<>();
            List<String[]> values = new ArrayList<>();
            List<Boolean> labels = new ArrayList<>();
            while (records.hasNext()) {
                CSVRecord record = records.next();
                long line = record.getRecordNumber();
                if (record.size() == 1 && record.get(0).isBlank()) {
                    continue;
                }
                if (record.size() != header.size()) {
                    throw new InputException(
                            name, line, "has " + record.size() + " fields, the header has " + header.size());
                }
                String y = record.get(labelAt).trim();
                if (y.isEmpty()) {
                    throw new InputException(name, line, "the label column '" + label + "' is blank");
                }
                ids.add(record.get(idAt).trim());
                labels.add(y.equals(positive.trim()));
                String[] row = new String[featureAt.size()];
                for (int k = 0; k < row.length; k++) {
                    row[k] = record.get(featureAt.get(k)).trim();
                }
                values.add(row);
            }
            long positives = labels.stream().filter(b -> b).count();
            if (positives == 0 || positives == labels.size()) {
                throw new InputException(
                        name,
                        0,
                        "the label column '" + label + "' has one class: " + (positives == 0 ? "no" : "every")
                                + " row is '" + positive + "' (" + labels.size() + " rows)");
            }
            if (featureAt.isEmpty()) {
                throw new InputException(name, 1, "no feature columns are left besides the id and label");
            }
            boolean[] numeric = new boolean[featureAt.size()];
            for (int k = 0; k < numeric.length; k++) {
                numeric[k] = true;
                for (String[] row : values) {
                    if (!row[k].isEmpty() && !isNumber(row[k])) {
                        numeric[k] = false;
                        break;
                    }
                }
            }
            boolean[] churned = new boolean[labels.size()];
            for (int r = 0; r < churned.length; r++) {
                churned[r] = labels.get(r);
            }
            return new CsvChurnData(name, featureAt.stream().map(header::get).toList(), numeric, ids, values, churned);
        }
    }

    private static int column(String file, List<String> header, String column, String option) throws InputException {
        int at = header.indexOf(column);
        if (at < 0) {
            throw new InputException(
                    file, 1, option + ": no column '" + column + "' in the header (" + String.join(", ", header) + ")");
        }
        return at;
    }

    private static boolean isNumber(String s) {
        try {
            double v = Double.parseDouble(s);
            return Double.isFinite(v);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** The feature names after encoding with the levels seen in {@code rows}: numeric columns, then levels. */
    public List<String> encodedFeatures(int[] rows) {
        List<String> names = new ArrayList<>();
        for (int k = 0; k < columns.size(); k++) {
            if (numeric[k]) {
                names.add(columns.get(k));
            } else {
                Set<String> levels = new TreeSet<>();
                for (int r : rows) {
                    if (!values.get(r)[k].isEmpty()) {
                        levels.add(values.get(r)[k]);
                    }
                }
                for (String level : levels) {
                    names.add(columns.get(k) + "=" + level);
                }
            }
        }
        return names;
    }

    /** The rows {@code rows} as a table over {@code features} (from {@link #encodedFeatures}). */
    public ChurnTable table(int[] rows, List<String> features) {
        double[][] x = new double[rows.length][features.size()];
        List<String> rowIds = new ArrayList<>();
        boolean[] labels = new boolean[rows.length];
        for (int i = 0; i < rows.length; i++) {
            String[] raw = values.get(rows[i]);
            for (int j = 0; j < features.size(); j++) {
                String f = features.get(j);
                int k = columns.indexOf(f);
                if (k >= 0 && numeric[k]) {
                    x[i][j] = raw[k].isEmpty() ? Double.NaN : Double.parseDouble(raw[k]);
                } else {
                    int eq = f.indexOf('=');
                    int c = columns.indexOf(f.substring(0, eq));
                    x[i][j] = raw[c].equals(f.substring(eq + 1)) ? 1 : 0;
                }
            }
            rowIds.add(ids.get(rows[i]));
            labels[i] = churned[rows[i]];
        }
        return new ChurnTable(rowIds, rowIds, features, x, labels);
    }

    /**
     * A seeded split stratified by label into training, validation and test rows, encoded with the
     * categorical levels of the training rows only.
     *
     * @return {train, validation, test}
     */
    public ChurnTable[] split(double trainShare, double validationShare, long seed) {
        int[][] parts = ChurnSplits.stratifiedRows(churned, trainShare, validationShare, seed);
        for (int[] part : parts) {
            if (part.length == 0) {
                throw new IllegalArgumentException(
                        file + ": " + churned.length + " rows are too few for a training, validation and test split");
            }
        }
        List<String> features = encodedFeatures(parts[0]);
        return new ChurnTable[] {table(parts[0], features), table(parts[1], features), table(parts[2], features)};
    }
}
