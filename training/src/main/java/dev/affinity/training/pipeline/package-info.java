/**
 * The nightly pipeline: import, validation gate, profiles, segments, recommender and churn training
 * with evaluation, the promotion gate against the current models, and the run report. Each step is
 * skipped when its inputs have not changed, so a failed run resumes where it stopped.
 */
package dev.affinity.training.pipeline;
