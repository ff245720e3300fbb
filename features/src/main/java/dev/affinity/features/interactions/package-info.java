/**
 * The user x item interaction matrix that collaborative-filtering trainers learn from, built from
 * the warehouse as of a cutoff: purchases (net of returns, log-scaled), add-to-carts and views with
 * lower weights, optional time decay, never non-merchandise.
 */
package dev.affinity.features.interactions;
