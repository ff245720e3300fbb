/** API keys with scopes, configured as hashes. */
package dev.affinity.serving.access;
