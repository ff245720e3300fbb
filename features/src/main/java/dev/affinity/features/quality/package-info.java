/**
 * Validation on the way into the warehouse: reason codes, the quarantine where refused rows are
 * kept whole, and the data-quality report.
 */
package dev.affinity.features.quality;
