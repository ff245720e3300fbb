package dev.affinity.features.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.affinity.features.interactions.InteractionMatrix;
import dev.affinity.features.progress.Progress;
import dev.affinity.features.warehouse.Tables;
import dev.affinity.features.warehouse.Warehouse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InteractionsImporterTest {
    @TempDir
    Path dir;

    private Warehouse warehouse;
    private InteractionsImporter importer;

    @BeforeEach
    void setUp() {
        warehouse = Warehouse.open(dir.resolve("wh"));
        importer = new InteractionsImporter(warehouse, Progress.NONE);
    }

    private Path file(String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    /** A MovieLens-like headerless file: user, item, rating, epoch seconds. */
    private static final InteractionColumns U_DATA = new InteractionColumns("1", "2", "3", "4", '\t', false);

    @Test
    void loadsAHeaderlessTabFileWithEpochSeconds() throws Exception {
        Path u = file("u.data", "196\t242\t3\t881250949\n186\t302\t3\t891717742\n22\t377\t1\t878887116\n");
        ImportResult r = importer.importFile(u, "ml", U_DATA);

        assertThat(r.rowsLoaded()).isEqualTo(3);
        assertThat(r.conserved()).isTrue();
        assertThat(r.watermark()).isEqualTo(LocalDateTime.of(1998, 4, 4, 19, 22, 22));
        List<Object[]> rows = new ArrayList<>();
        warehouse.forEachRow(Tables.INTERACTIONS, rows::add);
        assertThat(rows.get(0)).containsExactly("ml", "196", "242", 3.0, LocalDateTime.of(1997, 12, 4, 15, 55, 49));
    }

    @Test
    void badRowsGoToQuarantineWithTheirLineAndNothingIsLost() throws Exception {
        Path log = file("log.csv", """
                customer,sku,qty,when
                c1,p1,2,2024-01-05
                c1,,1,2024-01-05
                c2,p1,lots,2024-01-06
                c2,p2,1,yesterday
                c2,p2
                c1,p1,2,2024-01-05
                c3,p3,,2024-01-07T10:00
                c3,p2,1,2024-01-07 11:30
                """);
        ImportResult r =
                importer.importFile(log, "shop", new InteractionColumns("customer", "sku", "qty", "when", ',', true));

        assertThat(r.rowsRead()).isEqualTo(8);
        assertThat(r.rowsLoaded()).isEqualTo(2);
        assertThat(r.quarantinedByReason())
                .containsEntry("MISSING_REQUIRED", 2L)
                .containsEntry("UNPARSEABLE_NUMBER", 1L)
                .containsEntry("UNPARSEABLE_DATE", 1L)
                .containsEntry("RAGGED_ROW", 1L)
                .containsEntry("DUPLICATE_ROW", 1L);
        assertThat(r.conserved()).isTrue();
        List<Object[]> quarantined = new ArrayList<>();
        warehouse.forEachRow(Tables.QUARANTINE, quarantined::add);
        assertThat(quarantined.stream().map(q -> (Long) q[2])).containsExactly(3L, 4L, 5L, 6L, 7L, 8L);
        assertThat(quarantined.get(1)[3]).isEqualTo("c2,p1,lots,2024-01-06");
    }

    @Test
    void isIdempotentAndIncrementalByWatermark() throws Exception {
        InteractionColumns cols = new InteractionColumns("1", "2", null, "3", ',', false);
        Path first = file("a.csv", "u1,i1,2024-01-01\nu1,i2,2024-01-02\n");
        Path second = file("b.csv", "u1,i1,2024-01-01\nu1,i2,2024-01-02\nu2,i1,2024-01-03\n");
        importer.importFile(first, "feed", cols);

        assertThat(importer.importFile(first, "feed", cols).unchanged()).isTrue();
        ImportResult more = importer.importFile(second, "feed", cols);
        assertThat(more.rowsBeforeWatermark()).isEqualTo(2);
        assertThat(more.rowsLoaded()).isEqualTo(1);
        assertThat(warehouse.rowCount(Tables.INTERACTIONS)).isEqualTo(3);
    }

    @Test
    void unknownColumnsAndBadNamesAreRefusedWithTheirOption() throws Exception {
        Path log = file("log.csv", "customer,sku\nc1,p1\n");
        assertThatThrownBy(() -> importer.importFile(
                        log, "shop", new InteractionColumns("customer", "product", null, null, ',', true)))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("log.csv:1")
                .hasMessageContaining("--item-col 'product' is not a column of the header [customer, sku]");
        assertThatThrownBy(() -> new InteractionColumns("user", "2", null, null, '\t', false))
                .hasMessageContaining("--user-col 'user' must be a 1-based column number");
        assertThatThrownBy(() -> importer.importFile(
                        log, "no spaces", new InteractionColumns("customer", "sku", null, null, ',', true)))
                .hasMessageContaining("--dataset");
        assertThat(InteractionColumns.separator("\\t")).isEqualTo('\t');
        assertThatThrownBy(() -> InteractionColumns.separator("ab")).hasMessageContaining("--sep");
        assertThat(warehouse.rowCount(Tables.INTERACTIONS)).isZero();
    }

    @Test
    void datasetMatrixKeepsRowsAboveTheWeightAndBeforeTheCutoff() throws Exception {
        Path u = file(
                "ratings.tsv",
                "1\ta\t5\t2024-01-01\n1\tb\t2\t2024-01-01\n1\ta\t4\t2024-02-01\n2\tb\t4\t2024-01-15\n"
                        + "2\tc\t5\t2024-03-01\n");
        importer.importFile(u, "r", new InteractionColumns("1", "2", "3", "4", '\t', false));
        importer.importFile(
                file("other.tsv", "1\tz\t5\t2024-01-01\n"),
                "other",
                new InteractionColumns("1", "2", "3", "4", '\t', false));

        InteractionMatrix binary = InteractionMatrix.ofDataset(warehouse, "r", 4, true, null);
        assertThat(binary.users()).containsExactly("1", "2");
        assertThat(binary.items()).containsExactly("a", "b", "c");
        assertThat(binary.confidence("1", "a")).isEqualTo(1f);
        assertThat(binary.confidence("1", "b")).isZero(); // weight 2 < 4
        assertThat(binary.nnz()).isEqualTo(3);

        InteractionMatrix summed = InteractionMatrix.ofDataset(warehouse, "r", 0, false, LocalDate.of(2024, 2, 1));
        assertThat(summed.confidence("1", "a")).isEqualTo(5f); // the 2024-02-01 row is not before the cutoff
        assertThat(summed.confidence("1", "b")).isEqualTo(2f);
        assertThat(summed.confidence("2", "c")).isZero();
        assertThatThrownBy(() -> InteractionMatrix.ofDataset(warehouse, "missing", 0, true, null))
                .hasMessageContaining("interaction dataset 'missing' has no rows");
    }
}
