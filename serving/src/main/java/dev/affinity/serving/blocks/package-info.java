/**
 * Marketer content rendered for one user: {@code {{token}}} previews and content blocks (Mustache
 * templates into email-safe HTML with UTM-tagged links), with segment conditions and fallbacks.
 */
package dev.affinity.serving.blocks;
