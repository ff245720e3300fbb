package dev.affinity.models.churn;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * Maps a model's raw probability to a calibrated one, fitted on validation data by the trainer.
 * Stored in the artifact under {@code "method"}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "method")
@JsonSubTypes({
    @JsonSubTypes.Type(value = Calibration.None.class, name = "none"),
    @JsonSubTypes.Type(value = Calibration.Platt.class, name = "platt"),
    @JsonSubTypes.Type(value = Calibration.Isotonic.class, name = "isotonic")
})
public sealed interface Calibration {
    /** The calibrated probability of a raw probability {@code p} in [0, 1]. */
    double apply(double p);

    /** No calibration: the raw probability. */
    record None() implements Calibration {
        @Override
        public double apply(double p) {
            return p;
        }
    }

    /**
     * Platt scaling on the log-odds: {@code sigmoid(a * logit(p) + b)}.
     *
     * @param a slope
     * @param b intercept
     */
    record Platt(double a, double b) implements Calibration {
        /** Checks that the parameters are finite. */
        public Platt {
            if (!Double.isFinite(a) || !Double.isFinite(b)) {
                throw new IllegalArgumentException("Platt parameters must be finite: a=" + a + ", b=" + b);
            }
        }

        @Override
        public double apply(double p) {
            double clamped = Math.min(Math.max(p, 1e-12), 1 - 1e-12);
            return LogisticChurnModel.sigmoid(a * Math.log(clamped / (1 - clamped)) + b);
        }
    }

    /**
     * Isotonic regression as a non-decreasing piecewise-linear function through points ({@code
     * x[i]}, {@code y[i]}), constant beyond the first and last points.
     *
     * @param x raw probabilities, strictly increasing
     * @param y calibrated probabilities, non-decreasing, in [0, 1]
     */
    record Isotonic(double[] x, double[] y) implements Calibration {
        /** Checks the points. */
        public Isotonic {
            if (x.length == 0 || x.length != y.length) {
                throw new IllegalArgumentException("isotonic calibration needs as many x as y points, at least one");
            }
            for (int i = 0; i < x.length; i++) {
                if (!(y[i] >= 0 && y[i] <= 1) || (i > 0 && (x[i] <= x[i - 1] || y[i] < y[i - 1]))) {
                    throw new IllegalArgumentException("isotonic points must increase in x and not decrease in y, "
                            + "with y in [0, 1]; see point " + i);
                }
            }
            x = x.clone();
            y = y.clone();
        }

        @Override
        public double apply(double p) {
            if (p <= x[0]) {
                return y[0];
            }
            int last = x.length - 1;
            if (p >= x[last]) {
                return y[last];
            }
            int hi = java.util.Arrays.binarySearch(x, p);
            if (hi >= 0) {
                return y[hi];
            }
            hi = -hi - 1;
            int lo = hi - 1;
            double t = (p - x[lo]) / (x[hi] - x[lo]);
            return y[lo] + t * (y[hi] - y[lo]);
        }

        @Override
        public double[] x() {
            return x.clone();
        }

        @Override
        public double[] y() {
            return y.clone();
        }
    }
}
