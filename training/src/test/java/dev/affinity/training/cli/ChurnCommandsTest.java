package dev.affinity.training.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.affinity.models.artifact.ModelArtifact;
import dev.affinity.models.churn.ChurnArtifacts;
import dev.affinity.models.churn.ChurnScorer;
import dev.affinity.models.registry.ModelRegistry;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code train churn --csv} and {@code evaluate churn --csv} on a hand-made table: 600 customers,
 * churn driven by recency and plan (seed 5), with blank recencies (missing, not zero), a plan level
 * ("trial") that only appears in a handful of rows, and a bad label file variant.
 */
class ChurnCommandsTest {
    @TempDir
    Path dir;

    private record Result(int code, String out, String err) {}

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = AffinityCli.execute(args, new PrintWriter(out), new PrintWriter(err));
        return new Result(code, out.toString(), err.toString());
    }

    private Path table() throws Exception {
        Random random = new Random(5);
        StringBuilder csv = new StringBuilder("customer,recency_days,frequency,monetary,plan,email,left\n");
        String[] plans = {"basic", "gold"};
        for (int i = 0; i < 600; i++) {
            double recency = Math.floor(random.nextDouble() * 300);
            int frequency = 1 + random.nextInt(10);
            String plan = i % 97 == 0 ? "trial" : plans[random.nextInt(2)];
            double logit = -1.5 + 0.012 * recency - 0.15 * frequency + (plan.equals("gold") ? -0.8 : 0.4);
            boolean churned = random.nextDouble() < 1 / (1 + Math.exp(-logit));
            csv.append("c").append(i).append(',');
            csv.append(i % 10 == 3 ? "" : String.valueOf(recency)).append(',');
            csv.append(frequency).append(',');
            csv.append(frequency * 25.0).append(',');
            csv.append(plan).append(',');
            csv.append("user").append(i).append("@example.com,");
            csv.append(churned ? "yes" : "no").append('\n');
        }
        Path file = dir.resolve("customers.csv");
        Files.writeString(file, csv.toString());
        return file;
    }

    @Test
    void trainsOnACsvTableAndPublishesALoadableScorer() throws Exception {
        Path csv = table();
        Path registry = dir.resolve("models");
        Result r = run(
                "train",
                "churn",
                "--csv",
                csv.toString(),
                "--label",
                "left",
                "--positive",
                "yes",
                "--id",
                "customer",
                "--exclude",
                "email",
                "--registry",
                registry.toString(),
                "--promote",
                "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(r.out());
        JsonNode features = json.get("evaluation").get("features");
        assertThat(features.toString())
                .contains("recency_days", "plan=basic", "plan=gold")
                .doesNotContain("email", "customer");
        assertThat(json.get("evaluation").get("rows").get(0).get("model").asText())
                .isEqualTo("rfm-baseline");
        for (JsonNode row : json.get("evaluation").get("rows")) {
            assertThat(row.get("test").get("metrics").get("rocAuc").asDouble())
                    .as(row.get("model").asText())
                    .isGreaterThan(0.65);
            assertThat(row.get("test").get("deciles")).hasSize(10);
            assertThat(row.get("test").get("confusion")).hasSize(2);
        }
        ModelRegistry models = new ModelRegistry(registry);
        ModelArtifact artifact =
                ModelArtifact.open(models.current("churn").orElseThrow().dir());
        ChurnScorer scorer = ChurnArtifacts.read(artifact);
        // A blank value and an unseen level are tolerated at scoring time too.
        var risky = scorer.score(Map.of("recency_days", 280.0, "frequency", 1.0, "monetary", 25.0, "plan=basic", 1.0));
        var safe = scorer.score(Map.of("recency_days", 5.0, "frequency", 9.0, "monetary", 225.0, "plan=gold", 1.0));
        var unseen = scorer.score(Map.of("frequency", 3.0, "plan=platinum", 1.0));
        assertThat(risky.probability()).isGreaterThan(safe.probability());
        assertThat(unseen.probability()).isBetween(0.0, 1.0);
        assertThat(artifact.manifest().metric("test", "roc_auc")).isGreaterThan(0.65);
    }

    @Test
    void evaluatesACsvTableAsMarkdown() throws Exception {
        Path md = dir.resolve("churn.md");
        Result r = run(
                "evaluate",
                "churn",
                "--csv",
                table().toString(),
                "--label",
                "left",
                "--positive",
                "yes",
                "--id",
                "customer",
                "--exclude",
                "email",
                "--models",
                "logistic,xgboost",
                "--calibration",
                "isotonic",
                "--markdown",
                md.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out())
                .contains("| rfm-baseline |", "| logistic", "| xgboost", "| lift |", "| flagged when score >= |");
        assertThat(r.out()).contains(Files.readString(md).strip());
    }

    @Test
    void badInputNamesTheColumnOrLine() throws Exception {
        Path csv = table();
        Result noColumn = run(
                "evaluate",
                "churn",
                "--csv",
                csv.toString(),
                "--label",
                "churned",
                "--positive",
                "yes",
                "--id",
                "customer");
        assertThat(noColumn.code()).isEqualTo(2);
        assertThat(noColumn.err()).contains("--label: no column 'churned'");

        Result oneClass = run(
                "evaluate",
                "churn",
                "--csv",
                csv.toString(),
                "--label",
                "left",
                "--positive",
                "maybe",
                "--id",
                "customer");
        assertThat(oneClass.code()).isEqualTo(2);
        assertThat(oneClass.err()).contains("label column 'left' has one class", "no row is 'maybe'");

        Path ragged = dir.resolve("ragged.csv");
        Files.writeString(ragged, "customer,recency_days,left\nc1,3,yes\nc2,4\nc3,5,no\n");
        Result r = run(
                "evaluate",
                "churn",
                "--csv",
                ragged.toString(),
                "--label",
                "left",
                "--positive",
                "yes",
                "--id",
                "customer");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("ragged.csv", "3", "has 2 fields, the header has 3");

        Result noAsOf =
                run("evaluate", "churn", "--warehouse", dir.resolve("none").toString());
        assertThat(noAsOf.code()).isEqualTo(2);
        assertThat(noAsOf.err()).contains("--as-of is required");

        Result tiers = run(
                "evaluate",
                "churn",
                "--csv",
                csv.toString(),
                "--label",
                "left",
                "--positive",
                "yes",
                "--id",
                "customer",
                "--medium-from",
                "80",
                "--high-above",
                "70");
        assertThat(tiers.code()).isEqualTo(2);
        assertThat(tiers.err()).contains("--medium-from / --high-above");
    }
}
