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
}
