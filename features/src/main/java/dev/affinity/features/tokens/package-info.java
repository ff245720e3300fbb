/**
 * Personalization tokens: named values for e-mail templates ({@code first_name}, {@code
 * last_purchased_item}, ...), each a profile field or an expression of the rule language, with a
 * fallback for customers who lack it ({@link dev.affinity.features.tokens.TokenSet}).
 */
package dev.affinity.features.tokens;
