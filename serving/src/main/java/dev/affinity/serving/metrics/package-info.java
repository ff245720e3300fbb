/** Prometheus metrics through Micrometer. */
package dev.affinity.serving.metrics;
