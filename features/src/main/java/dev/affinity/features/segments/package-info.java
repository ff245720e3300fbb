/**
 * Segments: a small, safe rule language over customer-profile fields ({@link
 * dev.affinity.features.segments.RuleParser}, {@link dev.affinity.features.segments.RuleCompiler}),
 * segment definitions loaded from YAML or JSON ({@link dev.affinity.features.segments.SegmentConfig}),
 * the RFM map ({@link dev.affinity.features.segments.RfmSegments}), evaluation of every segment for
 * one profile ({@link dev.affinity.features.segments.SegmentSet}) and the batch over a profile
 * snapshot ({@link dev.affinity.features.segments.SegmentBatch}). Used by the {@code segments}
 * command and, at send time, by the server.
 */
package dev.affinity.features.segments;
