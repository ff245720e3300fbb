package dev.affinity.training.content;

/**
 * The text of one catalog item.
 *
 * @param title the product title, or {@code null}
 * @param description the description, or {@code null}
 * @param category the category, or {@code null}; it becomes one token of its own
 */
public record ItemText(String title, String description, String category) {}
