/**
 * Offline evaluation of recommenders: ranking metrics at K (precision, recall, NDCG, MAP, hit rate)
 * and catalog coverage, averaged over the users who have held-out items.
 */
package dev.affinity.training.evaluation;
