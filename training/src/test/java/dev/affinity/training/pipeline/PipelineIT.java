package dev.affinity.training.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.affinity.features.generate.GeneratorConfig;
import dev.affinity.features.generate.SyntheticWarehouse;
import dev.affinity.features.progress.Progress;
import dev.affinity.features.warehouse.Warehouse;
import dev.affinity.models.registry.ModelRegistry;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The pipeline on a small synthetic warehouse: promote, reuse, refuse, lock. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PipelineIT {
    private static final LocalDate END = LocalDate.of(2026, 11, 30);

    private Path dir;

    private Path warehouse;
    private final List<String> log = new ArrayList<>();

    @BeforeAll
    void generate(@TempDir Path tempDir) {
        dir = tempDir;
        warehouse = dir.resolve("warehouse");
        SyntheticWarehouse.generate(
                Warehouse.open(warehouse), new GeneratorConfig(1_500, 200, 400, 7, 30, END), Progress.NONE);
    }

    private PipelineResult run(Path registry, Path work, PipelineConfig config) throws Exception {
        return new Pipeline(warehouse, registry, work, config, Progress.NONE, log::add).run(null);
    }

    private static PipelineConfig config(double margin, long seed) {
        return new PipelineConfig(
                null,
                null,
                new PipelineConfig.Recommenders(List.of("popularity", "item-knn", "ease"), 10, 0.2, margin),
                new PipelineConfig.Churn(true, 90, List.of("logistic", "xgboost"), margin),
                null,
                seed);
    }

    @Test
    void promotesThenReusesThenRefusesAWorseCandidate() throws Exception {
        Path registry = dir.resolve("models");
        Path work = dir.resolve("pipeline");

        PipelineResult first = run(registry, work, config(0.0, 42));
        assertThat(first.outcome()).isEqualTo("promoted");
        assertThat(first.exitCode()).isEqualTo(PipelineExit.OK);
        assertThat(first.asOf()).isEqualTo(END.plusDays(1));
        assertThat(first.steps())
                .extracting(PipelineResult.StepResult::status)
                .containsExactly(
                        "skipped", "ran", "ran", "ran", "ran"); // import (no inputs), profiles, recs, churn, segments
        assertThat(first.gates()).allMatch(PipelineResult.GateDecision::promoted);
        // The winner beats popularity on the planted tastes, and is the promoted slot model.
        var board = first.recommenders();
        double popularity = board.rows().get(0).metrics().get(2).ndcg(); // K = 1, 5, 10
        assertThat(first.gates().get(0).candidate()).isGreaterThan(popularity);
        ModelRegistry models = new ModelRegistry(registry);
        assertThat(models.current(Pipeline.RECOMMENDER_SLOT)).isPresent();
        assertThat(models.current(Pipeline.CHURN_SLOT)).isPresent();
        assertThat(first.segments().customers()).isEqualTo(first.profiles());

        PipelineResult second = run(registry, work, config(0.0, 42));
        assertThat(second.outcome()).isEqualTo("unchanged");
        assertThat(second.exitCode()).isEqualTo(PipelineExit.OK);
        assertThat(second.steps()).extracting(PipelineResult.StepResult::status).containsOnly("skipped");
        assertThat(second.gates()).noneMatch(PipelineResult.GateDecision::promoted);
        assertThat(models.versions(Pipeline.RECOMMENDER_SLOT)).hasSize(1);
        assertThat(second.recommenders()).isEqualTo(first.recommenders());
        assertThat(second.churn().winner()).isEqualTo(first.churn().winner());

        // Another seed retrains; a margin no model can clear refuses both, and says why.
        PipelineResult third = run(registry, work, config(1.0, 43));
        assertThat(third.outcome()).isEqualTo("gate-refused");
        assertThat(third.exitCode()).isEqualTo(PipelineExit.GATE_REFUSED);
        assertThat(third.gates()).noneMatch(PipelineResult.GateDecision::promoted);
        assertThat(third.gates().get(0).reason())
                .startsWith("not promoted: the best candidate")
                .contains("by the margin 1.0000");
        assertThat(third.gates().get(1).reason()).startsWith("not promoted");
        assertThat(models.versions(Pipeline.RECOMMENDER_SLOT)).hasSize(1);
        assertThat(models.versions(Pipeline.CHURN_SLOT)).hasSize(1);

        Path written = PipelineRunWriter.write(third, work.resolve("runs"));
        assertThat(Files.readString(written)).contains("gate-refused", "not promoted: the best candidate");
    }

    @Test
    void aSecondRunWaitsForNobodyAndTooManyQuarantinedRowsStopTheRun() throws Exception {
        Path work = dir.resolve("locked");
        Files.createDirectories(work);
        try (FileChannel channel =
                        FileChannel.open(work.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock held = channel.lock()) {
            assertThatThrownBy(() -> run(dir.resolve("m2"), work, config(0, 42)))
                    .isInstanceOf(Pipeline.LockedException.class)
                    .hasMessageContaining("another pipeline run holds");
        }

        Path bad = dir.resolve("bad.csv");
        Files.writeString(
                bad,
                "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n"
                        + "536365,85123A,HEART,6,12/1/2010 8:26,2.55,17850,United Kingdom\n"
                        + "536366,22633,HAND WARMER,abc,12/1/2010 8:28,1.85,17850,United Kingdom\n"
                        + "536367,84879,BIRD,32,not a date,1.69,13047,United Kingdom\n");
        PipelineConfig strict = new PipelineConfig(
                List.of(new PipelineConfig.Input("online-retail", bad.toString())), 0.1, null, null, null, null);
        PipelineResult stopped = new Pipeline(
                        dir.resolve("wh-bad"), dir.resolve("m3"), dir.resolve("w3"), strict, Progress.NONE, log::add)
                .run(null);
        assertThat(stopped.outcome()).isEqualTo("data-quality-stop");
        assertThat(stopped.exitCode()).isEqualTo(PipelineExit.DATA_QUALITY_STOP);
        assertThat(stopped.steps()).hasSize(1);
        assertThat(stopped.steps().get(0).detail()).contains("quarantined 66.67% of rows read (limit 10.00%)");
        // Nothing new to read the next night: the same bad load stops the run again.
        PipelineResult again = new Pipeline(
                        dir.resolve("wh-bad"), dir.resolve("m3"), dir.resolve("w3"), strict, Progress.NONE, log::add)
                .run(null);
        assertThat(again.outcome()).isEqualTo("data-quality-stop");
        assertThat(again.steps().get(0).detail()).contains("loaded before", "66.67%");
    }
}
