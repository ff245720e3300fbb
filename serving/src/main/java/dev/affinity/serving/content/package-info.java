/**
 * What send-time content is made of: segment rules, tokens and content blocks compiled from their
 * files ({@link dev.affinity.serving.content.ContentRules}), and {@code {{token}}} templates.
 */
package dev.affinity.serving.content;
