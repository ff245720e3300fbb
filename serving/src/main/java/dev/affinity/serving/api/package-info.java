/** The HTTP layer: the route table, thin handlers, parameter parsing, and the one error mapper. */
package dev.affinity.serving.api;
