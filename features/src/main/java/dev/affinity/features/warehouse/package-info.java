/**
 * The warehouse: one Parquet-backed table per entity, schemas declared in {@link
 * dev.affinity.features.warehouse.Tables}, appended in parts and recorded in a manifest.
 *
 * <p>A table is a directory of ZSTD-compressed Parquet part files. The manifest ({@code
 * _manifest.json}) is the source of truth: a part exists for readers only once the manifest names
 * it, so a load that fails half-way leaves nothing behind.
 */
package dev.affinity.features.warehouse;
