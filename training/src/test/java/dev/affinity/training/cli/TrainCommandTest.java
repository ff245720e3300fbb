package dev.affinity.training.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.affinity.features.warehouse.Warehouse;
import dev.affinity.models.artifact.ModelArtifact;
import dev.affinity.models.recommend.CatalogItem;
import dev.affinity.models.recommend.ColdStartPolicy;
import dev.affinity.models.recommend.ItemCatalog;
import dev.affinity.models.recommend.ItemFilter;
import dev.affinity.models.recommend.RecommenderModel;
import dev.affinity.models.registry.ModelRegistry;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainCommandTest {
    @TempDir
    Path dir;

    private static int run(StringWriter out, String... args) {
        return AffinityCli.execute(args, new PrintWriter(out), new PrintWriter(new StringWriter()));
    }

    /** 12 customers in two taste groups; group A buys a1..a4, group B buys b1..b4, each missing one. */
    private Path orders() throws Exception {
        StringBuilder csv = new StringBuilder("order,customer,sku,qty,price,at\n");
        for (int c = 0; c < 12; c++) {
            String group = c % 2 == 0 ? "a" : "b";
            for (int i = 1; i <= 4; i++) {
                if ((c / 2) % 4 + 1 != i) {
                    csv.append("o")
                            .append(c)
                            .append(',')
                            .append("c")
                            .append(c)
                            .append(',')
                            .append(group)
                            .append(i)
                            .append(",1,5.0,2024-01-0")
                            .append(1 + i)
                            .append(" 10:00\n");
                }
            }
        }
        Path file = dir.resolve("orders.csv");
        Files.writeString(file, csv.toString());
        return file;
    }

    @Test
    void trainsValidatesAndPublishesLoadableRecommenders() throws Exception {
        Path mapping = dir.resolve("orders.json");
        Files.writeString(
                mapping,
                "{\"columns\": {\"order_id\": \"order\", \"customer_id\": \"customer\","
                        + " \"product_id\": \"sku\", \"quantity\": \"qty\", \"unit_price\": \"price\", \"ordered_at\": \"at\"}}");
        Path products = dir.resolve("products.csv");
        Files.writeString(products, "sku,title\na1,A1\na2,A2\na3,A3\na4,A4\nb1,B1\nb2,B2\nb3,B3\nb4,B4\n");
        Path productMapping = dir.resolve("products.json");
        Files.writeString(productMapping, "{\"columns\": {\"product_id\": \"sku\", \"title\": \"title\"}}");
        String wh = dir.resolve("wh").toString();
        String registry = dir.resolve("models").toString();
        StringWriter ignored = new StringWriter();
        assertThat(run(
                        ignored,
                        "import",
                        "csv",
                        "--table",
                        "orders",
                        "--input",
                        orders().toString(),
                        "--mapping",
                        mapping.toString(),
                        "--warehouse",
                        wh))
                .isZero();
        assertThat(run(
                        ignored,
                        "import",
                        "csv",
                        "--table",
                        "products",
                        "--input",
                        products.toString(),
                        "--mapping",
                        productMapping.toString(),
                        "--warehouse",
                        wh))
                .isZero();

        StringWriter out = new StringWriter();
        int code = run(
                out,
                "train",
                "recs",
                "--warehouse",
                wh,
                "--registry",
                registry,
                "--as-of",
                "2024-02-01",
                "--models",
                "popularity,item-knn",
                "--validation-ratio",
                "0.3",
                "--k",
                "3",
                "--promote",
                "--json");
        assertThat(code).as(out.toString()).isZero();
        var json = new ObjectMapper().readTree(out.toString());
        assertThat(json.get("users").asInt()).isEqualTo(12);
        assertThat(json.at("/published/1/model").asText()).isEqualTo("recommender-item-knn");

        ModelRegistry models = new ModelRegistry(Path.of(registry));
        assertThat(models.names()).containsExactly("recommender-item-knn", "recommender-popularity");
        ModelArtifact artifact = models.openCurrent("recommender-item-knn");
        assertThat(artifact.manifest().provenance().dataFingerprint())
                .isEqualTo(Warehouse.open(Path.of(wh)).fingerprint());
        assertThat(artifact.manifest().provenance().cutoff()).isEqualTo(LocalDate.of(2024, 2, 1));
        assertThat(artifact.manifest().metric("validation", "ndcg_at_3")).isBetween(0.0, 1.0);
        assertThat(artifact.manifest().metric("train", "interactions")).isEqualTo(36.0);

        // What serving will do: load the current model, bind it to the catalog and ask for c0 (group a, lacks a1).
        RecommenderModel model = RecommenderModel.readFrom(artifact);
        List<CatalogItem> catalog = List.of("a1", "a2", "a3", "a4", "b1", "b2", "b3", "b4").stream()
                .map(id -> new CatalogItem(id, id.toUpperCase(), null, Double.NaN, true, true))
                .toList();
        var recs = ItemCatalog.of(catalog)
                .bind(model, ColdStartPolicy.POPULAR)
                .recommend("c0", 1, ItemFilter.NONE.excludingPurchased());
        assertThat(recs.itemIds()).containsExactly("a1");
    }
}
