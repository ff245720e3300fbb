package dev.affinity.training.churn;

import dev.affinity.models.churn.Calibration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Fits a {@link Calibration} of raw probabilities to labels; the caller passes validation data only. */
public final class Calibrators {
    private Calibrators() {}

    /** The calibration methods a run can ask for. */
    public enum Method {
        /** Keep the raw probability. */
        NONE,
        /** Platt scaling: a logistic regression on the raw log-odds. */
        PLATT,
        /** Isotonic regression (pool adjacent violators). */
        ISOTONIC;

        /** The method named {@code name} (case-insensitive). */
        public static Method parse(String name) {
            try {
                return valueOf(name.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        "calibration must be none, platt or isotonic, got '" + name + "'", e);
            }
        }
    }

    /** Fits {@code method} on raw probabilities {@code p} with labels {@code churned}. */
    public static Calibration fit(Method method, double[] p, boolean[] churned) {
        return switch (method) {
            case NONE -> new Calibration.None();
            case PLATT -> platt(p, churned);
            case ISOTONIC -> isotonic(p, churned);
        };
    }

    /**
     * Platt scaling by Newton's method on {@code sigmoid(a * logit(p) + b)}, with Platt's smoothed
     * targets ({@code (positives + 1) / (positives + 2)} and {@code 1 / (negatives + 2)}) so that a
     * separable validation set does not send the slope to infinity.
     */
    public static Calibration.Platt platt(double[] p, boolean[] churned) {
        int n = p.length;
        int positives = 0;
        for (boolean c : churned) {
            positives += c ? 1 : 0;
        }
        double hi = (positives + 1.0) / (positives + 2.0);
        double lo = 1.0 / (n - positives + 2.0);
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            double q = Math.min(Math.max(p[i], 1e-12), 1 - 1e-12);
            z[i] = Math.log(q / (1 - q));
        }
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = churned[i] ? hi : lo;
        }
        double a = 1;
        double b = 0;
        double loss = plattLoss(z, t, a, b);
        for (int iter = 0; iter < 100; iter++) {
            double ga = 0;
            double gb = 0;
            double haa = 1e-12;
            double hab = 0;
            double hbb = 1e-12;
            for (int i = 0; i < n; i++) {
                double s = sigmoid(a * z[i] + b);
                double w = s * (1 - s);
                ga += (s - t[i]) * z[i];
                gb += s - t[i];
                haa += w * z[i] * z[i];
                hab += w * z[i];
                hbb += w;
            }
            if (Math.abs(ga) + Math.abs(gb) < 1e-9 * n) {
                break;
            }
            double det = haa * hbb - hab * hab;
            double da = (hbb * ga - hab * gb) / det;
            double db = (haa * gb - hab * ga) / det;
            // Backtracking line search (Lin, Lin and Weng, 2007): Newton steps alone can diverge.
            double step = 1;
            double next = plattLoss(z, t, a - step * da, b - step * db);
            while (next > loss - 1e-4 * step * (ga * da + gb * db) && step > 1e-10) {
                step /= 2;
                next = plattLoss(z, t, a - step * da, b - step * db);
            }
            if (step <= 1e-10) {
                break;
            }
            a -= step * da;
            b -= step * db;
            boolean converged = loss - next < 1e-12;
            loss = next;
            if (converged) {
                break;
            }
        }
        return new Calibration.Platt(a, b);
    }

    private static double sigmoid(double x) {
        return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
    }

    /** Cross-entropy of targets {@code t} under {@code sigmoid(a * z + b)}, computed without overflow. */
    private static double plattLoss(double[] z, double[] t, double a, double b) {
        double loss = 0;
        for (int i = 0; i < z.length; i++) {
            double f = a * z[i] + b;
            // -t log s(f) - (1 - t) log(1 - s(f)) = log(1 + e^f) - t f
            loss += (f > 0 ? f + Math.log1p(Math.exp(-f)) : Math.log1p(Math.exp(f))) - t[i] * f;
        }
        return loss;
    }

    /**
     * Isotonic regression by pool-adjacent-violators over the rows sorted by raw probability; each
     * pooled block becomes one point (mean raw probability, churn rate), and the calibration
     * interpolates linearly between points.
     */
    public static Calibration.Isotonic isotonic(double[] p, boolean[] churned) {
        Integer[] order = new Integer[p.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (a, b) -> Double.compare(p[a], p[b]));
        List<double[]> blocks = new ArrayList<>(); // {sum of x, sum of y, count}
        int i = 0;
        while (i < order.length) {
            // rows with the same raw probability form one block from the start
            double x = p[order[i]];
            double sx = 0;
            double sy = 0;
            int count = 0;
            while (i < order.length && p[order[i]] == x) {
                sx += p[order[i]];
                sy += churned[order[i]] ? 1 : 0;
                count++;
                i++;
            }
            blocks.add(new double[] {sx, sy, count});
            while (blocks.size() > 1) {
                double[] last = blocks.get(blocks.size() - 1);
                double[] prev = blocks.get(blocks.size() - 2);
                if (prev[1] / prev[2] < last[1] / last[2]) {
                    break;
                }
                prev[0] += last[0];
                prev[1] += last[1];
                prev[2] += last[2];
                blocks.remove(blocks.size() - 1);
            }
        }
        double[] xs = new double[blocks.size()];
        double[] ys = new double[blocks.size()];
        for (int k = 0; k < xs.length; k++) {
            xs[k] = blocks.get(k)[0] / blocks.get(k)[2];
            ys[k] = blocks.get(k)[1] / blocks.get(k)[2];
        }
        return new Calibration.Isotonic(xs, ys);
    }
}
