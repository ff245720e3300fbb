package dev.affinity.bench.segments;

import dev.affinity.features.segments.ProfileFields;
import dev.affinity.features.segments.SegmentConfig;
import dev.affinity.features.segments.SegmentDefinition;
import dev.affinity.features.segments.SegmentSet;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Evaluating 20 segment rules (plus the RFM map) for one profile, as the server does per request,
 * against a baseline of the same 20 conditions written as plain Java over the same row: the
 * ceiling a compiled rule could reach.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SegmentBenchmark {
    private static final LocalDateTime NOW = LocalDateTime.of(2011, 9, 1, 0, 0);
    private static final String[] CITIES = {"New York", "Boston", "London", "Paris", "Berlin"};

    private SegmentSet set;
    private Object[][] rows;
    private int next;
    private int frequency;
    private int monetary;
    private int recency;
    private int aov;
    private int city;
    private int lastOrder;

    /** 20 rules of the kinds marketers write: thresholds, ranges, lists, functions, nesting. */
    static List<SegmentDefinition> twentyRules() {
        List<SegmentDefinition> rules = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            rules.add(new SegmentDefinition("Loyal " + i, null, "frequency > " + (i + 2) + " and avg_order_value > " + (50 + 25 * i), null, i, true));
            rules.add(new SegmentDefinition("Spenders " + i, null, "city == '" + CITIES[i] + "' and recency_days <= 30 and monetary >= " + (200 * i), null, 10 + i, true));
            rules.add(new SegmentDefinition("Slipping " + i, null, "days_since(last_order_at) between " + (30 * i) + " and " + (30 * i + 90), "Loyal " + i, 20 + i, true));
            rules.add(new SegmentDefinition("Mixed " + i, null, "city in ('London', 'Paris') or not (monetary / frequency > " + (100 + i) + ")", null, 30 + i, true));
        }
        return rules;
    }

    @Setup
    public void setUp() {
        ProfileFields fields = ProfileFields.customerProfiles();
        set = SegmentSet.compile(new SegmentConfig(twentyRules(), null), fields);
        SplittableRandom random = new SplittableRandom(7);
        rows = new Object[4096][];
        for (int i = 0; i < rows.length; i++) {
            Map<String, Object> p = new HashMap<>();
            int f = 1 + random.nextInt(12);
            double m = f * (20 + random.nextDouble() * 300);
            p.put("frequency", f);
            p.put("monetary", m);
            p.put("avg_order_value", m / f);
            p.put("recency_days", random.nextInt(365));
            p.put("city", CITIES[random.nextInt(CITIES.length)]);
            p.put("last_order_at", NOW.minusDays(random.nextInt(365)));
            p.put("r_score", 1 + random.nextInt(5));
            p.put("f_score", 1 + random.nextInt(5));
            rows[i] = fields.row(p);
        }
        frequency = fields.indexOf("frequency");
        monetary = fields.indexOf("monetary");
        recency = fields.indexOf("recency_days");
        aov = fields.indexOf("avg_order_value");
        city = fields.indexOf("city");
        lastOrder = fields.indexOf("last_order_at");
    }

    private Object[] nextRow() {
        next = (next + 1) & (rows.length - 1);
        return rows[next];
    }

    /** All 20 rules and the RFM label through the rule engine, ordered by priority. */
    @Benchmark
    public List<String> ruleEngine() {
        return set.labels(nextRow(), NOW);
    }

    /** The same 20 conditions as hand-written Java (no missing-value handling), plus the RFM label. */
    @Benchmark
    public List<String> handWritten() {
        Object[] row = nextRow();
        double f = (Double) row[frequency];
        double m = (Double) row[monetary];
        double r = (Double) row[recency];
        double a = (Double) row[aov];
        String c = (String) row[city];
        long days = java.time.Duration.between((LocalDateTime) row[lastOrder], NOW).toDays();
        List<String> labels = new ArrayList<>(8);
        boolean[] loyal = new boolean[5];
        for (int i = 0; i < 5; i++) {
            loyal[i] = f > i + 2 && a > 50 + 25 * i;
            if (loyal[i]) {
                labels.add("Loyal " + i);
            }
            if (c.equals(CITIES[i]) && r <= 30 && m >= 200 * i) {
                labels.add("Spenders " + i);
            }
            if (loyal[i] && days >= 30 * i && days <= 30 * i + 90) {
                labels.add("Slipping " + i);
            }
            if (c.equals("London") || c.equals("Paris") || !(m / f > 100 + i)) {
                labels.add("Mixed " + i);
            }
        }
        labels.add(set.rfmSegment(row));
        return labels;
    }
}
