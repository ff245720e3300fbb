package dev.affinity.features.segments;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Parses the rule language, a small expression grammar (no loops, no assignment, no access to
 * anything but profile fields and a fixed list of functions), by recursive descent:
 *
 * <pre>
 * or      := and ("or" and)*
 * and     := not ("and" not)*
 * not     := "not" not | compare
 * compare := sum [("==" | "!=" | "&lt;" | "&lt;=" | "&gt;" | "&gt;=") sum
 *                 | ["not"] "in" "(" sum ("," sum)* ")" | "between" sum "and" sum]
 * sum     := product (("+" | "-") product)*
 * product := unary (("*" | "/" | "%") unary)*
 * unary   := "-" unary | primary
 * primary := number | "string" | true | false | name "(" [or ("," or)*] ")" | name | "(" or ")"
 * </pre>
 *
 * Keywords are case-insensitive; strings use double or single quotes with backslash escapes.
 * It is hand-written because the asked-for syntax ({@code and}/{@code or}/{@code between}) is not
 * that of an embeddable safe-expression library such as CEL, and a scripting engine is not safe.
 */
public final class RuleParser {
    private static final Set<String> COMPARISONS = Set.of("==", "!=", "<", "<=", ">", ">=");
    private static final int MAX_LENGTH = 4_000;
    private static final int MAX_DEPTH = 64;

    private final String segment;
    private final List<Token> tokens;
    private int next;
    private int depth;

    private record Token(String text, Kind kind, int position) {}

    private enum Kind {
        NUMBER,
        STRING,
        NAME,
        SYMBOL,
        END
    }

    private RuleParser(String segment, List<Token> tokens) {
        this.segment = segment;
        this.tokens = tokens;
    }

    /**
     * Parses the rule of {@code segment}.
     *
     * @throws RuleException naming the segment and position of the first syntax error
     */
    public static Expr parse(String segment, String rule) {
        if (rule == null || rule.isBlank()) {
            throw new RuleException(segment, 1, null, "the rule is empty");
        }
        if (rule.length() > MAX_LENGTH) {
            throw new RuleException(segment, MAX_LENGTH, null, "the rule is longer than " + MAX_LENGTH + " characters");
        }
        RuleParser parser = new RuleParser(segment, tokenize(segment, rule));
        Expr e = parser.or();
        Token end = parser.peek();
        if (end.kind != Kind.END) {
            throw parser.error(end, "unexpected '" + end.text + "'");
        }
        return e;
    }

    private Expr or() {
        Expr left = and();
        while (keyword("or")) {
            Token op = tokens.get(next++);
            left = new Expr.Binary(op.position, "or", left, and());
        }
        return left;
    }

    private Expr and() {
        Expr left = not();
        while (keyword("and")) {
            Token op = tokens.get(next++);
            left = new Expr.Binary(op.position, "and", left, not());
        }
        return left;
    }

    private Expr not() {
        if (keyword("not")) {
            Token op = tokens.get(next++);
            enter(op);
            Expr operand = not();
            depth--;
            return new Expr.Unary(op.position, "not", operand);
        }
        return compare();
    }

    private Expr compare() {
        Expr left = sum();
        Token t = peek();
        if (t.kind == Kind.SYMBOL && COMPARISONS.contains(t.text)) {
            next++;
            return new Expr.Binary(t.position, t.text, left, sum());
        }
        boolean negated = keyword("not") && isKeyword(tokens.get(next + 1), "in");
        if (negated) {
            next++;
        }
        if (keyword("in")) {
            Token in = tokens.get(next++);
            expectSymbol("(");
            List<Expr> options = new ArrayList<>();
            options.add(sum());
            while (symbol(",")) {
                next++;
                options.add(sum());
            }
            expectSymbol(")");
            return new Expr.In(in.position, left, options, negated);
        }
        if (keyword("between")) {
            Token between = tokens.get(next++);
            Expr low = sum();
            if (!keyword("and")) {
                throw error(peek(), "expected 'and' after the lower bound of 'between'");
            }
            next++;
            return new Expr.Between(between.position, left, low, sum());
        }
        return left;
    }

    private Expr sum() {
        Expr left = product();
        while (symbol("+") || symbol("-")) {
            Token op = tokens.get(next++);
            left = new Expr.Binary(op.position, op.text, left, product());
        }
        return left;
    }

    private Expr product() {
        Expr left = unary();
        while (symbol("*") || symbol("/") || symbol("%")) {
            Token op = tokens.get(next++);
            left = new Expr.Binary(op.position, op.text, left, unary());
        }
        return left;
    }

    private Expr unary() {
        if (symbol("-")) {
            Token op = tokens.get(next++);
            enter(op);
            Expr operand = unary();
            depth--;
            return new Expr.Unary(op.position, "-", operand);
        }
        return primary();
    }

    private Expr primary() {
        Token t = tokens.get(next++);
        switch (t.kind) {
            case NUMBER:
                return new Expr.Literal(t.position, Double.parseDouble(t.text));
            case STRING:
                return new Expr.Literal(t.position, t.text);
            case NAME:
                String lower = t.text.toLowerCase(Locale.ROOT);
                if (lower.equals("true") || lower.equals("false")) {
                    return new Expr.Literal(t.position, Boolean.parseBoolean(lower));
                }
                if (Set.of("and", "or", "not", "in", "between").contains(lower)) {
                    throw error(t, "expected a value, got the keyword '" + t.text + "'");
                }
                if (symbol("(")) {
                    next++;
                    enter(t);
                    List<Expr> args = new ArrayList<>();
                    if (!symbol(")")) {
                        args.add(or());
                        while (symbol(",")) {
                            next++;
                            args.add(or());
                        }
                    }
                    expectSymbol(")");
                    depth--;
                    return new Expr.Call(t.position, lower, args);
                }
                return new Expr.Field(t.position, t.text);
            case SYMBOL:
                if (t.text.equals("(")) {
                    enter(t);
                    Expr inner = or();
                    expectSymbol(")");
                    depth--;
                    return inner;
                }
                throw error(t, "expected a value, got '" + t.text + "'");
            default:
                throw error(t, "the rule ends where a value is expected");
        }
    }

    private void enter(Token t) {
        if (++depth > MAX_DEPTH) {
            throw error(t, "the rule nests deeper than " + MAX_DEPTH + " levels");
        }
    }

    private Token peek() {
        return tokens.get(next);
    }

    private boolean keyword(String word) {
        return isKeyword(peek(), word);
    }

    private static boolean isKeyword(Token t, String word) {
        return t.kind == Kind.NAME && t.text.equalsIgnoreCase(word);
    }

    private boolean symbol(String s) {
        return peek().kind == Kind.SYMBOL && peek().text.equals(s);
    }

    private void expectSymbol(String s) {
        if (!symbol(s)) {
            Token t = peek();
            throw error(
                    t,
                    "expected '" + s + "', got " + (t.kind == Kind.END ? "the end of the rule" : "'" + t.text + "'"));
        }
        next++;
    }

    private RuleException error(Token t, String message) {
        return new RuleException(segment, t.position, null, message);
    }

    private static List<Token> tokenize(String segment, String rule) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        while (i < rule.length()) {
            char c = rule.charAt(i);
            int start = i;
            if (Character.isWhitespace(c)) {
                i++;
            } else if (Character.isDigit(c)
                    || (c == '.' && i + 1 < rule.length() && Character.isDigit(rule.charAt(i + 1)))) {
                while (i < rule.length() && (Character.isDigit(rule.charAt(i)) || rule.charAt(i) == '.')) {
                    i++;
                }
                String number = rule.substring(start, i);
                if (number.indexOf('.') != number.lastIndexOf('.')) {
                    throw new RuleException(segment, start + 1, null, "'" + number + "' is not a number");
                }
                out.add(new Token(number, Kind.NUMBER, start + 1));
            } else if (Character.isLetter(c) || c == '_') {
                while (i < rule.length() && (Character.isLetterOrDigit(rule.charAt(i)) || rule.charAt(i) == '_')) {
                    i++;
                }
                out.add(new Token(rule.substring(start, i), Kind.NAME, start + 1));
            } else if (c == '"' || c == '\'') {
                StringBuilder text = new StringBuilder();
                i++;
                while (i < rule.length() && rule.charAt(i) != c) {
                    if (rule.charAt(i) == '\\' && i + 1 < rule.length()) {
                        i++;
                    }
                    text.append(rule.charAt(i++));
                }
                if (i >= rule.length()) {
                    throw new RuleException(segment, start + 1, null, "the string is not closed");
                }
                i++;
                out.add(new Token(text.toString(), Kind.STRING, start + 1));
            } else {
                String two = i + 1 < rule.length() ? rule.substring(i, i + 2) : "";
                if (COMPARISONS.contains(two)) {
                    out.add(new Token(two, Kind.SYMBOL, start + 1));
                    i += 2;
                } else if ("<>+-*/%(),".indexOf(c) >= 0) {
                    out.add(new Token(String.valueOf(c), Kind.SYMBOL, start + 1));
                    i++;
                } else if (c == '=') {
                    throw new RuleException(segment, start + 1, null, "use '==' to compare");
                } else {
                    throw new RuleException(segment, start + 1, null, "unexpected character '" + c + "'");
                }
            }
        }
        out.add(new Token("", Kind.END, rule.length() + 1));
        return out;
    }
}
