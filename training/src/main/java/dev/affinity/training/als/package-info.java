/**
 * Implicit-feedback alternating least squares (Hu, Koren and Volinsky 2008) with a conjugate-gradient
 * solver (Takács, Pilászy and Tikk 2011) and an exact Cholesky solver to check it against. Written
 * by hand because no maintained Java library does this well; float arrays, multi-threaded over users
 * and items, seeded.
 */
package dev.affinity.training.als;
