/**
 * The model artifact format: a directory with {@code manifest.json} (type, format version,
 * hyperparameters, feature schema, metrics, provenance and a SHA-256 per payload) and payload files
 * (compact binary matrices, id lists, sparse rows, or a library's own format). Readers verify the
 * format version and every checksum before use and name the offending file when they refuse.
 */
package dev.affinity.models.artifact;
