/** The product catalog as serving and export read it: one normalised row per product id. */
package dev.affinity.features.products;
