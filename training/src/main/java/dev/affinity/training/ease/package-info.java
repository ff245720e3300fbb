/**
 * EASE (Steck 2019, "Embarrassingly Shallow Autoencoders for Sparse Data"): the closed-form item-item
 * model {@code B = I - P diag(1 / diag(P))} with {@code P = (X^T X + lambda I)^-1} and a zero
 * diagonal, inverted with EJML. For catalogs up to {@link dev.affinity.training.ease.Ease#MAX_ITEMS}
 * items.
 */
package dev.affinity.training.ease;
