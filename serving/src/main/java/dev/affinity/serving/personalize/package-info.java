/** The send-time answers: personalization, recommendations, churn and similar items, with their fallbacks. */
package dev.affinity.serving.personalize;
