package dev.affinity.bench.load;

import dev.affinity.features.warehouse.TableAppender;
import dev.affinity.features.warehouse.Tables;
import dev.affinity.features.warehouse.Warehouse;
import dev.affinity.features.warehouse.WarehouseLoad;
import dev.affinity.features.warehouse.WarehouseSql;
import dev.affinity.models.artifact.ArtifactWriter;
import dev.affinity.models.artifact.FloatMatrix;
import dev.affinity.models.artifact.IdIndex;
import dev.affinity.models.artifact.ModelType;
import dev.affinity.models.artifact.Provenance;
import dev.affinity.models.artifact.SparseRows;
import dev.affinity.models.churn.Calibration;
import dev.affinity.models.churn.LogisticChurnModel;
import dev.affinity.models.churn.RiskTiers;
import dev.affinity.models.recommend.FactorModel;
import dev.affinity.models.registry.ModelRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A synthetic warehouse and registry of the benchmark's size: customers and products in the
 * warehouse (with a profile snapshot written by DuckDB), a factor model with random Gaussian factors
 * (not trained: serving cost does not depend on what the factors mean) and 5 training items per user,
 * and a logistic churn model over two profile fields. Fixed seed.
 */
final class SyntheticServingData {
    private SyntheticServingData() {}

    static void build(Path dir, int customers, int products, int rank, long seed) throws Exception {
        if (Files.exists(dir.resolve("ready"))) {
            return;
        }
        SplittableRandom random = new SplittableRandom(seed);
        Warehouse warehouse = Warehouse.open(dir.resolve("warehouse"));
        String[] names = {"Ada", "Bob", "Cleo", "Dan", "Eve", "Finn", "Gus", "Hana"};
        String[] cities = {"London", "Paris", "Rome", "Berlin", "Madrid", "Oslo"};
        try (WarehouseLoad load = warehouse.beginLoad("synthetic")) {
            TableAppender c = load.appender(Tables.CUSTOMERS);
            for (int i = 0; i < customers; i++) {
                c.append(new Object[] {
                    "c" + i,
                    null,
                    names[i % names.length],
                    null,
                    cities[i % cities.length],
                    "UK",
                    null,
                    true,
                    i % 100 == 0
                });
            }
            TableAppender p = load.appender(Tables.PRODUCTS);
            for (int i = 0; i < products; i++) {
                p.append(new Object[] {
                    "p" + i,
                    "Product number " + i,
                    null,
                    "category-" + (i % 50),
                    1 + random.nextInt(20000) / 100.0,
                    "https://shop.example/products/p" + i,
                    "https://img.example/products/p" + i + ".jpg",
                    random.nextInt(10) != 0,
                    true
                });
            }
            load.commit(LocalDateTime.of(2024, 6, 1, 0, 0), null);
        }
        Path profile = dir.resolve("warehouse/customer_profiles/as_of=2024-06-01/part-00000.parquet");
        Files.createDirectories(profile.getParent());
        try (WarehouseSql sql = WarehouseSql.open(warehouse)) {
            sql.execute("COPY (SELECT 'c' || i AS customer_id, 'London' AS city, 'UK' AS country,"
                    + " 'category-' || (i % 50) AS favourite_category, CAST(i % 400 AS INTEGER) AS recency_days,"
                    + " CAST(1 + i % 12 AS BIGINT) AS frequency FROM range(" + customers + ") t(i)) TO "
                    + WarehouseSql.literal(profile.toString()) + " (FORMAT parquet)");
        }
        List<String> userIds = new ArrayList<>(customers);
        for (int i = 0; i < customers; i++) {
            userIds.add("c" + i);
        }
        List<String> itemIds = new ArrayList<>(products);
        for (int i = 0; i < products; i++) {
            itemIds.add("p" + i);
        }
        float[] uf = new float[customers * rank];
        float[] itf = new float[products * rank];
        for (int i = 0; i < uf.length; i++) {
            uf[i] = (float) (random.nextGaussian() * 0.1);
        }
        for (int i = 0; i < itf.length; i++) {
            itf[i] = (float) (random.nextGaussian() * 0.1);
        }
        int perUser = 5;
        int[] indptr = new int[customers + 1];
        int[] indices = new int[customers * perUser];
        float[] values = new float[customers * perUser];
        for (int u = 0; u < customers; u++) {
            indptr[u + 1] = indptr[u] + perUser;
            int start = random.nextInt(products - perUser);
            for (int j = 0; j < perUser; j++) {
                indices[u * perUser + j] = start + j;
                values[u * perUser + j] = 1;
            }
        }
        float[] popularity = new float[products];
        for (int i = 0; i < products; i++) {
            popularity[i] = random.nextInt(1000);
        }
        FactorModel model = new FactorModel(
                new IdIndex(userIds),
                new IdIndex(itemIds),
                new FloatMatrix(customers, rank, uf),
                new FloatMatrix(products, rank, itf),
                new SparseRows(customers, indptr, indices, values),
                popularity);
        ModelRegistry registry = new ModelRegistry(dir.resolve("registry"));
        registry.publish(
                "recommender-als",
                d -> {
                    ArtifactWriter w = ArtifactWriter.create(d);
                    model.writeTo(w);
                    return w.finish(
                            "recommender-als",
                            ModelType.FACTORS,
                            null,
                            null,
                            Map.of(),
                            Provenance.here("synthetic-random-factors", warehouse.fingerprint(), null, seed));
                },
                true);
        LogisticChurnModel churn = new LogisticChurnModel(
                new LogisticChurnModel.Parameters(
                        List.of("recency_days", "frequency"),
                        new double[] {200, 6},
                        new double[] {115, 3.5},
                        new double[] {1.2, -0.8},
                        -0.3,
                        new Calibration.None()),
                RiskTiers.DEFAULT);
        registry.publish(
                "churn",
                d -> {
                    ArtifactWriter w = ArtifactWriter.create(d);
                    churn.writeTo(w);
                    return w.finish(
                            "churn",
                            ModelType.CHURN_LOGISTIC,
                            churn.hyperparameters(Map.of()),
                            churn.featureSchema(),
                            Map.of(),
                            Provenance.here("synthetic", "-", null, seed));
                },
                true);
        Files.writeString(
                dir.resolve("ready"), customers + " customers, " + products + " products, rank " + rank + "\n");
    }
}
