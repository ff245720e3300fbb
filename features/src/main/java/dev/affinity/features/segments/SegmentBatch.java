package dev.affinity.features.segments;

import static dev.affinity.features.warehouse.Column.required;

import dev.affinity.features.profiles.ChurnLabels;
import dev.affinity.features.profiles.CustomerProfiles;
import dev.affinity.features.progress.Progress;
import dev.affinity.features.warehouse.ColumnType;
import dev.affinity.features.warehouse.ParquetRows;
import dev.affinity.features.warehouse.TableSchema;
import dev.affinity.features.warehouse.Warehouse;
import dev.affinity.features.warehouse.WarehouseSql;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.parquet.hadoop.ParquetWriter;

/**
 * Evaluates every segment over a profile snapshot, streaming: writes one (customer, segment) row
 * per membership to {@code segments/as_of=DATE/part-00000.parquet} in the warehouse and reports
 * counts, overlaps and per-segment revenue, order value and churn.
 */
public final class SegmentBatch {
    /** The members file's columns. */
    public static final TableSchema MEMBERS = new TableSchema(
            "segment_members",
            List.of(
                    required("customer_id", ColumnType.STRING),
                    required("segment", ColumnType.STRING),
                    required("family", ColumnType.STRING),
                    required("priority", ColumnType.INT)));

    /** Overlaps above this share of the smaller segment are flagged. */
    public static final double OVERLAP_FLAG = 0.9;

    private final Warehouse warehouse;
    private final Progress progress;

    /** A batch over {@code warehouse}. */
    public SegmentBatch(Warehouse warehouse, Progress progress) {
        this.warehouse = warehouse;
        this.progress = progress;
    }

    /** The members file for a cutoff. */
    public Path membersFile(LocalDate asOf) {
        return warehouse.root().resolve("segments").resolve("as_of=" + asOf).resolve("part-00000.parquet");
    }

    /**
     * Runs the batch.
     *
     * @param extraFields per profile (column to value), fields to add before the rules run, such as
     *     {@code churn_score} and {@code churn_tier} from a churn model; return an empty map for none
     * @param churnHorizonDays the horizon of the observed churn rate
     * @throws IllegalArgumentException when there is no snapshot for {@code asOf}
     */
    public SegmentReport run(
            LocalDate asOf,
            SegmentSet set,
            ProfileFields fields,
            Function<Map<String, Object>, Map<String, Object>> extraFields,
            int churnHorizonDays) {
        Path snapshot = new CustomerProfiles(warehouse, progress).snapshotFile(asOf);
        if (!Files.exists(snapshot)) {
            throw new IllegalArgumentException(
                    "no profiles as of " + asOf + " (run: affinity features --as-of " + asOf + ")");
        }
        ChurnLabels labels = ChurnLabels.of(warehouse, asOf, churnHorizonDays);
        List<SegmentDefinition> rules = set.segments();
        List<String> rfmNames = set.rfm().names();
        int n = rules.size() + rfmNames.size();
        Tally[] tallies = new Tally[n];
        for (int s = 0; s < n; s++) {
            tallies[s] = new Tally();
        }
        long[][] pairs = new long[rules.size()][rules.size()];
        Map<String, Integer> rfmIndex = new HashMap<>();
        for (int i = 0; i < rfmNames.size(); i++) {
            rfmIndex.put(rfmNames.get(i), rules.size() + i);
        }
        Path file = membersFile(asOf);
        Path tmp = file.resolveSibling(".part-00000.parquet.tmp");
        long customers = 0;
        try {
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(tmp);
            try (WarehouseSql sql = WarehouseSql.open(warehouse);
                    PreparedStatement s = sql.connection().prepareStatement("SELECT * FROM read_parquet(?)");
                    ParquetWriter<Object[]> out = ParquetRows.writer(tmp, MEMBERS)) {
                s.setString(1, snapshot.toString());
                try (ResultSet rs = s.executeQuery()) {
                    ResultSetMetaData meta = rs.getMetaData();
                    int[] active = new int[rules.size()];
                    while (rs.next()) {
                        Map<String, Object> profile = new HashMap<>();
                        for (int i = 1; i <= meta.getColumnCount(); i++) {
                            profile.put(meta.getColumnName(i), CustomerProfiles.javaValue(rs.getObject(i)));
                        }
                        profile.putAll(extraFields.apply(profile));
                        Object[] row = fields.row(profile);
                        String id = (String) profile.get("customer_id");
                        boolean[] members = set.evaluate(row, asOf.atStartOfDay());
                        int count = 0;
                        for (int r = 0; r < members.length; r++) {
                            if (members[r]) {
                                active[count++] = r;
                                tallies[r].add(profile, labels.labels().get(id));
                                out.write(new Object[] {
                                    id,
                                    rules.get(r).name(),
                                    "rule",
                                    rules.get(r).priority()
                                });
                            }
                        }
                        for (int a = 0; a < count; a++) {
                            for (int b = a + 1; b < count; b++) {
                                pairs[active[a]][active[b]]++;
                            }
                        }
                        String rfm = set.rfmSegment(row);
                        tallies[rfmIndex.get(rfm)].add(profile, labels.labels().get(id));
                        out.write(new Object[] {id, rfm, "rfm", set.rfm().priority()});
                        customers++;
                        progress.update("segments as of " + asOf, customers, -1);
                    }
                }
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read " + snapshot + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return report(asOf, set, customers, file, tallies, pairs, rfmNames, labels.windowComplete());
    }

    private static SegmentReport report(
            LocalDate asOf,
            SegmentSet set,
            long customers,
            Path file,
            Tally[] tallies,
            long[][] pairs,
            List<String> rfmNames,
            boolean windowComplete) {
        List<SegmentDefinition> rules = set.segments();
        List<SegmentReport.Figures> figures = new ArrayList<>();
        List<String> warnings = new ArrayList<>(set.warnings());
        for (int s = 0; s < tallies.length; s++) {
            boolean rule = s < rules.size();
            String name = rule ? rules.get(s).name() : rfmNames.get(s - rules.size());
            figures.add(tallies[s].figures(name, rule ? "rule" : "rfm", customers, windowComplete));
            if (rule && tallies[s].members == 0) {
                warnings.add("segment '" + name + "' has no members");
            }
        }
        List<SegmentReport.Overlap> overlaps = new ArrayList<>();
        for (int a = 0; a < rules.size(); a++) {
            for (int b = a + 1; b < rules.size(); b++) {
                long smaller = Math.min(tallies[a].members, tallies[b].members);
                double share = smaller == 0 ? 0 : (double) pairs[a][b] / smaller;
                if (share > OVERLAP_FLAG) {
                    overlaps.add(new SegmentReport.Overlap(
                            rules.get(a).name(), rules.get(b).name(), pairs[a][b], share));
                    boolean nested = rules.get(a).name().equals(rules.get(b).parent())
                            || rules.get(b).name().equals(rules.get(a).parent());
                    if (!nested) {
                        warnings.add(String.format(
                                java.util.Locale.ROOT,
                                "segments '%s' and '%s' overlap by %.0f%% of the smaller one",
                                rules.get(a).name(),
                                rules.get(b).name(),
                                100 * share));
                    }
                }
            }
        }
        return new SegmentReport(asOf, customers, file.toString(), figures, overlaps, warnings, windowComplete);
    }

    /** Running sums for one segment. */
    private static final class Tally {
        long members;
        double revenue;
        double orders;
        long labelled;
        long churned;
        long scored;
        double scoreSum;

        void add(Map<String, Object> profile, Boolean churnedLabel) {
            members++;
            revenue += number(profile.get("monetary"));
            orders += number(profile.get("frequency"));
            if (churnedLabel != null) {
                labelled++;
                churned += churnedLabel ? 1 : 0;
            }
            Object score = profile.get("churn_score");
            if (score instanceof Number x && !Double.isNaN(x.doubleValue())) {
                scored++;
                scoreSum += x.doubleValue();
            }
        }

        SegmentReport.Figures figures(String name, String family, long customers, boolean windowComplete) {
            return new SegmentReport.Figures(
                    name,
                    family,
                    members,
                    customers == 0 ? 0 : (double) members / customers,
                    revenue,
                    orders > 0 ? revenue / orders : null,
                    windowComplete && labelled > 0 ? (double) churned / labelled : null,
                    scored > 0 ? scoreSum / scored : null);
        }

        private static double number(Object v) {
            return v instanceof Number x ? x.doubleValue() : 0;
        }
    }
}
