/**
 * The model manager: loads the current recommender, churn model, customer facts and catalog into
 * compact in-memory structures and swaps complete sets atomically.
 */
package dev.affinity.serving.models;
