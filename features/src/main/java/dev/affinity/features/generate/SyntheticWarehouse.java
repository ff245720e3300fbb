package dev.affinity.features.generate;

import dev.affinity.features.progress.Progress;
import dev.affinity.features.warehouse.Warehouse;
import dev.affinity.features.warehouse.WarehouseLoad;
import dev.affinity.features.warehouse.WarehouseManifest;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

/**
 * Generates a complete synthetic warehouse in one load: {@code customers}, {@code products}, {@code
 * orders}, {@code returns}, {@code events}, {@code email_events}, {@code enrichment}, and the planted
 * truth in {@link GeneratorTruth#TABLE}.
 *
 * <p>Deterministic: the same {@link GeneratorConfig} gives byte-identical part files. Streaming: the
 * catalog is built first, then customers one at a time, each from its own random stream derived
 * from the seed and its index, with its rows written as they are drawn; memory does not grow with
 * the number of customers or events.
 */
public final class SyntheticWarehouse {
    /** The source name loads are recorded under in the manifest. */
    public static final String SOURCE = "generator";

    /** Rows per Parquet part file. */
    public static final long ROWS_PER_PART = 4_000_000L;

    /** The progress step of the catalog, reported once when all products are written. */
    public static final String PRODUCTS_STEP = "generate products";

    /** The progress step of customers, reported once per customer with the total. */
    public static final String CUSTOMERS_STEP = "generate customers";

    static final long CUSTOMER_STREAM = 3;

    private SyntheticWarehouse() {}

    /**
     * Generates {@code config} into {@code warehouse} and commits it as source {@value #SOURCE},
     * with the latest generated timestamp as watermark (the window's start if nothing timed was
     * generated).
     *
     * @throws IllegalStateException when the warehouse already holds rows in any table, so that
     *     synthetic data never mixes with imported or earlier generated data, or when another load
     *     holds the warehouse's lock
     */
    public static GenerationResult generate(Warehouse warehouse, GeneratorConfig config, Progress progress) {
        return generate(warehouse, config, progress, ROWS_PER_PART);
    }

    /** As {@link #generate(Warehouse, GeneratorConfig, Progress)}, with a chosen part size. */
    static GenerationResult generate(Warehouse warehouse, GeneratorConfig config, Progress progress, long rowsPerPart) {
        try (WarehouseLoad load = warehouse.beginLoad(SOURCE)) {
            requireEmpty(warehouse);
            GeneratedRows rows = new GeneratedRows(load, rowsPerPart);
            Catalog catalog = Catalog.generate(config, rows);
            progress.update(PRODUCTS_STEP, config.products(), config.products());

            SyntheticCustomers customers = new SyntheticCustomers(config, catalog);
            ShoppingSessions sessions = new ShoppingSessions(config, catalog, rows);
            EmailCampaigns emails = new EmailCampaigns(config, rows);
            EnrichmentAttributes enrichment = new EnrichmentAttributes(config, rows);
            for (int i = 0; i < config.customers(); i++) {
                SplittableRandom r = RandomDraws.stream(config.seed(), CUSTOMER_STREAM, i);
                SyntheticCustomer customer = customers.draw(i, r);
                rows.customer(
                        customer.id(),
                        customer.email(),
                        customer.firstName(),
                        customer.lastName(),
                        customer.city(),
                        customer.signupDate(),
                        customer.emailOptIn(),
                        customer.doNotSell());
                rows.truth(
                        customer.id(),
                        Categories.ALL.get(customer.topCategory()).name(),
                        customer.churnDate(),
                        customer.engagement());
                // Separate streams per table, so that changing one behaviour leaves the others alone.
                sessions.simulate(customer, r.split());
                emails.simulate(customer, r.split());
                enrichment.simulate(customer, r.split());
                progress.update(CUSTOMERS_STEP, i + 1L, config.customers());
            }
            LocalDateTime watermark = rows.latest(config.windowStart());
            Map<String, Long> committed = load.commit(watermark, null);
            return new GenerationResult(config, committed, watermark);
        }
    }

    private static void requireEmpty(Warehouse warehouse) {
        WarehouseManifest manifest = warehouse.manifest();
        String filled = manifest.tables().entrySet().stream()
                .filter(e -> e.getValue().rows() > 0)
                .map(e -> e.getKey() + " (" + e.getValue().rows() + " rows)")
                .sorted()
                .collect(Collectors.joining(", "));
        if (!filled.isEmpty()) {
            throw new IllegalStateException("warehouse " + warehouse.root() + " already holds data: " + filled
                    + "; generate into a new, empty warehouse so synthetic rows never mix with other data");
        }
    }
}
