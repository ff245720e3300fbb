package dev.affinity.training.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.affinity.features.quality.QualityReport;
import dev.affinity.features.segments.SegmentReport;
import dev.affinity.models.churn.RiskTiers;
import dev.affinity.training.churn.Calibrators;
import dev.affinity.training.churn.ChurnCandidates;
import dev.affinity.training.churn.ChurnExperiment;
import dev.affinity.training.churn.ChurnTable;
import dev.affinity.training.evaluation.RankingMetrics;
import dev.affinity.training.pipeline.PipelineResult;
import dev.affinity.training.recommend.Leaderboard;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PipelineReportTest {
    private static final Pattern IMG = Pattern.compile("<img src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\"");

    @TempDir
    Path dir;

    @Test
    void writesEveryChartEveryFigureAndEscapesNamesFromConfiguration() throws Exception {
        ChurnExperiment churn = churnExperiment();
        PipelineResult result = result(quality(), segments(), leaderboard(), churn);

        ReportFiles files = PipelineReport.write(result, dir);

        assertThat(files.html()).isEqualTo(dir.resolve("report.html"));
        assertThat(files.json()).isEqualTo(dir.resolve("report.json"));
        String html = Files.readString(files.html());
        // quality, segments, NDCG@K, Recall@K, ROC, precision-recall, calibration, lift
        List<BufferedImage> images = images(html);
        assertThat(images).hasSize(8);
        for (BufferedImage image : images) {
            assertThat(image.getWidth()).isEqualTo(ReportCharts.WIDTH);
            assertThat(image.getHeight()).isGreaterThanOrEqualTo(ReportCharts.HEIGHT);
        }
        for (String caption : List.of(
                "Rows and quarantined rows per table",
                "Segment sizes",
                "NDCG@K per recommender",
                "Recall@K per recommender",
                "ROC curves",
                "Precision-recall curves",
                "Calibration",
                "Lift by decile")) {
            assertThat(html).contains("<figcaption>" + caption + "</figcaption>");
        }
        // Self-contained: nothing to fetch.
        assertThat(html).doesNotContain("http://").doesNotContain("https://").doesNotContain("<script");
        // Names from configuration are escaped everywhere.
        assertThat(html).contains("&lt;b&gt;x&lt;/b&gt;").doesNotContain("<b>x</b>");
        assertThat(html).contains("pop&lt;script&gt;").doesNotContain("pop<script>");
        // Steps, gates, quality, segments, leaderboard and churn figures are in the tables.
        assertThat(html).contains("<td>import</td><td>ran</td><td>1.25</td><td>imported 2 files</td>");
        assertThat(html).contains("<td>profiles</td><td>skipped</td><td>0.00</td>");
        assertThat(html)
                .contains("<td>recommender</td><td>recommender-als</td><td>ndcg@10</td><td>0.2100</td>"
                        + "<td>0.1800</td><td>0.0100</td><td>promoted</td><td>v000002</td>");
        assertThat(html).contains("<td>churn</td><td>churn</td><td>roc_auc</td>");
        assertThat(html).contains("<td>not promoted</td><td></td><td>not better than the current model by 0.005</td>");
        assertThat(html).contains("<td>orders</td><td>1,200</td><td>17</td>");
        assertThat(html).contains("<td>quarantine</td><td>17</td><td>-</td>");
        assertThat(html).contains("<td>orders</td><td>BAD_PRICE</td><td>12</td>");
        assertThat(html).contains("<td>&lt;b&gt;x&lt;/b&gt;</td><td>rule</td><td>42</td><td>14.0%</td>");
        assertThat(html)
                .contains("<td>als</td><td>3.50</td><td>0.1000</td><td>0.1500</td><td>0.1500</td><td>0.1800</td>"
                        + "<td>0.2000</td><td>0.2100</td>");
        for (ChurnExperiment.Row row : churn.rows()) {
            assertThat(html)
                    .contains(String.format(
                            java.util.Locale.ROOT, "%.4f", row.test().metrics().rocAuc()));
        }

        JsonNode json = PipelineReport.MAPPER.readTree(files.json().toFile());
        assertThat(json.get("format").asText()).isEqualTo("affinity-run-report");
        assertThat(json.get("formatVersion").asInt()).isEqualTo(1);
        JsonNode run = json.get("run");
        assertThat(run.get("asOf").asText()).isEqualTo("2011-12-01");
        assertThat(run.get("outcome").asText()).isEqualTo("promoted");
        assertThat(run.at("/quality/quarantinedByTable/orders/BAD_PRICE").asLong())
                .isEqualTo(12);
        assertThat(run.at("/segments/segments/0/name").asText()).isEqualTo("<b>x</b>");
        assertThat(run.at("/recommenders/rows/0/metrics/2/k").asInt()).isEqualTo(10);
        assertThat(run.at("/recommenders/rows/0/metrics/2/ndcg").asDouble()).isEqualTo(0.21);
        assertThat(run.at("/gates/1/reason").asText()).isEqualTo("not better than the current model by 0.005");
        assertThat(run.at("/gates/1/current").asDouble()).isEqualTo(0.74);
        for (int i = 0; i < churn.rows().size(); i++) {
            ChurnExperiment.Row row = churn.rows().get(i);
            JsonNode test = run.at("/churn/rows/" + i + "/test");
            assertThat(test.at("/metrics/rocAuc").asDouble())
                    .isCloseTo(row.test().metrics().rocAuc(), within(1e-12));
            assertThat(test.get("roc")).hasSize(row.test().roc().size());
            assertThat(test.get("roc").size()).isBetween(3, 101);
            assertThat(test.at("/roc/1/fpr").asDouble())
                    .isEqualTo(row.test().roc().get(1).fpr());
            assertThat(test.get("precisionRecall"))
                    .hasSize(row.test().precisionRecall().size());
            assertThat(test.get("deciles")).hasSize(10);
        }
        // The models themselves are not serialized, only their figures.
        assertThat(run.get("churn").has("winnerModel")).isFalse();
        assertThat(Files.size(files.json())).isLessThan(200_000);
    }

    @Test
    void aRunThatStoppedEarlySaysWhatWasNotEvaluated() throws Exception {
        PipelineResult result = new PipelineResult(
                LocalDate.of(2011, 12, 1),
                "/w",
                "/r",
                Instant.parse("2026-01-01T02:00:00Z"),
                0.5,
                List.of(new PipelineResult.StepResult("validate", "failed", 0.1, "31.0% of rows quarantined")),
                quality(),
                0,
                null,
                null,
                null,
                List.of(),
                "data-quality-stop",
                3);
        ReportFiles files = PipelineReport.write(result, dir.resolve("nested"));
        String html = Files.readString(files.html());
        assertThat(images(html)).hasSize(1);
        assertThat(html).contains("<td>data-quality-stop</td><td>3</td>");
        assertThat(html).contains("No candidate reached the promotion gate");
        assertThat(html.split("Not evaluated in this run", -1)).hasSize(4);
        JsonNode run = PipelineReport.MAPPER.readTree(files.json().toFile()).get("run");
        assertThat(run.get("churn").isNull()).isTrue();
        assertThat(run.get("exitCode").asInt()).isEqualTo(3);
    }

    private static List<BufferedImage> images(String html) throws Exception {
        List<BufferedImage> images = new ArrayList<>();
        Matcher m = IMG.matcher(html);
        while (m.find()) {
            BufferedImage image =
                    ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(m.group(1))));
            assertThat(image).isNotNull();
            images.add(image);
        }
        assertThat(html.split("<img", -1)).hasSize(images.size() + 1);
        return images;
    }

    private static PipelineResult result(
            QualityReport quality, SegmentReport segments, Leaderboard board, ChurnExperiment churn) {
        return new PipelineResult(
                LocalDate.of(2011, 12, 1),
                "/tmp/warehouse",
                "/tmp/models",
                Instant.parse("2026-01-01T02:00:00Z"),
                42.5,
                List.of(
                        new PipelineResult.StepResult("import", "ran", 1.25, "imported 2 files"),
                        new PipelineResult.StepResult("profiles", "skipped", 0, "inputs unchanged")),
                quality,
                300,
                segments,
                board,
                churn,
                List.of(
                        new PipelineResult.GateDecision(
                                "recommender",
                                "recommender-als",
                                "ndcg@10",
                                0.21,
                                0.18,
                                0.01,
                                true,
                                "v000002",
                                "better than the current model by 0.0300"),
                        new PipelineResult.GateDecision(
                                "churn",
                                "churn",
                                "roc_auc",
                                0.742,
                                0.74,
                                0.005,
                                false,
                                null,
                                "not better than the current model by 0.005")),
                "promoted",
                0);
    }

    private static QualityReport quality() {
        Map<String, Long> rows = new LinkedHashMap<>();
        rows.put("orders", 1200L);
        rows.put("customers", 300L);
        rows.put("quarantine", 17L);
        return new QualityReport(
                rows, Map.of("orders", Map.of("BAD_PRICE", 12L, "MISSING_ID", 5L)), Map.of("orders.csv", 17L));
    }

    private static SegmentReport segments() {
        return new SegmentReport(
                LocalDate.of(2011, 12, 1),
                300,
                "/tmp/warehouse/segments/as_of=2011-12-01/part-00000.parquet",
                List.of(
                        new SegmentReport.Figures("<b>x</b>", "rule", 42, 0.14, 1234.5, 12.3, null, null),
                        new SegmentReport.Figures("Champions", "rfm", 60, 0.2, 9000, 45.0, 0.1, 22.5)),
                List.of(),
                List.of("segment '<b>x</b>' is small"),
                true);
    }

    private static Leaderboard leaderboard() {
        return new Leaderboard(
                "last 30 days held out",
                List.of(
                        new Leaderboard.Row("als", Map.of("factors", 32), 3.5, metrics(0.1, 0.15, 0.2, 0.21)),
                        new Leaderboard.Row("pop<script>", Map.of(), 0.1, metrics(0.05, 0.08, 0.1, 0.11))));
    }

    /** At K = 1, 5, 10, 20, 50: recall grows from {@code r1}, NDCG from {@code n1}; K=10 gets (r10, n10). */
    private static List<RankingMetrics> metrics(double r1, double n1, double r10, double n10) {
        List<RankingMetrics> out = new ArrayList<>();
        int[] ks = {1, 5, 10, 20, 50};
        double[] recall = {r1, (r1 + r10) / 2, r10, r10 * 1.3, r10 * 1.8};
        double[] ndcg = {n1, (n1 + n10) / 2, n10, n10 * 1.1, n10 * 1.2};
        for (int i = 0; i < ks.length; i++) {
            out.add(new RankingMetrics(ks[i], 250, recall[i] / ks[i], recall[i], ndcg[i], 0.05, 0.4, 0.2, 0.3));
        }
        return out;
    }

    /** A real experiment: the RFM baseline and logistic regression on customers with a planted rule. */
    private static ChurnExperiment churnExperiment() {
        return ChurnExperiment.run(
                "synthetic planted rule",
                table(800, 1),
                table(400, 2),
                table(400, 3),
                ChurnCandidates.baseline(42),
                ChurnCandidates.of(List.of("logistic"), 42),
                Calibrators.Method.PLATT,
                RiskTiers.DEFAULT,
                s -> {});
    }

    private static ChurnTable table(int n, long seed) {
        Random random = new Random(seed);
        List<String> ids = new ArrayList<>();
        double[][] x = new double[n][];
        boolean[] churned = new boolean[n];
        for (int i = 0; i < n; i++) {
            double recency = Math.floor(random.nextDouble() * 365);
            double frequency = 1 + Math.floor(-Math.log(1 - random.nextDouble()) * 4);
            x[i] = new double[] {recency, frequency, frequency * 30, random.nextGaussian()};
            double logit = -1.5 + 0.012 * recency - 0.25 * frequency;
            churned[i] = random.nextDouble() < 1 / (1 + Math.exp(-logit));
            ids.add("c" + seed + "-" + i);
        }
        return new ChurnTable(ids, ids, List.of("recency_days", "frequency", "monetary", "noise"), x, churned);
    }
}
