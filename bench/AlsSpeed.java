import dev.affinity.features.interactions.InteractionMatrix;
import dev.affinity.features.interactions.InteractionWeights;
import dev.affinity.features.warehouse.Warehouse;
import dev.affinity.training.als.AlsParameters;
import dev.affinity.training.als.ImplicitAls;
import dev.affinity.training.recommend.RatingsFile;
import dev.affinity.training.recommend.TrainingData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Time per implicit-ALS iteration (CG, 3 steps, 2 threads) at several factor counts. The data is a
 * ratings file (every rating a positive) or a warehouse's interactions as of a date. Each setting
 * runs 1 warm-up iteration, then ITERATIONS timed ones; prints one JSON line per setting with the
 * median and the range of the timed iterations.
 * Run: java -cp "training/target/classes:training/target/lib/*" bench/AlsSpeed.java SOURCE [AS_OF] [ITERATIONS]
 *   SOURCE is u.data or a warehouse directory (then AS_OF is required).
 */
public class AlsSpeed {
    public static void main(String[] args) throws Exception {
        Path source = Path.of(args[0]);
        TrainingData data = Files.isDirectory(source)
                ? TrainingData.of(InteractionMatrix.build(Warehouse.openExisting(source), LocalDate.parse(args[1]),
                        InteractionWeights.DEFAULT))
                : RatingsFile.positives(source, 1);
        int iterations = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        for (int factors : new int[] {64, 128}) {
            AlsParameters p = new AlsParameters(factors, iterations + 1, 0.05, 10, AlsParameters.Solver.CG, 3, 42, 2);
            List<Double> seconds = new ArrayList<>();
            long[] last = {System.nanoTime()};
            new ImplicitAls(p).fit(data.interactions(), (i, loss) -> {
                long now = System.nanoTime();
                if (i > 1) { // the first iteration warms up the JIT
                    seconds.add((now - last[0]) / 1e9);
                }
                last[0] = now;
            });
            List<Double> sorted = new ArrayList<>(seconds);
            sorted.sort(null);
            System.out.printf(java.util.Locale.ROOT,
                    "{\"users\":%d,\"items\":%d,\"interactions\":%d,\"factors\":%d,\"secondsPerIteration\":%.3f,"
                            + "\"min\":%.3f,\"max\":%.3f,\"timedIterations\":%d}%n",
                    data.users().size(), data.items().size(), data.interactions().nnz(), factors,
                    sorted.get(sorted.size() / 2), sorted.get(0), sorted.get(sorted.size() - 1), sorted.size());
        }
    }
}
