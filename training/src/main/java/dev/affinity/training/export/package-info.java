/**
 * The nightly export for email service providers: one row per customer of a profile snapshot with
 * the top-N recommendations, the churn score and tier, the segment labels and the tokens, streamed
 * to CSV or JSON Lines.
 */
package dev.affinity.training.export;
