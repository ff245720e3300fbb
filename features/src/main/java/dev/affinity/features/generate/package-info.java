/**
 * A deterministic synthetic warehouse: customers, a product catalog, shopping sessions, orders,
 * returns, e-mail campaigns and enrichment attributes with known, planted structure, for demos,
 * benchmarks and model evaluations.
 *
 * <p>Entry point: {@link dev.affinity.features.generate.SyntheticWarehouse#generate}. The same
 * {@link dev.affinity.features.generate.GeneratorConfig} always yields byte-identical Parquet part
 * files: every random draw comes from a {@link java.util.SplittableRandom} derived from the seed
 * and the index of the product or customer it belongs to, and nothing reads the wall clock.
 *
 * <p>Generation streams customer by customer, so memory does not grow with the number of rows; only
 * the catalog (a few primitive arrays per product) is held. The planted truth (each customer's top
 * category, churn date and e-mail engagement) is written to the {@link
 * dev.affinity.features.generate.GeneratorTruth} table for evaluations.
 */
package dev.affinity.features.generate;
