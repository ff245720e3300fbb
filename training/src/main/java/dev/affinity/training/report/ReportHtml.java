package dev.affinity.training.report;

import static dev.affinity.training.report.Html.count;
import static dev.affinity.training.report.Html.decimal;
import static dev.affinity.training.report.Html.escape;
import static dev.affinity.training.report.Html.figure;
import static dev.affinity.training.report.Html.percent;
import static dev.affinity.training.report.Html.seconds;
import static dev.affinity.training.report.Html.table;

import dev.affinity.features.quality.QualityReport;
import dev.affinity.features.segments.SegmentReport;
import dev.affinity.training.churn.ChurnExperiment;
import dev.affinity.training.churn.ChurnMetrics;
import dev.affinity.training.churn.ChurnReport;
import dev.affinity.training.evaluation.RankingMetrics;
import dev.affinity.training.pipeline.PipelineResult;
import dev.affinity.training.recommend.Leaderboard;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The HTML page of a run report: tables of every figure and the charts, in one file. */
final class ReportHtml {
    private static final String STYLE = """
            body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:2em auto;max-width:1100px;\
            color:#222;padding:0 1em}
            h1{font-size:1.6em}h2{margin-top:2em;border-bottom:1px solid #ddd;padding-bottom:.2em}
            table{border-collapse:collapse;margin:1em 0;font-size:.9em}
            th,td{border:1px solid #ccc;padding:.3em .6em;text-align:left;vertical-align:top}
            th{background:#f3f3f3}td.num{text-align:right}
            figure{display:inline-block;margin:.5em}figcaption{font-size:.85em;color:#555}
            .promoted{color:#196f3d;font-weight:600}.refused{color:#a04000;font-weight:600}
            .muted{color:#777}
            """;

    private ReportHtml() {}

    /** The page for {@code r}. */
    static String page(PipelineResult r) {
        StringBuilder out =
                new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        out.append("<title>Affinity run as of ")
                .append(escape(String.valueOf(r.asOf())))
                .append("</title>\n");
        out.append("<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n");
        out.append("<h1>Affinity pipeline run as of ")
                .append(escape(String.valueOf(r.asOf())))
                .append("</h1>\n");
        summary(out, r);
        steps(out, r);
        gates(out, r);
        quality(out, r.quality());
        segments(out, r.segments());
        recommenders(out, r.recommenders());
        churn(out, r.churn());
        return out.append("</body>\n</html>\n").toString();
    }

    private static void summary(StringBuilder out, PipelineResult r) {
        out.append(table(
                List.of("outcome", "exit code", "started", "seconds", "profiles", "warehouse", "registry"),
                List.of(List.of(
                        r.outcome(),
                        Integer.toString(r.exitCode()),
                        String.valueOf(r.startedAt()),
                        seconds(r.seconds()),
                        count(r.profiles()),
                        r.warehouse(),
                        r.registry()))));
    }

    private static void steps(StringBuilder out, PipelineResult r) {
        out.append("<h2>Steps</h2>\n");
        List<List<String>> rows = new ArrayList<>();
        for (PipelineResult.StepResult s : r.steps()) {
            rows.add(List.of(s.name(), s.status(), seconds(s.seconds()), s.detail() == null ? "" : s.detail()));
        }
        out.append(table(List.of("step", "status", "seconds", "detail"), rows));
    }

    private static void gates(StringBuilder out, PipelineResult r) {
        out.append("<h2>Promotion: candidates against the current models</h2>\n");
        if (r.gates().isEmpty()) {
            out.append("<p class=\"muted\">No candidate reached the promotion gate in this run.</p>\n");
            return;
        }
        List<List<String>> rows = new ArrayList<>();
        for (PipelineResult.GateDecision g : r.gates()) {
            rows.add(List.of(
                    g.family(),
                    g.model(),
                    g.metric(),
                    decimal(g.candidate()),
                    g.current() == null ? "none" : decimal(g.current()),
                    decimal(g.margin()),
                    g.promoted() ? "promoted" : "not promoted",
                    g.version() == null ? "" : g.version(),
                    g.reason() == null ? "" : g.reason()));
        }
        out.append(table(
                List.of(
                        "family",
                        "candidate",
                        "metric",
                        "candidate value",
                        "current value",
                        "margin",
                        "decision",
                        "version",
                        "why"),
                rows));
    }

    private static void quality(StringBuilder out, QualityReport quality) {
        out.append("<h2>Data quality</h2>\n");
        if (quality == null) {
            out.append("<p class=\"muted\">Not measured in this run.</p>\n");
            return;
        }
        out.append(figure(
                ReportCharts.pngDataUri(
                        ReportCharts.quality(quality),
                        ReportCharts.heightFor(2 * quality.rowsByTable().size())),
                "Rows and quarantined rows per table"));
        List<List<String>> rows = new ArrayList<>();
        for (Map.Entry<String, Long> e : quality.rowsByTable().entrySet()) {
            long quarantined = quality.quarantinedByTable().getOrDefault(e.getKey(), Map.of()).values().stream()
                    .mapToLong(Long::longValue)
                    .sum();
            boolean isQuarantine = e.getKey().equals("quarantine");
            rows.add(List.of(e.getKey(), count(e.getValue()), isQuarantine ? "-" : count(quarantined)));
        }
        out.append(table(List.of("table", "rows", "quarantined rows"), rows));
        List<List<String>> reasons = new ArrayList<>();
        quality.quarantinedByTable()
                .forEach((t, byReason) -> byReason.forEach((reason, n) -> reasons.add(List.of(t, reason, count(n)))));
        if (!reasons.isEmpty()) {
            out.append(table(List.of("table", "reason", "quarantined rows"), reasons));
        }
    }

    private static void segments(StringBuilder out, SegmentReport segments) {
        out.append("<h2>Segments</h2>\n");
        if (segments == null) {
            out.append("<p class=\"muted\">Not evaluated in this run.</p>\n");
            return;
        }
        out.append("<p>")
                .append(count(segments.customers()))
                .append(" customers evaluated as of ")
                .append(escape(String.valueOf(segments.asOf())))
                .append(".</p>\n");
        out.append(figure(
                ReportCharts.pngDataUri(
                        ReportCharts.segmentSizes(segments),
                        ReportCharts.heightFor(segments.segments().size())),
                "Segment sizes"));
        List<List<String>> rows = new ArrayList<>();
        for (SegmentReport.Figures f : segments.segments()) {
            rows.add(List.of(
                    f.name(),
                    f.family(),
                    count(f.members()),
                    percent(f.share()),
                    String.format(java.util.Locale.ROOT, "%,.2f", f.revenue()),
                    f.averageOrderValue() == null
                            ? "-"
                            : String.format(java.util.Locale.ROOT, "%.2f", f.averageOrderValue()),
                    percent(f.churnRate()),
                    f.meanChurnScore() == null
                            ? "-"
                            : String.format(java.util.Locale.ROOT, "%.1f", f.meanChurnScore())));
        }
        out.append(table(
                List.of(
                        "segment",
                        "family",
                        "members",
                        "share",
                        "revenue",
                        "average order value",
                        "observed churn",
                        "mean churn score"),
                rows));
        if (!segments.warnings().isEmpty()) {
            out.append("<ul>\n");
            for (String w : segments.warnings()) {
                out.append("<li>").append(escape(w)).append("</li>\n");
            }
            out.append("</ul>\n");
        }
    }

    private static void recommenders(StringBuilder out, Leaderboard board) {
        out.append("<h2>Recommenders</h2>\n");
        if (board == null || board.rows().isEmpty()) {
            out.append("<p class=\"muted\">Not evaluated in this run.</p>\n");
            return;
        }
        out.append("<p>").append(escape(board.protocol())).append("</p>\n");
        out.append(figure(
                ReportCharts.pngDataUri(ReportCharts.rankingCurve(board, "NDCG", RankingMetrics::ndcg)),
                "NDCG@K per recommender"));
        out.append(figure(
                ReportCharts.pngDataUri(ReportCharts.rankingCurve(board, "Recall", RankingMetrics::recall)),
                "Recall@K per recommender"));
        List<String> header = new ArrayList<>(List.of("model", "train s"));
        for (RankingMetrics m : board.rows().get(0).metrics()) {
            header.add("Recall@" + m.k());
            header.add("NDCG@" + m.k());
        }
        header.addAll(List.of("MAP", "hit rate", "MRR", "coverage", "users"));
        List<List<String>> rows = new ArrayList<>();
        for (Leaderboard.Row row : board.rows()) {
            List<String> cells = new ArrayList<>(List.of(row.model(), seconds(row.trainSeconds())));
            for (RankingMetrics m : row.metrics()) {
                cells.add(decimal(m.recall()));
                cells.add(decimal(m.ndcg()));
            }
            RankingMetrics last = row.metrics().get(row.metrics().size() - 1);
            cells.addAll(List.of(
                    decimal(last.map()),
                    decimal(last.hitRate()),
                    decimal(last.mrr()),
                    decimal(last.coverage()),
                    count(last.users())));
            rows.add(cells);
        }
        out.append(table(header, rows));
    }

    private static void churn(StringBuilder out, ChurnExperiment churn) {
        out.append("<h2>Churn</h2>\n");
        if (churn == null || churn.rows().isEmpty()) {
            out.append("<p class=\"muted\">Not evaluated in this run.</p>\n");
            return;
        }
        out.append("<p>")
                .append(escape(churn.protocol()))
                .append("</p>\n<p>Rows: train ")
                .append(count(churn.trainRows()))
                .append(", validation ")
                .append(count(churn.validationRows()))
                .append(", test ")
                .append(count(churn.testRows()))
                .append(". Winner: <b>")
                .append(escape(churn.winner()))
                .append("</b>")
                .append(churn.winnerBeatsBaseline() ? "" : " (does not beat the baseline)")
                .append(".</p>\n");
        List<List<String>> rows = new ArrayList<>();
        for (ChurnExperiment.Row r : churn.rows()) {
            ChurnMetrics t = r.test().metrics();
            rows.add(List.of(
                    r.model()
                            + (r.baseline() ? " (baseline)" : "")
                            + (r.model().equals(churn.winner()) ? " (winner)" : ""),
                    decimal(r.validation().logLoss()),
                    decimal(r.validation().rocAuc()),
                    decimal(t.rocAuc()),
                    decimal(t.prAuc()),
                    decimal(t.logLoss()),
                    decimal(t.brier()),
                    percent(t.baseRate()),
                    seconds(r.trainSeconds())));
        }
        out.append(table(
                List.of(
                        "model",
                        "validation log loss",
                        "validation ROC-AUC",
                        "test ROC-AUC",
                        "test PR-AUC",
                        "test log loss",
                        "test Brier",
                        "test churn rate",
                        "train s"),
                rows));
        List<ChurnExperiment.Row> all = churn.rows();
        out.append(figure(ReportCharts.pngDataUri(ReportCharts.roc(all)), "ROC curves"));
        out.append(figure(ReportCharts.pngDataUri(ReportCharts.precisionRecall(all)), "Precision-recall curves"));
        out.append(figure(ReportCharts.pngDataUri(ReportCharts.calibration(all)), "Calibration"));
        out.append(figure(ReportCharts.pngDataUri(ReportCharts.lift(all)), "Lift by decile"));
        List<List<String>> confusion = new ArrayList<>();
        for (ChurnExperiment.Row r : all) {
            for (ChurnReport.Confusion c : r.test().confusion()) {
                confusion.add(List.of(
                        r.model(),
                        Integer.toString(c.threshold()),
                        count(c.truePositives()),
                        count(c.falsePositives()),
                        count(c.trueNegatives()),
                        count(c.falseNegatives()),
                        decimal(c.precision()),
                        decimal(c.recall())));
            }
        }
        out.append(table(
                List.of("model", "flagged when score >=", "TP", "FP", "TN", "FN", "precision", "recall"), confusion));
    }
}
