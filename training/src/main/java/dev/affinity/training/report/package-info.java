/**
 * The run report of the nightly pipeline: one self-contained HTML page (charts embedded as PNG data
 * URIs drawn with JFreeChart, no network needed to open it) and the same figures as JSON.
 */
package dev.affinity.training.report;
