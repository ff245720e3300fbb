/**
 * Recommender trainers that turn an interaction matrix into the runtime models of {@code
 * dev.affinity.models.recommend} (factor, item-neighbour, popularity), and their offline evaluation
 * through the same runtime API that serving uses.
 */
package dev.affinity.training.recommend;
