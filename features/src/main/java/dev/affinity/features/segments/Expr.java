package dev.affinity.features.segments;

import java.util.List;

/** The syntax tree of a rule, as {@link RuleParser} reads it. Each node keeps its 1-based position. */
public sealed interface Expr {
    /** The 1-based position of the node's first character in the rule text. */
    int position();

    /** A number, string or boolean literal. */
    record Literal(int position, Object value) implements Expr {}

    /** A profile field by name. */
    record Field(int position, String name) implements Expr {}

    /** A function call such as {@code days_since(last_order_at)}. */
    record Call(int position, String function, List<Expr> args) implements Expr {}

    /** {@code not x} or {@code -x}. */
    record Unary(int position, String op, Expr operand) implements Expr {}

    /** Arithmetic, comparison, {@code and}, {@code or}. */
    record Binary(int position, String op, Expr left, Expr right) implements Expr {}

    /** {@code x in (a, b, ...)}, or {@code x not in (...)} when {@code negated}. */
    record In(int position, Expr value, List<Expr> options, boolean negated) implements Expr {}

    /** {@code x between low and high}, bounds included. */
    record Between(int position, Expr value, Expr low, Expr high) implements Expr {}
}
