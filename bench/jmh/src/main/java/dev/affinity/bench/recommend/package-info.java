/**
 * JMH benchmarks of the runtime recommenders: top-K scoring against a naive full-sort baseline, and
 * loading a large factor artifact.
 */
package dev.affinity.bench.recommend;
