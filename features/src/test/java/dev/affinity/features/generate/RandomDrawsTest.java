package dev.affinity.features.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RandomDrawsTest {
    private static final int N = 200_000;

    @Test
    void gammaHasItsShapeAsMean() {
        SplittableRandom r = new SplittableRandom(1);
        for (double shape : new double[] {0.5, 1.0, 1.5, 4.0}) {
            double sum = 0;
            for (int i = 0; i < N; i++) {
                sum += RandomDraws.gamma(r, shape);
            }
            assertThat(sum / N).as("shape %s", shape).isCloseTo(shape, within(0.03 * shape));
        }
    }

    @Test
    void poissonAndGeometricHaveTheirMeans() {
        SplittableRandom r = new SplittableRandom(2);
        double poisson = 0;
        double large = 0;
        double geometric = 0;
        for (int i = 0; i < N; i++) {
            poisson += RandomDraws.poisson(r, 3.5);
            large += RandomDraws.poisson(r, 80);
            geometric += RandomDraws.geometric(r, 0.3);
        }
        assertThat(poisson / N).isCloseTo(3.5, within(0.05));
        assertThat(large / N).isCloseTo(80, within(0.3));
        assertThat(geometric / N).isCloseTo(0.7 / 0.3, within(0.05));
    }

    @Test
    void logNormalHasItsMedian() {
        SplittableRandom r = new SplittableRandom(3);
        int below = 0;
        for (int i = 0; i < N; i++) {
            below += RandomDraws.logNormal(r, 40, 0.5) < 40 ? 1 : 0;
        }
        assertThat((double) below / N).isCloseTo(0.5, within(0.01));
    }

    @Test
    void pickSkipsZeroWeightsAndFindsTheBucket() {
        // weights 0, 2, 0, 1: cumulative 0, 2, 2, 3
        double[] cdf = RandomDraws.cumulative(new double[] {0, 2, 0, 1});

        assertThat(RandomDraws.pick(cdf, 0, 4, 0.0)).isEqualTo(1);
        assertThat(RandomDraws.pick(cdf, 0, 4, 1.99)).isEqualTo(1);
        assertThat(RandomDraws.pick(cdf, 0, 4, 2.0)).isEqualTo(3);
        assertThat(RandomDraws.pick(cdf, 0, 4, 2.99)).isEqualTo(3);
    }

    @Test
    void streamsDependOnSeedStreamAndIndex() {
        long a = RandomDraws.stream(1, 3, 0).nextLong();

        assertThat(RandomDraws.stream(1, 3, 0).nextLong()).isEqualTo(a);
        assertThat(RandomDraws.stream(2, 3, 0).nextLong()).isNotEqualTo(a);
        assertThat(RandomDraws.stream(1, 2, 0).nextLong()).isNotEqualTo(a);
        assertThat(RandomDraws.stream(1, 3, 1).nextLong()).isNotEqualTo(a);
    }
}
