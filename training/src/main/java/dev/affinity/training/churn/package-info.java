/**
 * Churn: training tables without leakage (point-in-time profiles and labels over a horizon, or a
 * data scientist's own CSV), the candidates (Tribuo logistic regression, Tribuo XGBoost, Smile
 * gradient boosting, and the RFM baseline), calibration on validation data, out-of-time
 * evaluation, and publishing of the winner as a {@code models} churn scorer.
 */
package dev.affinity.training.churn;
