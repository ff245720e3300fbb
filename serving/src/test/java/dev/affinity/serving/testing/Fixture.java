package dev.affinity.serving.testing;

import dev.affinity.features.warehouse.TableAppender;
import dev.affinity.features.warehouse.Tables;
import dev.affinity.features.warehouse.Warehouse;
import dev.affinity.features.warehouse.WarehouseLoad;
import dev.affinity.features.warehouse.WarehouseSql;
import dev.affinity.models.artifact.ArtifactWriter;
import dev.affinity.models.artifact.FloatMatrix;
import dev.affinity.models.artifact.IdIndex;
import dev.affinity.models.artifact.Provenance;
import dev.affinity.models.artifact.SparseRows;
import dev.affinity.models.churn.Calibration;
import dev.affinity.models.churn.LogisticChurnModel;
import dev.affinity.models.churn.RiskTiers;
import dev.affinity.models.recommend.FactorModel;
import dev.affinity.models.recommend.RecommenderModel;
import dev.affinity.models.registry.ModelRegistry;
import dev.affinity.models.registry.ModelVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/**
 * A hand-made warehouse and registry whose answers are worked out by hand in the comments.
 *
 * <pre>
 * items (rank 2)   factors   popularity  catalog
 *   p1 Mug         (1, 0)    5           Kitchen 10.0 in stock
 *   p2 Plate       (0, 1)    4           Kitchen 20.0 in stock
 *   p3 Rake *      (1, 1)    3           Garden  30.0 in stock
 *   p4 Spade       (2, 0)    2           Garden  40.0 OUT of stock
 *   p5 Lamp        (0, 2)    1           Home    50.0 in stock, no image url
 *   (* its title is 'Rake <script>alert("x")</script>', which every HTML answer must escape)
 *   (POST, postage, is in the catalog but not merchandise and not in the model)
 *
 * users   factors    history   warehouse
 *   u1    (1, 0.5)   p1 p2     Ada, London, profile (recency 10, frequency 5, monetary 600, AOV 120,
 *                              last order 2024-05-22, r 5 f 5, last purchase p1 Mug)
 *   u2    (0, 1)     p4 p5     Bob (last name O'Brien <b>&), Paris, profile (recency 200, frequency 1, monetary 50, AOV 50,
 *                              last order 2023-11-14, r 1 f 1, last purchase p4 Spade)
 *   u3    (1, 1)     p1        not in the warehouse
 *   u5    (1, 0)     p1 p2     Eve, do_not_sell = true
 *   u4    -          -         Dan, in the warehouse only (a new user)
 *
 * u1 scores: p1 1, p2 0.5, p3 1.5, p4 2, p5 1; without purchases: p4 2 (because p1: cosine 1),
 *   p3 1.5 (p1 and p2 tie at 0.707; the lower position wins: p1), p5 1 (because p2).
 * u2 scores: p1 0, p2 1, p3 1, p4 0, p5 2; without purchases: p2 1, p3 1 (tie: model order), p1 0.
 * popular: p1 p2 p3 p4 p5.
 * churn (logistic; means 100, 3; scales 50, 2; coefficients +1 on recency_days, -0.5 on frequency):
 *   u1: logit -1.8 - 0.5 = -2.3, p = 0.0911, score 9, LOW, reasons recency_days (-1.8), frequency (-0.5)
 *   u2: logit 2.0 + 0.5 = 2.5, p = 0.9241, score 92, HIGH
 *
 * segments at {@link #NOW} (the bundled rules; labels by priority):
 *   u1: Loyal Customers (10: frequency 5 > 3, AOV 120 > 100), Recent High-Spenders (20: recency 10,
 *       monetary 600), Champions (RFM r 5 f 5, 200); not Loyal and Slipping (10 days since the last order)
 *   u2: At Risk of Churn (15: churn tier high), One-Time Buyers (30), Lost (RFM r 1 f 1, 200)
 *   u4: No Orders Yet (no profile row)
 * </pre>
 */
public final class Fixture {
    /** The clock of the test servers: the profile snapshot's date. */
    public static final java.time.Instant NOW = java.time.Instant.parse("2024-06-01T00:00:00Z");

    /** The title of p3. */
    public static final String SCRIPT_TITLE = "Rake <script>alert(\"x\")</script>";

    private Fixture() {}

    /** The hand-made factor model; {@code u1Factor0} lets a second version differ. */
    public static FactorModel factorModel(float u1Factor0) {
        IdIndex users = new IdIndex(List.of("u1", "u2", "u3", "u5"));
        IdIndex items = new IdIndex(List.of("p1", "p2", "p3", "p4", "p5"));
        FloatMatrix userFactors = new FloatMatrix(4, 2, new float[] {u1Factor0, 0.5f, 0, 1, 1, 1, 1, 0});
        FloatMatrix itemFactors = new FloatMatrix(5, 2, new float[] {1, 0, 0, 1, 1, 1, 2, 0, 0, 2});
        SparseRows userItems = new SparseRows(
                4, new int[] {0, 2, 4, 5, 7}, new int[] {0, 1, 3, 4, 0, 0, 1}, new float[] {1, 1, 1, 1, 1, 1, 1});
        return new FactorModel(users, items, userFactors, itemFactors, userItems, new float[] {5, 4, 3, 2, 1});
    }

    /** The churn model of the class comment. */
    public static LogisticChurnModel churnModel() {
        return new LogisticChurnModel(
                new LogisticChurnModel.Parameters(
                        List.of("recency_days", "frequency"),
                        new double[] {100, 3},
                        new double[] {50, 2},
                        new double[] {1.0, -0.5},
                        0.0,
                        new Calibration.None()),
                RiskTiers.DEFAULT);
    }

    /** Publishes {@code model} as {@code name} and makes it current. */
    public static ModelVersion publish(ModelRegistry registry, String name, RecommenderModel model) {
        return registry.publish(
                name,
                dir -> {
                    ArtifactWriter writer = ArtifactWriter.create(dir);
                    model.writeTo(writer);
                    return writer.finish(
                            name, model.type(), null, null, Map.of(), Provenance.here("hand-made", "fixture", null, 7));
                },
                true);
    }

    /** Publishes the churn model as {@code churn} and makes it current. */
    public static ModelVersion publishChurn(ModelRegistry registry) {
        LogisticChurnModel model = churnModel();
        return registry.publish(
                "churn",
                dir -> {
                    ArtifactWriter writer = ArtifactWriter.create(dir);
                    model.writeTo(writer);
                    return writer.finish(
                            "churn",
                            dev.affinity.models.artifact.ModelType.CHURN_LOGISTIC,
                            model.hyperparameters(Map.of()),
                            model.featureSchema(),
                            Map.of(),
                            Provenance.here("hand-made", "fixture", null, 7));
                },
                true);
    }

    /** Writes the warehouse of the class comment (customers, products, orders, a profile snapshot). */
    public static Warehouse warehouse(Path dir) throws Exception {
        Warehouse warehouse = Warehouse.open(dir);
        try (WarehouseLoad load = warehouse.beginLoad("fixture")) {
            TableAppender customers = load.appender(Tables.CUSTOMERS);
            customers.append(customer("u1", "Ada", "London", false));
            customers.append(customer("u2", "Bob", "Paris", false));
            customers.append(customer("u4", "Dan", null, false));
            customers.append(customer("u5", "Eve", "Rome", true));
            TableAppender products = load.appender(Tables.PRODUCTS);
            products.append(product("p1", "Mug", "Kitchen", 10.0, true, true));
            products.append(product("p2", "Plate", "Kitchen", 20.0, true, true));
            products.append(product("p3", SCRIPT_TITLE, "Garden", 30.0, true, true));
            products.append(product("p4", "Spade", "Garden", 40.0, false, true));
            products.append(product("p5", "Lamp", "Home", 50.0, true, true));
            products.append(product("POST", "Postage", null, 5.0, true, false));
            TableAppender orders = load.appender(Tables.ORDERS);
            LocalDateTime t = LocalDateTime.of(2024, 5, 1, 10, 0);
            // Warehouse popularity (distinct buyers): p5 3, p3 2, p1 1.
            orders.append(order("o1", "u1", "p5", t));
            orders.append(order("o2", "u2", "p5", t));
            orders.append(order("o3", "u4", "p5", t));
            orders.append(order("o4", "u1", "p3", t));
            orders.append(order("o5", "u2", "p3", t));
            orders.append(order("o6", "u1", "p1", t));
            load.commit(t, null);
        }
        Path profile = dir.resolve("customer_profiles/as_of=2024-06-01/part-00000.parquet");
        Files.createDirectories(profile.getParent());
        try (WarehouseSql sql = WarehouseSql.open(warehouse)) {
            sql.execute("COPY (SELECT * FROM (VALUES"
                    + " ('u1', 'London', 'UK', 'Kitchen', 10, CAST(5 AS BIGINT), 600.0, 120.0,"
                    + " TIMESTAMP '2024-05-22 00:00:00', 5, 5, 'p1', 'Mug', 'Kitchen'),"
                    + " ('u2', 'Paris', 'FR', NULL, 200, CAST(1 AS BIGINT), 50.0, 50.0,"
                    + " TIMESTAMP '2023-11-14 00:00:00', 1, 1, 'p4', 'Spade', 'Garden'))"
                    + " AS t(customer_id, city, country, favourite_category, recency_days, frequency, monetary,"
                    + " avg_order_value, last_order_at, r_score, f_score, last_purchased_product_id,"
                    + " last_purchased_item, last_purchase_category)) TO "
                    + WarehouseSql.literal(profile.toString()) + " (FORMAT parquet)");
        }
        return warehouse;
    }

    private static Object[] customer(String id, String firstName, String city, boolean doNotSell) {
        String lastName = id.equals("u2") ? "O'Brien <b>&" : "X";
        return new Object[] {id, id + "@example.com", firstName, lastName, city, null, null, true, doNotSell};
    }

    private static Object[] product(
            String id, String title, String category, double price, boolean inStock, boolean merchandise) {
        return new Object[] {
            id,
            title,
            null,
            category,
            price,
            "https://shop.example/p/" + id,
            id.equals("p5") ? null : "https://img.example/" + id + ".jpg",
            inStock,
            merchandise
        };
    }

    private static Object[] order(String orderId, String customer, String product, LocalDateTime at) {
        return new Object[] {orderId, 1, customer, product, 1, 10.0, at, null, null};
    }
}
