/**
 * Runtime recommenders over model artifacts: the factor ({@link
 * dev.affinity.models.recommend.FactorModel}), item-neighbour ({@link
 * dev.affinity.models.recommend.NeighborModel}) and popularity ({@link
 * dev.affinity.models.recommend.PopularityModel}) models, an {@link
 * dev.affinity.models.recommend.ItemCatalog} that says which items may be shown, and the {@link
 * dev.affinity.models.recommend.Recommender} that serving and the export job call.
 *
 * <p>Models are immutable and safe to share across threads. Scoring runs on primitive arrays
 * aligned to the model's item positions and keeps the best {@code k} items with a bounded heap, so
 * a call costs O(n log k) for n items and never sorts the catalog.
 */
package dev.affinity.models.recommend;
