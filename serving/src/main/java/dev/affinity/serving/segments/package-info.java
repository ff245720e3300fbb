/**
 * Segments and tokens at send time: a user's profile row from the column store, evaluated against
 * the compiled segment rules and token expressions ({@link dev.affinity.serving.segments.AudienceReader}).
 */
package dev.affinity.serving.segments;
