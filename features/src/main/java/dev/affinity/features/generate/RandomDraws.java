package dev.affinity.features.generate;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The random draws the generator needs, written out here rather than taken from {@code
 * java.util.random} so that a given seed gives the same data on every JDK.
 */
final class RandomDraws {
    private RandomDraws() {}

    /** A stream of draws for item {@code index} of kind {@code stream}, independent of all others. */
    static SplittableRandom stream(long seed, long stream, long index) {
        return new SplittableRandom(mix(mix(seed ^ mix(stream)) + index));
    }

    /** The SplitMix64 finaliser: a bijective scramble of 64 bits. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** A standard normal draw (Marsaglia's polar method, one value per call). */
    static double normal(SplittableRandom r) {
        double u;
        double v;
        double s;
        do {
            u = 2 * r.nextDouble() - 1;
            v = 2 * r.nextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        return u * Math.sqrt(-2 * Math.log(s) / s);
    }

    /** A log-normal draw with the given median and log-scale standard deviation. */
    static double logNormal(SplittableRandom r, double median, double sigma) {
        return median * Math.exp(sigma * normal(r));
    }

    /** An exponential draw with the given mean. */
    static double exponential(SplittableRandom r, double mean) {
        return -mean * Math.log(1 - r.nextDouble());
    }

    /** A Gamma(shape, 1) draw (Marsaglia and Tsang; boosted for shapes below 1). */
    static double gamma(SplittableRandom r, double shape) {
        if (shape < 1) {
            return gamma(r, shape + 1) * Math.pow(r.nextDouble(), 1 / shape);
        }
        double d = shape - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x = normal(r);
            double v = 1 + c * x;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            double u = r.nextDouble();
            if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) {
                return d * v;
            }
        }
    }

    /** A Beta(a, b) draw. */
    static double beta(SplittableRandom r, double a, double b) {
        double x = gamma(r, a);
        double y = gamma(r, b);
        return x / (x + y);
    }

    /** A Poisson draw; a rounded normal approximation above a mean of 50. */
    static int poisson(SplittableRandom r, double mean) {
        if (mean <= 0) {
            return 0;
        }
        if (mean > 50) {
            return (int) Math.max(0, Math.round(mean + Math.sqrt(mean) * normal(r)));
        }
        double limit = Math.exp(-mean);
        double product = r.nextDouble();
        int n = 0;
        while (product > limit) {
            product *= r.nextDouble();
            n++;
        }
        return n;
    }

    /** The number of failures before the first success, with success probability {@code p}. */
    static int geometric(SplittableRandom r, double p) {
        return (int) Math.floor(Math.log(1 - r.nextDouble()) / Math.log(1 - p));
    }

    /**
     * The index {@code i} in {@code [from, to)} of the first cumulative weight {@code cdf[i]} above
     * {@code u}; {@code cdf} is non-decreasing over that range and {@code u} below {@code cdf[to -
     * 1]}.
     */
    static int pick(double[] cdf, int from, int to, double u) {
        int lo = from;
        int hi = to - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cdf[mid] > u) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    /** A weighted pick over a whole cumulative weight array. */
    static int pick(SplittableRandom r, double[] cdf) {
        return pick(cdf, 0, cdf.length, r.nextDouble() * cdf[cdf.length - 1]);
    }

    /** Cumulative sums of {@code weights}. */
    static double[] cumulative(double[] weights) {
        double[] cdf = new double[weights.length];
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += weights[i];
            cdf[i] = sum;
        }
        return cdf;
    }

    /** One element of {@code values}, uniformly. */
    static <T> T oneOf(SplittableRandom r, List<T> values) {
        return values.get(r.nextInt(values.size()));
    }
}
