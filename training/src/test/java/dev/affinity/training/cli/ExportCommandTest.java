package dev.affinity.training.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.affinity.features.profiles.CustomerProfiles;
import dev.affinity.features.progress.Progress;
import dev.affinity.features.segments.ProfileFields;
import dev.affinity.features.segments.SegmentConfig;
import dev.affinity.features.segments.SegmentSet;
import dev.affinity.features.warehouse.Warehouse;
import dev.affinity.models.churn.ChurnArtifacts;
import dev.affinity.models.churn.ChurnScore;
import dev.affinity.models.churn.ChurnScorer;
import dev.affinity.models.registry.ModelRegistry;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportCommandTest {
    private static final LocalDate AS_OF = LocalDate.of(2024, 2, 1);

    @TempDir
    Path dir;

    private Path wh;
    private Path registry;

    private record Result(int code, String out, String err) {}

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = AffinityCli.execute(args, new PrintWriter(out), new PrintWriter(err));
        return new Result(code, out.toString(), err.toString());
    }

    private void ok(String... args) {
        Result r = run(args);
        assertThat(r.code()).as(String.join(" ", args) + "\n" + r.err()).isZero();
    }

    private Path write(String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    /**
     * 12 customers in two taste groups: even ones buy a1..a4, odd ones b1..b4, each missing one
     * (customer c missing item (c/2)%4+1). c0 bought a2, a3, a4; the item-KNN model recommends only
     * a1 to them: the b items were never bought with an a item, so they are no one's neighbours. c1 opted out of
     * personalization. c3's first name needs CSV quoting.
     */
    @BeforeEach
    void warehouse() throws Exception {
        wh = dir.resolve("wh");
        registry = dir.resolve("models");
        StringBuilder orders = new StringBuilder("order,customer,sku,qty,price,at\n");
        for (int c = 0; c < 12; c++) {
            String group = c % 2 == 0 ? "a" : "b";
            for (int i = 1; i <= 4; i++) {
                if ((c / 2) % 4 + 1 != i) {
                    orders.append(String.format(
                            Locale.ROOT, "o%d-%d,c%d,%s%d,1,5.0,2024-01-%02d 10:00%n", c, i, c, group, i, 1 + i + c));
                }
            }
        }
        ok(
                "import",
                "csv",
                "--table",
                "orders",
                "--input",
                write("orders.csv", orders.toString()).toString(),
                "--mapping",
                write(
                                "orders.json",
                                "{\"columns\": {\"order_id\": \"order\", \"customer_id\": \"customer\","
                                        + " \"product_id\": \"sku\", \"quantity\": \"qty\", \"unit_price\": \"price\","
                                        + " \"ordered_at\": \"at\"}}")
                        .toString(),
                "--warehouse",
                wh.toString());
        ok(
                "import",
                "csv",
                "--table",
                "products",
                "--input",
                write("products.csv", "sku,title\na1,A1\na2,A2\na3,A3\na4,A4\nb1,B1\nb2,B2\nb3,B3\nb4,B4\n")
                        .toString(),
                "--mapping",
                write("products.json", "{\"columns\": {\"product_id\": \"sku\", \"title\": \"title\"}}")
                        .toString(),
                "--warehouse",
                wh.toString());
        StringBuilder customers = new StringBuilder("id,first,city,dns\n");
        for (int c = 0; c < 12; c++) {
            String first = c == 3 ? "\"O'Neil, \"\"Jo\"\"\"" : "Name" + c;
            customers
                    .append("c")
                    .append(c)
                    .append(',')
                    .append(first)
                    .append(",Lyon,")
                    .append(c == 1)
                    .append('\n');
        }
        ok(
                "import",
                "csv",
                "--table",
                "customers",
                "--input",
                write("customers.csv", customers.toString()).toString(),
                "--mapping",
                write(
                                "customers.json",
                                "{\"columns\": {\"customer_id\": \"id\", \"first_name\": \"first\","
                                        + " \"city\": \"city\", \"do_not_sell\": \"dns\"}}")
                        .toString(),
                "--warehouse",
                wh.toString());
        ok("features", "--as-of", AS_OF.toString(), "--warehouse", wh.toString());
        ok(
                "train",
                "recs",
                "--warehouse",
                wh.toString(),
                "--registry",
                registry.toString(),
                "--as-of",
                AS_OF.toString(),
                "--models",
                "item-knn",
                "--validation-ratio",
                "0.3",
                "--k",
                "3",
                "--promote");
        ok(
                "train",
                "churn",
                "--csv",
                churnTable().toString(),
                "--label",
                "left",
                "--positive",
                "yes",
                "--id",
                "customer",
                "--registry",
                registry.toString(),
                "--promote",
                "--models",
                "logistic");
    }

    /** Customers with a planted churn rule on the profile fields recency_days and frequency. */
    private Path churnTable() throws Exception {
        Random random = new Random(5);
        StringBuilder csv = new StringBuilder("customer,recency_days,frequency,left\n");
        for (int i = 0; i < 600; i++) {
            double recency = Math.floor(random.nextDouble() * 300);
            int frequency = 1 + random.nextInt(10);
            double logit = -1.5 + 0.012 * recency - 0.15 * frequency;
            boolean churned = random.nextDouble() < 1 / (1 + Math.exp(-logit));
            csv.append('x')
                    .append(i)
                    .append(',')
                    .append(recency)
                    .append(',')
                    .append(frequency)
                    .append(',');
            csv.append(churned ? "yes" : "no").append('\n');
        }
        return write("churn.csv", csv.toString());
    }

    @Test
    void csvHasOneRowPerCustomerWithRecommendationsChurnSegmentsAndTokens() throws Exception {
        Path out = dir.resolve("out/export.csv");
        Result r = run(
                "export",
                "--format",
                "csv",
                "--output",
                out.toString(),
                "--k",
                "3",
                "--warehouse",
                wh.toString(),
                "--registry",
                registry.toString(),
                "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode summary = new ObjectMapper().readTree(r.out());
        assertThat(summary.get("rows").asLong()).isEqualTo(12);
        assertThat(summary.get("personalizedRows").asLong()).isEqualTo(11); // all but the opted-out c1
        assertThat(summary.get("rowsPerSecond").asDouble()).isPositive();
        assertThat(summary.get("recommender").asText()).startsWith("recommender-item-knn@v");
        assertThat(r.err()).contains("export as of 2024-02-01: 12 of 12 (100%)");
        assertThat(Files.list(out.getParent()).map(p -> p.getFileName().toString()))
                .containsExactly("export.csv"); // no temporary file left

        List<CSVRecord> records = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new StringReader(Files.readString(out)))
                .getRecords();
        assertThat(records).hasSize(12);
        assertThat(records.get(0).getParser().getHeaderNames())
                .startsWith(
                        "customer_id",
                        "recommendations",
                        "recommendation_source",
                        "churn_score",
                        "churn_tier",
                        "segments",
                        "token_first_name")
                .contains("token_loyalty_tier", "token_orders_count");
        Map<String, CSVRecord> byId = new HashMap<>();
        records.forEach(rec -> byId.put(rec.get("customer_id"), rec));
        assertThat(records.get(0).get("customer_id")).isEqualTo("c0"); // in customer-id order

        CSVRecord c0 = byId.get("c0");
        assertThat(c0.get("recommendations")).isEqualTo("a1");
        assertThat(c0.get("recommendation_source")).isEqualTo("personalized");
        assertThat(c0.get("token_first_name")).isEqualTo("Name0");
        assertThat(c0.get("token_city")).isEqualTo("Lyon");
        assertThat(c0.get("token_orders_count")).isEqualTo("3");
        assertThat(c0.get("token_loyalty_tier")).isEqualTo("Member");

        // Churn and segments as the published model and the default segments give them for the profile.
        ChurnScorer scorer = ChurnArtifacts.read(new ModelRegistry(registry).openCurrent("churn"));
        Map<String, Map<String, Object>> profiles =
                new CustomerProfiles(Warehouse.openExisting(wh), Progress.NONE).read(AS_OF);
        Map<String, Object> profile = new HashMap<>(profiles.get("c0"));
        Map<String, Double> numbers = new HashMap<>();
        profile.forEach((key, v) -> {
            if (v instanceof Number n) {
                numbers.put(key, n.doubleValue());
            }
        });
        ChurnScore score = scorer.score(numbers, 0);
        assertThat(c0.get("churn_score")).isEqualTo(Integer.toString(score.score()));
        assertThat(c0.get("churn_tier")).isEqualTo(score.tier().name().toLowerCase(Locale.ROOT));
        profile.put("churn_score", (double) score.score());
        profile.put("churn_tier", score.tier().name().toLowerCase(Locale.ROOT));
        List<String> labels = SegmentSet.compile(SegmentConfig.defaults(), ProfileFields.customerProfiles())
                .labels(ProfileFields.customerProfiles().row(profile), AS_OF.atStartOfDay());
        assertThat(labels).isNotEmpty();
        assertThat(c0.get("segments")).isEqualTo(String.join("|", labels));

        // Quoting survives a comma and quotes in a name.
        assertThat(byId.get("c3").get("token_first_name")).isEqualTo("O'Neil, \"Jo\"");
        // The opted-out customer: popular items without their own, no churn, no segments, default tokens.
        CSVRecord c1 = byId.get("c1");
        assertThat(c1.get("recommendation_source")).isEqualTo("popular");
        assertThat(List.of(c1.get("recommendations").split("\\|"))).hasSize(3).doesNotContain("b2", "b3", "b4");
        assertThat(c1.get("churn_score")).isEmpty();
        assertThat(c1.get("segments")).isEmpty();
        assertThat(c1.get("token_first_name")).isEqualTo("Valued Customer");
    }

    @Test
    void jsonlHasOneObjectPerLineMatchingTheCsv() throws Exception {
        Path csv = dir.resolve("export.csv");
        Path jsonl = dir.resolve("export.jsonl");
        ok(
                "export",
                "--format",
                "csv",
                "--output",
                csv.toString(),
                "--k",
                "2",
                "--warehouse",
                wh.toString(),
                "--registry",
                registry.toString());
        Result r = run(
                "export",
                "--format",
                "JSONL",
                "--output",
                jsonl.toString(),
                "--k",
                "2",
                "--as-of",
                AS_OF.toString(),
                "--warehouse",
                wh.toString(),
                "--registry",
                registry.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("exported 12 customers", "rows/s", "recommender: recommender-item-knn@v");
        List<String> lines = Files.readAllLines(jsonl);
        assertThat(lines).hasSize(12);
        List<CSVRecord> records = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new StringReader(Files.readString(csv)))
                .getRecords();
        ObjectMapper mapper = new ObjectMapper();
        for (int i = 0; i < lines.size(); i++) {
            JsonNode line = mapper.readTree(lines.get(i));
            CSVRecord rec = records.get(i);
            assertThat(line.get("customer_id").asText()).isEqualTo(rec.get("customer_id"));
            List<String> items = new java.util.ArrayList<>();
            line.get("recommendations").forEach(item -> items.add(item.asText()));
            assertThat(items).isNotEmpty().hasSizeLessThanOrEqualTo(2);
            assertThat(String.join("|", items)).isEqualTo(rec.get("recommendations"));
            assertThat(
                            line.get("churn_score").isNull()
                                    ? ""
                                    : line.get("churn_score").asText())
                    .isEqualTo(rec.get("churn_score"));
            assertThat(line.get("tokens").get("first_name").asText()).isEqualTo(rec.get("token_first_name"));
        }
        JsonNode c1 = mapper.readTree(lines.get(1));
        assertThat(c1.get("customer_id").asText()).isEqualTo("c1");
        assertThat(c1.get("churn_score").isNull()).isTrue();
        assertThat(c1.get("segments")).isEmpty();
    }

    @Test
    void withoutModelsRecommendationsAndChurnAreBlank() throws Exception {
        Path out = dir.resolve("plain.jsonl");
        Result r = run(
                "export",
                "--format",
                "jsonl",
                "--output",
                out.toString(),
                "--warehouse",
                wh.toString(),
                "--registry",
                dir.resolve("no-registry").toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).contains("no current recommender");
        JsonNode c0 = new ObjectMapper().readTree(Files.readAllLines(out).get(0));
        assertThat(c0.get("recommendations")).isEmpty();
        assertThat(c0.get("recommendation_source").asText()).isEqualTo("none");
        assertThat(c0.get("churn_score").isNull()).isTrue();
        assertThat(c0.get("segments")).isNotEmpty();
    }

    @Test
    void aRegistryWithoutAChurnModelLeavesChurnBlank() throws Exception {
        Path onlyRecs = dir.resolve("only-recs");
        try (var files = Files.walk(registry)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path rel = registry.relativize(p);
                if (!rel.toString().startsWith("churn")) {
                    Files.copy(p, onlyRecs.resolve(rel.toString()));
                }
            }
        }
        Path out = dir.resolve("recs-only.csv");
        Result r = run(
                "export",
                "--format",
                "csv",
                "--output",
                out.toString(),
                "--warehouse",
                wh.toString(),
                "--registry",
                onlyRecs.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("churn: none (no current 'churn' model)");
        CSVRecord c0 = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new StringReader(Files.readString(out)))
                .getRecords()
                .get(0);
        assertThat(c0.get("recommendations")).isEqualTo("a1");
        assertThat(c0.get("churn_score")).isEmpty();
        assertThat(c0.get("churn_tier")).isEmpty();
    }

    @Test
    void badInputNamesTheOptionOrTheFix() throws Exception {
        Path out = dir.resolve("x.csv");
        Result bad = run("export", "--format", "xml", "--output", out.toString(), "--warehouse", wh.toString());
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("--format must be csv or jsonl, got 'xml'");
        Result k =
                run("export", "--format", "csv", "--k", "0", "--output", out.toString(), "--warehouse", wh.toString());
        assertThat(k.code()).isEqualTo(2);
        assertThat(k.err()).contains("--k must be 1..1000");
        Result missing = run(
                "export",
                "--format",
                "csv",
                "--output",
                out.toString(),
                "--as-of",
                "2020-01-01",
                "--warehouse",
                wh.toString(),
                "--registry",
                registry.toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err())
                .contains("no profile snapshot as of 2020-01-01", "affinity features --as-of 2020-01-01");
        Path empty = dir.resolve("empty-wh");
        ok(
                "import",
                "csv",
                "--table",
                "products",
                "--input",
                dir.resolve("products.csv").toString(),
                "--mapping",
                dir.resolve("products.json").toString(),
                "--warehouse",
                empty.toString());
        Result none = run("export", "--format", "csv", "--output", out.toString(), "--warehouse", empty.toString());
        assertThat(none.code()).isEqualTo(2);
        assertThat(none.err()).contains("no customer profile snapshot", "affinity features --as-of DATE");
        assertThat(out).doesNotExist();
    }
}
