package dev.affinity.features.generate;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Third-party attributes for a share of customers, one {@code enrichment} row per attribute: an age
 * band, an income band and a household size, each present with probability {@value #ATTRIBUTE_SHARE}.
 * They carry no planted signal.
 */
final class EnrichmentAttributes {
    /** Share of customers the provider knows. */
    static final double COVERAGE = 0.4;
    /** Chance that a known customer has each attribute. */
    static final double ATTRIBUTE_SHARE = 0.85;
    /** The provider name recorded with each row. */
    static final String PROVIDER = "acme-data";

    private static final List<String> AGE_BANDS = List.of("18-24", "25-34", "35-44", "45-54", "55-64", "65+");
    private static final List<String> INCOME_BANDS = List.of("low", "middle", "high", "very_high");

    private final double[] ageCdf = RandomDraws.cumulative(new double[] {12, 24, 21, 18, 14, 11});
    private final double[] incomeCdf = RandomDraws.cumulative(new double[] {25, 45, 22, 8});
    private final double[] householdCdf = RandomDraws.cumulative(new double[] {28, 35, 16, 14, 7});

    private final GeneratedRows rows;
    private final Window window;

    EnrichmentAttributes(GeneratorConfig config, GeneratedRows rows) {
        this.rows = rows;
        this.window = Window.of(config);
    }

    /** Writes {@code customer}'s attributes, if the provider knows them, drawing from {@code r}. */
    void simulate(SyntheticCustomer customer, SplittableRandom r) {
        if (r.nextDouble() >= COVERAGE) {
            return;
        }
        long observedAt = window.start() + r.nextLong(window.seconds());
        if (r.nextDouble() < ATTRIBUTE_SHARE) {
            write(customer, "age_band", AGE_BANDS.get(RandomDraws.pick(r, ageCdf)), observedAt);
        }
        if (r.nextDouble() < ATTRIBUTE_SHARE) {
            write(customer, "income_band", INCOME_BANDS.get(RandomDraws.pick(r, incomeCdf)), observedAt);
        }
        if (r.nextDouble() < ATTRIBUTE_SHARE) {
            write(customer, "household_size", Integer.toString(1 + RandomDraws.pick(r, householdCdf)), observedAt);
        }
    }

    private void write(SyntheticCustomer customer, String attribute, String value, long observedAt) {
        rows.enrichment(customer.id(), attribute, value, PROVIDER, observedAt);
    }
}
