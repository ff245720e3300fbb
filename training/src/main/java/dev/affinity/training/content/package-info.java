/**
 * Content-based item similarity: TF-IDF vectors of titles, descriptions and categories, compared by
 * cosine, so that a new product with no sales can still be recommended and be given similar items.
 */
package dev.affinity.training.content;
