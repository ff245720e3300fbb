/**
 * Spark MLlib's ALS beside our implicit ALS on the same interactions, timed in the same run and
 * scored through the same evaluation code. Built only with {@code -Pbench}.
 */
package dev.affinity.bench.spark;
