package dev.affinity.features.segments;

import static org.assertj.core.api.Assertions.assertThat;

import dev.affinity.features.ingest.OnlineRetailImporter;
import dev.affinity.features.profiles.ChurnLabels;
import dev.affinity.features.profiles.CustomerProfiles;
import dev.affinity.features.progress.Progress;
import dev.affinity.features.testing.SharedData;
import dev.affinity.features.warehouse.ParquetRows;
import dev.affinity.features.warehouse.RowReader;
import dev.affinity.features.warehouse.Warehouse;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Segments over the real Online Retail profiles as of 2011-09-01. */
class SegmentBatchIT {
    private static final LocalDate AS_OF = LocalDate.of(2011, 9, 1);

    @Test
    void everyCustomerIsInOneRfmSegmentAndTheFiguresAddUp(@TempDir Path dir) throws Exception {
        Warehouse warehouse = Warehouse.open(dir.resolve("wh"));
        new OnlineRetailImporter(warehouse, Progress.NONE).importFile(SharedData.onlineRetail());
        CustomerProfiles.Snapshot snapshot = new CustomerProfiles(warehouse, Progress.NONE).compute(AS_OF);
        ProfileFields fields = ProfileFields.customerProfiles();
        SegmentSet set = SegmentSet.compile(SegmentConfig.defaults(), fields);

        SegmentReport report = new SegmentBatch(warehouse, Progress.NONE).run(AS_OF, set, fields, p -> Map.of(), 90);

        assertThat(report.customers()).isEqualTo(snapshot.customers());
        List<SegmentReport.Figures> rfm =
                report.segments().stream().filter(f -> f.family().equals("rfm")).toList();
        assertThat(rfm.stream().mapToLong(SegmentReport.Figures::members).sum()).isEqualTo(report.customers());
        // 3,317 customers bought before the cutoff (issue 5's figure); the rest have no orders yet.
        long noOrders = rfm.stream()
                .filter(f -> f.name().equals("No Orders Yet"))
                .findFirst()
                .orElseThrow()
                .members();
        assertThat(report.customers() - noOrders).isEqualTo(3_317);
        // The observed churn rate over all RFM segments is the base rate, 43.8%.
        ChurnLabels labels = ChurnLabels.of(warehouse, AS_OF, 90);
        assertThat(report.churnWindowComplete()).isTrue();
        double churned = rfm.stream()
                .filter(f -> f.churnRate() != null)
                .mapToDouble(f -> f.churnRate() * f.members())
                .sum();
        assertThat(churned / labels.labels().size()).isBetween(0.435, 0.441);
        // Champions churn far less than Lost customers.
        Map<String, SegmentReport.Figures> byName = new HashMap<>();
        rfm.forEach(f -> byName.put(f.name(), f));
        assertThat(byName.get("Champions").churnRate()).isLessThan(0.2);
        assertThat(byName.get("Lost").churnRate()).isGreaterThan(0.6); // 0.679 measured
        // "Loyal and Slipping" nests in "Loyal Customers": never more members, no overlap warning.
        Map<String, Long> rules = new HashMap<>();
        report.segments().stream()
                .filter(f -> f.family().equals("rule"))
                .forEach(f -> rules.put(f.name(), f.members()));
        assertThat(rules.get("Loyal and Slipping")).isPositive().isLessThan(rules.get("Loyal Customers"));
        assertThat(report.warnings()).noneMatch(w -> w.contains("Loyal and Slipping"));
        // No churn model here: "At Risk of Churn" cannot match and is flagged empty.
        assertThat(rules.get("At Risk of Churn")).isZero();
        assertThat(report.warnings()).contains("segment 'At Risk of Churn' has no members");

        long rows = 0;
        long rfmRows = 0;
        try (RowReader reader = ParquetRows.reader(Path.of(report.membersFile()), SegmentBatch.MEMBERS)) {
            while (reader.hasNext()) {
                Object[] row = reader.next();
                rows++;
                rfmRows += row[2].equals("rfm") ? 1 : 0;
            }
        }
        assertThat(rfmRows).isEqualTo(report.customers());
        assertThat(rows)
                .isEqualTo(report.segments().stream()
                        .mapToLong(SegmentReport.Figures::members)
                        .sum());
    }
}
