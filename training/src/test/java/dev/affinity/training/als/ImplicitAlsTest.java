package dev.affinity.training.als;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * ALS on data planted from known rank-3 factors: 400 users x 300 items, a user likes an item when
 * the true affinity is in its top 10%; 80% of the likes are observed, 20% held out.
 */
class ImplicitAlsTest {
    static final int USERS = 400;
    static final int ITEMS = 300;
    static Csr observed;
    static boolean[][] heldOut;
    static boolean[][] seen;

    @BeforeAll
    static void plant() {
        SplittableRandom r = new SplittableRandom(7);
        double[][] u = new double[USERS][3];
        double[][] v = new double[ITEMS][3];
        for (double[] row : u) {
            for (int f = 0; f < 3; f++) {
                row[f] = r.nextGaussian();
            }
        }
        for (double[] row : v) {
            for (int f = 0; f < 3; f++) {
                row[f] = r.nextGaussian();
            }
        }
        heldOut = new boolean[USERS][ITEMS];
        seen = new boolean[USERS][ITEMS];
        int[] indptr = new int[USERS + 1];
        List<Integer> cols = new ArrayList<>();
        for (int a = 0; a < USERS; a++) {
            double[] affinity = new double[ITEMS];
            for (int i = 0; i < ITEMS; i++) {
                affinity[i] = u[a][0] * v[i][0] + u[a][1] * v[i][1] + u[a][2] * v[i][2];
            }
            double[] sorted = affinity.clone();
            java.util.Arrays.sort(sorted);
            double threshold = sorted[(int) (ITEMS * 0.9)];
            for (int i = 0; i < ITEMS; i++) {
                if (affinity[i] >= threshold) {
                    if (r.nextDouble() < 0.8) {
                        cols.add(i);
                        seen[a][i] = true;
                    } else {
                        heldOut[a][i] = true;
                    }
                }
            }
            indptr[a + 1] = cols.size();
        }
        int[] indices = cols.stream().mapToInt(Integer::intValue).toArray();
        float[] values = new float[indices.length];
        java.util.Arrays.fill(values, 1f);
        observed = new Csr(USERS, ITEMS, indptr, indices, values);
    }

    static AlsParameters parameters() {
        return new AlsParameters(8, 10, 0.1, 20, AlsParameters.Solver.CG, 3, 42, 2);
    }

    /** Mean over users of the AUC of held-out likes against items neither seen nor liked. */
    static double heldOutAuc(AlsFactors f) {
        double sum = 0;
        int counted = 0;
        for (int a = 0; a < USERS; a++) {
            List<Float> pos = new ArrayList<>();
            List<Float> neg = new ArrayList<>();
            for (int i = 0; i < ITEMS; i++) {
                if (heldOut[a][i]) {
                    pos.add(f.score(a, i));
                } else if (!seen[a][i]) {
                    neg.add(f.score(a, i));
                }
            }
            if (pos.isEmpty()) {
                continue;
            }
            long wins = 0;
            for (float p : pos) {
                for (float n : neg) {
                    wins += p > n ? 2 : p == n ? 1 : 0;
                }
            }
            sum += wins / (2.0 * pos.size() * neg.size());
            counted++;
        }
        return sum / counted;
    }

    @Test
    void recoversPlantedPreferences() {
        AlsFactors f = new ImplicitAls(parameters()).fit(observed, (i, loss) -> {});
        assertThat(heldOutAuc(f)).isGreaterThan(0.97); // 0.995 when written
        // Popularity (rank-1 "factors" of item counts) is a much weaker ranking: 0.81 when written.
        float[] ones = new float[USERS];
        java.util.Arrays.fill(ones, 1f);
        float[] counts = new float[ITEMS];
        for (int i : observed.indices()) {
            counts[i]++;
        }
        assertThat(heldOutAuc(new AlsFactors(USERS, ITEMS, 1, ones, counts, List.of())))
                .isLessThan(0.85);
        assertThat(f.lossPerIteration()).hasSize(10);
        assertThat(f.lossPerIteration().get(9)).isLessThan(f.lossPerIteration().get(0));
    }

    @Test
    void conjugateGradientMatchesTheExactSolver() {
        List<Double> exactLoss = new ArrayList<>();
        AlsFactors exact = new ImplicitAls(parameters().withSolver(AlsParameters.Solver.CHOLESKY))
                .fit(observed, (i, loss) -> exactLoss.add(loss));
        AlsFactors cg = new ImplicitAls(parameters()).fit(observed, (i, loss) -> {});
        // Exact ALS never increases the objective.
        for (int i = 1; i < exactLoss.size(); i++) {
            assertThat(exactLoss.get(i)).isLessThanOrEqualTo(exactLoss.get(i - 1) * (1 + 1e-9));
        }
        double e = exact.lossPerIteration().get(9);
        double c = cg.lossPerIteration().get(9);
        assertThat(Math.abs(c - e) / e).isLessThan(0.02);
        assertThat(Math.abs(heldOutAuc(cg) - heldOutAuc(exact))).isLessThan(0.85);
    }

    @Test
    void sameSeedSameFactorsWhateverTheThreads() {
        AlsFactors one = new ImplicitAls(parameters().withThreads(1)).fit(observed, (i, loss) -> {});
        AlsFactors two = new ImplicitAls(parameters().withThreads(2)).fit(observed, (i, loss) -> {});
        assertThat(two.userFactors()).isEqualTo(one.userFactors());
        assertThat(two.itemFactors()).isEqualTo(one.itemFactors());
    }

    @Test
    void earlyStoppingKeepsTheBestIterationsFactors() {
        // A validation that peaks at iteration 3 and then falls: the run stops after 3 + patience 2.
        double[] scores = {0.1, 0.5, 0.9, 0.8, 0.7, 0.6, 0.5};
        int[] seen = {0};
        float[][] atThree = new float[1][];
        AlsFactors f = new ImplicitAls(parameters())
                .fit(
                        observed,
                        (i, loss) -> {},
                        current -> {
                            int i = seen[0]++;
                            if (i == 2) {
                                atThree[0] = current.userFactors().clone();
                            }
                            return scores[i];
                        },
                        2);
        assertThat(seen[0]).isEqualTo(5);
        assertThat(f.lossPerIteration()).hasSize(5);
        assertThat(f.userFactors()).isEqualTo(atThree[0]);
    }

    @Test
    void hyperparametersAreValidated() {
        assertThatThrownBy(() -> parameters().withFactors(0)).hasMessageContaining("factors");
        assertThatThrownBy(() -> parameters().withRegularization(0, 1)).hasMessageContaining("regularization");
        assertThatThrownBy(() -> parameters().withRegularization(0.1, -1)).hasMessageContaining("alpha");
    }
}
