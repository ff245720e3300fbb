/**
 * Item-based nearest neighbours: cosine similarity with shrinkage over item co-occurrence in users'
 * histories and anonymous baskets, keeping the top neighbours of each item.
 */
package dev.affinity.training.knn;
