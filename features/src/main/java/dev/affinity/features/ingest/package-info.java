/**
 * Importers that bring data into the warehouse: the UCI Online Retail CSV, any CSV with a column
 * mapping, and generic user-item interaction files. Each importer validates on the way in, sends bad
 * rows to quarantine, and is idempotent and incremental through the manifest's per-source watermark.
 */
package dev.affinity.features.ingest;
