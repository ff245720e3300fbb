package dev.affinity.training.report;

import dev.affinity.features.quality.QualityReport;
import dev.affinity.features.segments.SegmentReport;
import dev.affinity.training.churn.ChurnExperiment;
import dev.affinity.training.churn.ChurnReport;
import dev.affinity.training.evaluation.RankingMetrics;
import dev.affinity.training.recommend.Leaderboard;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** The report's charts, drawn with JFreeChart and encoded as PNG data URIs. */
final class ReportCharts {
    static {
        // Charts are drawn off screen, also on machines without a display: this must hold before
        // the first AWT class loads.
        System.setProperty("java.awt.headless", "true");
    }

    static final int WIDTH = 720;
    static final int HEIGHT = 420;
    private static final Color GUIDE = new Color(150, 150, 150);

    private ReportCharts() {}

    /** ROC curves of every churn model, with the diagonal of a random ranking. */
    static JFreeChart roc(List<ChurnExperiment.Row> rows) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (ChurnExperiment.Row r : rows) {
            XYSeries s = series(label(r.model(), "AUC", r.test().metrics().rocAuc()));
            r.test().roc().forEach(p -> s.add(p.fpr(), p.tpr()));
            data.addSeries(s);
        }
        data.addSeries(line("random", 0, 0, 1, 1));
        JFreeChart chart = ChartFactory.createXYLineChart(
                "ROC curve (test rows)", "false positive rate", "true positive rate", data);
        return unitSquare(style(chart), true);
    }

    /** Precision-recall curves of every churn model, with the base rate of a random ranking. */
    static JFreeChart precisionRecall(List<ChurnExperiment.Row> rows) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (ChurnExperiment.Row r : rows) {
            XYSeries s = series(label(r.model(), "AP", r.test().metrics().prAuc()));
            r.test().precisionRecall().forEach(p -> s.add(p.recall(), p.precision()));
            data.addSeries(s);
        }
        double base = rows.get(0).test().metrics().baseRate();
        data.addSeries(line(String.format(Locale.ROOT, "base rate %.3f", base), 0, base, 1, base));
        JFreeChart chart =
                ChartFactory.createXYLineChart("Precision-recall curve (test rows)", "recall", "precision", data);
        return unitSquare(style(chart), true);
    }

    /** Observed churn against mean predicted probability per bin, with the diagonal of perfect calibration. */
    static JFreeChart calibration(List<ChurnExperiment.Row> rows) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (ChurnExperiment.Row r : rows) {
            XYSeries s = series(r.model());
            for (ChurnReport.CalibrationBin bin : r.test().calibration()) {
                if (bin.customers() > 0) {
                    s.add(bin.meanPredicted(), bin.observedRate());
                }
            }
            data.addSeries(s);
        }
        data.addSeries(line("perfectly calibrated", 0, 0, 1, 1));
        JFreeChart chart = ChartFactory.createXYLineChart(
                "Calibration (test rows, ten probability bins)",
                "mean predicted probability",
                "observed churn rate",
                data);
        XYPlot plot = unitSquare(style(chart), true).getXYPlot();
        ((XYLineAndShapeRenderer) plot.getRenderer()).setDefaultShapesVisible(true);
        ((XYLineAndShapeRenderer) plot.getRenderer()).setSeriesShapesVisible(data.getSeriesCount() - 1, false);
        return chart;
    }

    /** Lift per decile of predicted risk, one bar per model. */
    static JFreeChart lift(List<ChurnExperiment.Row> rows) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (ChurnExperiment.Row r : rows) {
            for (ChurnReport.Decile d : r.test().deciles()) {
                data.addValue(Double.isNaN(d.lift()) ? null : d.lift(), r.model(), Integer.toString(d.decile()));
            }
        }
        JFreeChart chart = ChartFactory.createBarChart(
                "Lift by decile (1 = riskiest tenth)", "decile", "churn rate / base rate", data);
        return bars(style(chart));
    }

    /** One ranking metric against K, one line per recommender. */
    static JFreeChart rankingCurve(Leaderboard board, String metric, ToDoubleFunction<RankingMetrics> value) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (Leaderboard.Row row : board.rows()) {
            XYSeries s = series(row.model());
            for (RankingMetrics m : row.metrics()) {
                double v = value.applyAsDouble(m);
                if (!Double.isNaN(v)) {
                    s.add(m.k(), v);
                }
            }
            data.addSeries(s);
        }
        JFreeChart chart = ChartFactory.createXYLineChart(metric + "@K (held-out items)", "K", metric + "@K", data);
        style(chart);
        XYPlot plot = chart.getXYPlot();
        ((XYLineAndShapeRenderer) plot.getRenderer()).setDefaultShapesVisible(true);
        ((NumberAxis) plot.getDomainAxis()).setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(true);
        return chart;
    }

    /** Members per segment, horizontal bars, in report order (rule segments, then RFM). */
    static JFreeChart segmentSizes(SegmentReport report) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (SegmentReport.Figures f : report.segments()) {
            // The family in the key keeps a rule segment and an RFM segment of the same name apart.
            data.addValue(f.members(), "members", f.name() + " (" + f.family() + ")");
        }
        JFreeChart chart = ChartFactory.createBarChart(
                "Segment sizes", "segment", "members", data, PlotOrientation.HORIZONTAL, false, false, false);
        return bars(style(chart));
    }

    /** A height that leaves each of {@code bars} horizontal bars readable. */
    static int heightFor(int bars) {
        return Math.max(HEIGHT, 22 * bars + 120);
    }

    /** Committed and quarantined rows per table. */
    static JFreeChart quality(QualityReport quality) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (Map.Entry<String, Long> e : quality.rowsByTable().entrySet()) {
            if (e.getKey().equals("quarantine")) {
                continue;
            }
            long quarantined = quality.quarantinedByTable().getOrDefault(e.getKey(), Map.of()).values().stream()
                    .mapToLong(Long::longValue)
                    .sum();
            data.addValue(e.getValue(), "rows", e.getKey());
            data.addValue(quarantined, "quarantined rows", e.getKey());
        }
        JFreeChart chart = ChartFactory.createBarChart(
                "Rows and quarantined rows per table",
                "table",
                "rows",
                data,
                PlotOrientation.HORIZONTAL,
                true,
                false,
                false);
        return bars(style(chart));
    }

    /** The chart as a {@code data:image/png;base64,...} URI. */
    static String pngDataUri(JFreeChart chart) {
        return pngDataUri(chart, HEIGHT);
    }

    /** The chart, {@code height} pixels high, as a {@code data:image/png;base64,...} URI. */
    static String pngDataUri(JFreeChart chart, int height) {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ChartUtils.writeChartAsPNG(png, chart, WIDTH, height);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot draw chart '" + chart.getTitle().getText() + "'", e);
        }
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(png.toByteArray());
    }

    private static XYSeries series(String key) {
        return new XYSeries(key, false, true);
    }

    /** A dashed grey guide line, drawn last. */
    private static XYSeries line(String key, double x0, double y0, double x1, double y1) {
        XYSeries s = series(key);
        s.add(x0, y0);
        s.add(x1, y1);
        return s;
    }

    private static String label(String model, String metric, double value) {
        return Double.isNaN(value) ? model : String.format(Locale.ROOT, "%s (%s %.3f)", model, metric, value);
    }

    private static JFreeChart style(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.getPlot().setBackgroundPaint(Color.WHITE);
        if (chart.getPlot() instanceof XYPlot xy) {
            xy.setDomainGridlinePaint(new Color(220, 220, 220));
            xy.setRangeGridlinePaint(new Color(220, 220, 220));
            if (xy.getRenderer() instanceof XYLineAndShapeRenderer lines) {
                lines.setAutoPopulateSeriesStroke(false);
                lines.setDefaultStroke(new BasicStroke(2f));
            }
        } else if (chart.getPlot() instanceof CategoryPlot c) {
            c.setRangeGridlinePaint(new Color(220, 220, 220));
            c.setRangeAxisLocation(AxisLocation.BOTTOM_OR_LEFT);
        }
        return chart;
    }

    /** Both axes 0..1; the last series, a guide, dashed grey. */
    private static JFreeChart unitSquare(JFreeChart chart, boolean lastIsGuide) {
        XYPlot plot = chart.getXYPlot();
        plot.getDomainAxis().setRange(0, 1);
        plot.getRangeAxis().setRange(0, 1.02);
        if (lastIsGuide) {
            int guide = plot.getDataset().getSeriesCount() - 1;
            XYLineAndShapeRenderer renderer = (XYLineAndShapeRenderer) plot.getRenderer();
            renderer.setSeriesPaint(guide, GUIDE);
            renderer.setSeriesStroke(
                    guide,
                    new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
        }
        return chart;
    }

    private static JFreeChart bars(JFreeChart chart) {
        BarRenderer renderer = (BarRenderer) chart.getCategoryPlot().getRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setMaximumBarWidth(0.12);
        return chart;
    }
}
