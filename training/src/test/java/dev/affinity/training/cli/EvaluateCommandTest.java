package dev.affinity.training.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluateCommandTest {
    @TempDir
    Path dir;

    private record Outcome(int code, String out, String err) {}

    private static Outcome run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = AffinityCli.execute(args, new PrintWriter(out), new PrintWriter(err));
        return new Outcome(code, out.toString(), err.toString());
    }

    /** 30 users; users of group g like items g*5 .. g*5+4 (three groups), so neighbours find the rest. */
    private Path ratings() throws Exception {
        StringBuilder b = new StringBuilder();
        for (int u = 0; u < 30; u++) {
            int group = u % 3;
            for (int i = 0; i < 5; i++) {
                if ((u + i) % 5 != 0) {
                    b.append(u).append('\t').append(group * 5 + i).append("\t5\t0\n");
                }
            }
        }
        b.append("99\t0\t5\t0\n99\t1\t5\t0\n99\t2\t5\t0\n99\t3\t5\t0\n99\t4\t5\t0\n"); // a popular first group
        Path file = dir.resolve("u.data");
        Files.writeString(file, b.toString());
        return file;
    }

    @Test
    void holdoutLeaderboardOnARatingsFile() throws Exception {
        Path md = dir.resolve("board.md");
        Outcome r = run(
                "evaluate",
                "recs",
                "--protocol",
                "holdout",
                "--ratings",
                ratings().toString(),
                "--models",
                "popularity,item-knn",
                "--k",
                "2,4",
                "--ratio",
                "0.25",
                "--min-items",
                "3",
                "--markdown",
                md.toString(),
                "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode rows = new ObjectMapper().readTree(r.out()).at("/leaderboard/rows");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).get("model").asText()).isEqualTo("popularity");
        assertThat(rows.get(1).get("model").asText()).isEqualTo("item-knn");
        assertThat(rows.get(1).at("/metrics/0/k").asInt()).isEqualTo(2);
        // Item-kNN sees the three groups; popularity only knows the first group is popular.
        assertThat(rows.get(1).at("/metrics/1/recall").asDouble())
                .isGreaterThan(rows.get(0).at("/metrics/1/recall").asDouble());
        assertThat(Files.readString(md)).contains("| item-knn |", "Recall@4");
    }

    @Test
    void badOptionsAreNamed() throws Exception {
        Outcome protocol = run(
                "evaluate",
                "recs",
                "--protocol",
                "sideways",
                "--ratings",
                ratings().toString());
        assertThat(protocol.code()).isEqualTo(2);
        assertThat(protocol.err()).contains("--protocol", "sideways");
        Outcome temporalRatings = run("evaluate", "recs", "--ratings", ratings().toString());
        assertThat(temporalRatings.code()).isEqualTo(2);
        assertThat(temporalRatings.err()).contains("--ratings has no dates");
        Outcome model = run(
                "evaluate",
                "recs",
                "--protocol",
                "holdout",
                "--ratings",
                ratings().toString(),
                "--models",
                "magic");
        assertThat(model.code()).isEqualTo(2);
        assertThat(model.err()).contains("unknown recommender 'magic'");
        Outcome noWarehouse =
                run("evaluate", "recs", "--warehouse", dir.resolve("none").toString(), "--as-of", "2011-09-01");
        assertThat(noWarehouse.code()).isEqualTo(2);
        assertThat(noWarehouse.err()).contains("no warehouse at");
    }

    /** 60 users in three taste groups of 8 items; each user rates 6 of their group's items, dated 2024-01-d. */
    private Path datedRatings() throws Exception {
        StringBuilder b = new StringBuilder();
        for (int u = 0; u < 60; u++) {
            int group = u % 3;
            for (int j = 0; j < 6; j++) {
                int item = group * 8 + (u + j) % 8;
                b.append('u')
                        .append(u)
                        .append('\t')
                        .append('i')
                        .append(item)
                        .append('\t')
                        .append(j == 5 ? 2 : 5);
                b.append('\t')
                        .append(String.format(java.util.Locale.ROOT, "2024-01-%02d", 1 + j * 5))
                        .append('\n');
            }
        }
        Path file = dir.resolve("dated.tsv");
        Files.writeString(file, b.toString());
        return file;
    }

    @Test
    void importedInteractionsAreEvaluatedWithHeldOutUsersAndTemporally() throws Exception {
        String warehouse = dir.resolve("wh").toString();
        Outcome imported = run(
                "import",
                "interactions",
                "--warehouse",
                warehouse,
                "--input",
                datedRatings().toString(),
                "--dataset",
                "tastes",
                "--no-header",
                "--sep",
                "tab",
                "--user-col",
                "1",
                "--item-col",
                "2",
                "--weight-col",
                "3",
                "--time-col",
                "4",
                "--json");
        assertThat(imported.code()).as(imported.err()).isZero();
        assertThat(new ObjectMapper()
                        .readTree(imported.out())
                        .at("/result/rowsLoaded")
                        .asLong())
                .isEqualTo(360);

        Outcome users = run(
                "evaluate",
                "recs",
                "--warehouse",
                warehouse,
                "--interactions",
                "tastes",
                "--min-weight",
                "4",
                "--protocol",
                "held-out-users",
                "--user-ratio",
                "0.25",
                "--ratio",
                "0.4",
                "--models",
                "popularity,item-knn",
                "--k",
                "5",
                "--json");
        assertThat(users.code()).as(users.err()).isZero();
        JsonNode board = new ObjectMapper().readTree(users.out()).at("/leaderboard");
        assertThat(board.at("/protocol").asText()).contains("held-out-users", "25% of users");
        JsonNode rows = board.at("/rows");
        // 15 of the 60 users are held out; each keeps 5 positives (the weight-2 rating is ignored).
        assertThat(rows.get(1).at("/metrics/0/users").asInt()).isEqualTo(15);
        // Folded in from their own group's items, item-kNN finds the group; popularity cannot.
        assertThat(rows.get(1).at("/metrics/0/recall").asDouble()).isGreaterThan(0.9);
        assertThat(rows.get(0).at("/metrics/0/recall").asDouble()).isLessThan(0.5);

        Outcome temporal = run(
                "evaluate",
                "recs",
                "--warehouse",
                warehouse,
                "--interactions",
                "tastes",
                "--min-weight",
                "4",
                "--protocol",
                "temporal",
                "--as-of",
                "2024-01-15",
                "--horizon-days",
                "10",
                "--models",
                "item-knn",
                "--k",
                "5",
                "--json");
        assertThat(temporal.code()).as(temporal.err()).isZero();
        // Every user rated 3 items before the 15th and 2 in the window (the 16th and 21st).
        assertThat(new ObjectMapper()
                        .readTree(temporal.out())
                        .at("/leaderboard/rows/0/metrics/0/users")
                        .asInt())
                .isEqualTo(60);

        Outcome missing =
                run("evaluate", "recs", "--warehouse", warehouse, "--interactions", "nope", "--protocol", "holdout");
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("interaction dataset 'nope' has no rows");
    }
}
