/**
 * Churn scoring at run time: the probability that a customer makes no purchase in the horizon, a
 * 0-100 score, a risk tier, and the features that drive it. Scorers read only profile fields and
 * need no training library for the logistic model.
 */
package dev.affinity.models.churn;
