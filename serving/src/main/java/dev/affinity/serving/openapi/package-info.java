/** The OpenAPI 3 description of the routes. */
package dev.affinity.serving.openapi;
