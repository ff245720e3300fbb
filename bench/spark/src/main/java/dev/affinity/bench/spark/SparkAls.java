package dev.affinity.bench.spark;

import dev.affinity.models.artifact.FloatMatrix;
import dev.affinity.models.recommend.FactorModel;
import dev.affinity.training.als.Csr;
import dev.affinity.training.recommend.TrainingData;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.ml.recommendation.ALS;
import org.apache.spark.ml.recommendation.ALSModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * A local Spark session for MLlib's implicit ALS. Spark's user and item ids are our {@link
 * dev.affinity.models.artifact.IdIndex} positions, so its factor tables map back to our rows without
 * a lookup table.
 */
final class SparkAls implements AutoCloseable {
    private static final StructType SCHEMA = new StructType()
            .add("user", DataTypes.IntegerType, false)
            .add("item", DataTypes.IntegerType, false)
            .add("rating", DataTypes.FloatType, false);

    private final SparkSession spark;

    /**
     * Starts {@code local[threads]} with the UI off, few shuffle partitions, and every scratch
     * directory under {@code scratch} (inside {@code bench/spark/target}).
     */
    SparkAls(int threads, Path scratch) {
        this.spark = SparkSession.builder()
                .appName("affinity-als-side-by-side")
                .master("local[" + threads + "]")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", String.valueOf(threads * 2))
                .config("spark.default.parallelism", String.valueOf(threads))
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.local.dir", scratch.resolve("local").toString())
                .config("spark.sql.warehouse.dir", scratch.resolve("warehouse").toString())
                .getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
    }

    /** The Spark version, for the report. */
    String version() {
        return spark.version();
    }

    /** The interactions of {@code data} as a cached (user, item, rating) table, already materialized. */
    Dataset<Row> ratings(Csr data) {
        List<Row> rows = new ArrayList<>(data.nnz());
        for (int u = 0; u < data.rows(); u++) {
            for (int e = data.indptr()[u]; e < data.indptr()[u + 1]; e++) {
                rows.add(RowFactory.create(u, data.indices()[e], data.values()[e]));
            }
        }
        Dataset<Row> frame = spark.createDataFrame(rows, SCHEMA).repartition(2).cache();
        long count = frame.count();
        if (count != data.nnz()) {
            throw new IllegalStateException("Spark holds " + count + " ratings, expected " + data.nnz());
        }
        return frame;
    }

    /**
     * Fits MLlib's implicit ALS. Spark scales {@code regParam} by each row's number of ratings
     * (ALS-WR); its confidence is {@code 1 + alpha * |r|}, as ours.
     */
    ALSModel fit(Dataset<Row> ratings, int rank, int iterations, double regParam, double alpha, long seed, int blocks) {
        ALS als = new ALS()
                .setImplicitPrefs(true)
                .setRank(rank)
                .setMaxIter(iterations)
                .setRegParam(regParam)
                .setAlpha(alpha)
                .setSeed(seed)
                .setNumUserBlocks(blocks)
                .setNumItemBlocks(blocks)
                .setUserCol("user")
                .setItemCol("item")
                .setRatingCol("rating");
        return als.fit(ratings);
    }

    /**
     * Spark's factors as our {@link FactorModel} over {@code train}'s ids. Users or items that have
     * no rating in the training table get no factors from Spark and keep a zero vector (they can
     * still be recommended, with score 0).
     */
    static FactorModel toFactorModel(ALSModel model, TrainingData train) {
        int k = model.rank();
        float[] users = factors(model.userFactors(), train.users().size(), k);
        float[] items = factors(model.itemFactors(), train.items().size(), k);
        return new FactorModel(
                train.users(),
                train.items(),
                new FloatMatrix(train.users().size(), k, users),
                new FloatMatrix(train.items().size(), k, items),
                train.userItems(),
                train.popularity());
    }

    private static float[] factors(Dataset<Row> table, int rows, int k) {
        float[] out = new float[rows * k];
        for (Row row : table.collectAsList()) {
            int id = row.getInt(0);
            if (id < 0 || id >= rows) {
                throw new IllegalStateException("Spark factor id " + id + " outside [0, " + rows + ")");
            }
            List<Float> features = row.getList(1);
            if (features.size() != k) {
                throw new IllegalStateException("Spark factor of length " + features.size() + ", expected " + k);
            }
            for (int f = 0; f < k; f++) {
                out[id * k + f] = features.get(f);
            }
        }
        return out;
    }

    @Override
    public void close() {
        spark.stop();
    }
}
