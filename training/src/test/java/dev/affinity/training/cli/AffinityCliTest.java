package dev.affinity.training.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the real command line in-process and checks exit codes, summaries and error messages. */
class AffinityCliTest {
    @TempDir
    Path dir;

    record Outcome(int code, String out, String err) {}

    private static Outcome run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = AffinityCli.execute(args, new PrintWriter(out), new PrintWriter(err));
        return new Outcome(code, out.toString(), err.toString());
    }

    private Path file(String name, String content) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, content);
        return f;
    }

    @Test
    void helpListsEveryCommand() {
        Outcome help = run("--help");
        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("import", "quality", "features", "generate", "models");
        Outcome importHelp = run("import", "csv", "--help");
        assertThat(importHelp.out()).contains("--table", "--input", "--mapping", "--json", "--warehouse");
    }

    @Test
    void aMissingCommandOrBadOptionExitsTwoNamingIt() {
        assertThat(run().code()).isEqualTo(2);
        Outcome badDate = run("features", "--as-of", "2024-13-01", "--warehouse", dir.toString());
        assertThat(badDate.code()).isEqualTo(2);
        assertThat(badDate.err()).contains("--as-of", "2024-13-01");
        Outcome unknown = run("quality", "--colour");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("--colour");
    }

    @Test
    void readingAWarehouseThatDoesNotExistExitsTwoNamingIt() {
        Outcome r = run("quality", "--warehouse", dir.resolve("typo").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("no warehouse at", "typo");
        assertThat(dir.resolve("typo")).doesNotExist();
    }

    @Test
    void aMissingInputFileExitsTwoNamingTheFile() {
        Outcome r = run(
                "import",
                "online-retail",
                "--input",
                dir.resolve("absent.csv.gz").toString(),
                "--warehouse",
                dir.resolve("wh").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("absent.csv.gz");
    }

    @Test
    void aBadHeaderExitsTwoNamingFileAndLine() throws Exception {
        Path csv = file("retail.csv", "Invoice,Stock\n1,2\n");
        Outcome r = run(
                "import",
                "online-retail",
                "--input",
                csv.toString(),
                "--warehouse",
                dir.resolve("wh").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("retail.csv:1: expected header InvoiceNo,StockCode");
    }

    @Test
    void importThenQualityInJson() throws Exception {
        Path csv = file("products.csv", "sku,name,cat,price\nA1,Mug,Kitchen,4.5\nA2,Pan,Kitchen,-1\nA3,Bowl,,3\n");
        Path mapping = file(
                "products.json",
                "{\"columns\": {\"product_id\": \"sku\", \"title\": \"name\", \"category\": \"cat\", \"price\": \"price\"}}");
        String wh = dir.resolve("wh").toString();
        Outcome imported = run(
                "import",
                "csv",
                "--table",
                "products",
                "--input",
                csv.toString(),
                "--mapping",
                mapping.toString(),
                "--warehouse",
                wh,
                "--json");
        assertThat(imported.code()).isZero();
        JsonNode json = new ObjectMapper().readTree(imported.out());
        assertThat(json.at("/result/rowsRead").asLong()).isEqualTo(3);
        assertThat(json.at("/result/rowsLoaded").asLong()).isEqualTo(2);
        assertThat(json.at("/result/quarantinedByReason/NON_POSITIVE_PRICE").asLong())
                .isEqualTo(1);
        assertThat(json.at("/conserved").asBoolean()).isTrue();

        Outcome again = run(
                "import",
                "csv",
                "--table",
                "products",
                "--input",
                csv.toString(),
                "--mapping",
                mapping.toString(),
                "--warehouse",
                wh);
        assertThat(again.out()).contains("was loaded before; nothing changed");

        Outcome quality = run("quality", "--warehouse", wh, "--json");
        JsonNode report = new ObjectMapper().readTree(quality.out()).get("report");
        assertThat(report.at("/rowsByTable/products").asLong()).isEqualTo(2);
        assertThat(report.at("/quarantinedByTable/products/NON_POSITIVE_PRICE").asLong())
                .isEqualTo(1);
        assertThat(report.at("/quarantinedBySource/products.csv").asLong()).isEqualTo(1);
    }

    @Test
    void featuresWritesProfilesAndSaysWhere() throws Exception {
        Path csv = file("orders.csv", "order,customer,sku,qty,price,at\no1,c1,s1,1,5.0,2024-01-02 10:00\n");
        Path mapping = file(
                "orders.json",
                "{\"columns\": {\"order_id\": \"order\", \"customer_id\": \"customer\","
                        + " \"product_id\": \"sku\", \"quantity\": \"qty\", \"unit_price\": \"price\", \"ordered_at\": \"at\"}}");
        String wh = dir.resolve("wh").toString();
        assertThat(run(
                                "import",
                                "csv",
                                "--table",
                                "orders",
                                "--input",
                                csv.toString(),
                                "--mapping",
                                mapping.toString(),
                                "--warehouse",
                                wh)
                        .code())
                .isZero();
        assertThat(run(
                                "import",
                                "csv",
                                "--table",
                                "customers",
                                "--input",
                                file("c.csv", "id\nc1\n").toString(),
                                "--mapping",
                                file("c.json", "{\"columns\": {\"customer_id\": \"id\"}}")
                                        .toString(),
                                "--warehouse",
                                wh)
                        .code())
                .isZero();
        Outcome features = run("features", "--as-of", "2024-02-01", "--warehouse", wh);
        assertThat(features.code()).isZero();
        assertThat(features.out()).contains("1 customers written to").contains("as_of=2024-02-01");
    }

    @Test
    void affinityHomeMovesTheDefaults() {
        assertThat(AffinityHome.from(Map.of()).warehouse()).isEqualTo(Path.of("var/warehouse"));
        AffinityHome home = AffinityHome.from(Map.of("AFFINITY_HOME", "/srv/affinity"));
        assertThat(home.warehouse()).isEqualTo(Path.of("/srv/affinity/warehouse"));
        assertThat(home.registry()).isEqualTo(Path.of("/srv/affinity/models"));
    }
}
