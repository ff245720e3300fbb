/**
 * Item2vec / prod2vec (Grbovic et al., "E-commerce in Your Inbox", KDD 2015): skip-gram with
 * negative sampling over each user's items in time order, trained with Deeplearning4j's Word2Vec,
 * and the recency-weighted user vectors that turn the item embeddings into a factor model. Only
 * this package touches DL4J; the model it feeds is a plain {@code FactorModel}.
 */
package dev.affinity.training.item2vec;
