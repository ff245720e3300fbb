package dev.affinity.features.segments;

import dev.affinity.features.segments.Rule.Node;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.ToIntFunction;

/**
 * Type-checks a parsed rule against the profile fields and compiles it to a tree of closures, so
 * that evaluation does no lookup by name. Functions:
 *
 * <ul>
 *   <li>{@code days_since(t)}: whole days from timestamp {@code t} to the evaluation time
 *   <li>{@code lower(s)}, {@code upper(s)}, {@code length(s)}, {@code contains(s, part)}
 *   <li>{@code abs(x)}, {@code round(x)}, {@code min(x, y)}, {@code max(x, y)}
 *   <li>{@code coalesce(x, fallback)}: x, or the fallback when x is missing (same type)
 *   <li>{@code if(condition, a, b)}: a when the condition holds, else b (missing when it is unknown)
 *   <li>{@code is_missing(x)}: whether x is missing
 *   <li>{@code in_segment("Name")}: membership of another segment (evaluated first; no cycles)
 * </ul>
 */
public final class RuleCompiler {
    private final String segment;
    private final ProfileFields fields;
    private final ToIntFunction<String> segmentIndex;
    private final Set<Integer> segmentsUsed = new HashSet<>();

    private record Typed(ValueType type, Node node) {}

    /**
     * A compiled expression of any type, for values such as personalization tokens.
     *
     * @param type the expression's type
     * @param node the compiled expression
     * @param segmentsUsed indexes of the segments it tests with {@code in_segment}
     */
    public record Expression(ValueType type, Node node, Set<Integer> segmentsUsed) {}

    private RuleCompiler(String segment, ProfileFields fields, ToIntFunction<String> segmentIndex) {
        this.segment = segment;
        this.fields = fields;
        this.segmentIndex = segmentIndex;
    }

    /**
     * Parses and compiles {@code rule}.
     *
     * @param segmentIndex the index of a segment by name, or -1 when there is none
     * @throws RuleException naming the segment, position and field of the first problem
     */
    public static Rule compile(String segment, String rule, ProfileFields fields, ToIntFunction<String> segmentIndex) {
        String owner = "segment '" + segment + "'";
        RuleCompiler compiler = new RuleCompiler(owner, fields, segmentIndex);
        Expr parsed = RuleParser.parse(owner, rule);
        Typed t = compiler.compile(parsed);
        if (t.type != ValueType.BOOLEAN) {
            throw new RuleException(owner, 1, null, "the rule is a " + t.type.label() + ", not a condition");
        }
        return new Rule(rule, t.node, Set.copyOf(compiler.segmentsUsed));
    }

    /**
     * Parses and compiles an expression of any type (a token's value, say).
     *
     * @param owner what the expression belongs to, named in errors (such as {@code token 'tier'})
     * @throws RuleException naming the owner, position and field of the first problem
     */
    public static Expression compileExpression(
            String owner, String text, ProfileFields fields, ToIntFunction<String> segmentIndex) {
        RuleCompiler compiler = new RuleCompiler(owner, fields, segmentIndex);
        Typed t = compiler.compile(RuleParser.parse(owner, text));
        return new Expression(t.type, t.node, Set.copyOf(compiler.segmentsUsed));
    }

    private Typed compile(Expr e) {
        if (e instanceof Expr.Literal l) {
            return literal(l);
        } else if (e instanceof Expr.Field f) {
            return field(f);
        } else if (e instanceof Expr.Call c) {
            return call(c);
        } else if (e instanceof Expr.Unary u) {
            return unary(u);
        } else if (e instanceof Expr.Binary b) {
            return binary(b);
        } else if (e instanceof Expr.In in) {
            return in(in);
        }
        return between((Expr.Between) e);
    }

    private static Typed literal(Expr.Literal l) {
        Object v = l.value();
        ValueType type =
                v instanceof Double ? ValueType.NUMBER : v instanceof String ? ValueType.STRING : ValueType.BOOLEAN;
        return new Typed(type, (row, c) -> v);
    }

    private Typed field(Expr.Field f) {
        int i = fields.indexOf(f.name());
        if (i < 0) {
            String lower = f.name().toLowerCase(Locale.ROOT);
            int folded = fields.indexOf(lower);
            throw new RuleException(
                    segment,
                    f.position(),
                    f.name(),
                    "unknown field '" + f.name() + "'"
                            + (folded >= 0
                                    ? " (did you mean '" + lower + "'?)"
                                    : " (fields: " + String.join(", ", fields.names()) + ")"));
        }
        return new Typed(fields.type(i), (row, c) -> row[i]);
    }

    private Typed unary(Expr.Unary u) {
        Typed x = compile(u.operand());
        if (u.op().equals("not")) {
            expect(u.operand(), x, ValueType.BOOLEAN, "'not'");
            Node n = x.node;
            return new Typed(ValueType.BOOLEAN, (row, c) -> {
                Object v = n.eval(row, c);
                return v == null ? null : !(Boolean) v;
            });
        }
        expect(u.operand(), x, ValueType.NUMBER, "'-'");
        Node n = x.node;
        return new Typed(ValueType.NUMBER, (row, c) -> {
            Object v = n.eval(row, c);
            return v == null ? null : -(Double) v;
        });
    }

    private Typed binary(Expr.Binary b) {
        Typed l = compile(b.left());
        Typed r = compile(b.right());
        Node ln = l.node;
        Node rn = r.node;
        switch (b.op()) {
            case "and", "or" -> {
                expect(b.left(), l, ValueType.BOOLEAN, "'" + b.op() + "'");
                expect(b.right(), r, ValueType.BOOLEAN, "'" + b.op() + "'");
                boolean and = b.op().equals("and");
                return new Typed(ValueType.BOOLEAN, (row, c) -> {
                    Object x = ln.eval(row, c);
                    if (x != null && (Boolean) x != and) {
                        return !and; // false and ... = false; true or ... = true
                    }
                    Object y = rn.eval(row, c);
                    if (y != null && (Boolean) y != and) {
                        return !and;
                    }
                    return x == null || y == null ? null : and;
                });
            }
            case "+", "-", "*", "/", "%" -> {
                expect(b.left(), l, ValueType.NUMBER, "'" + b.op() + "'");
                expect(b.right(), r, ValueType.NUMBER, "'" + b.op() + "'");
                char op = b.op().charAt(0);
                return new Typed(ValueType.NUMBER, (row, c) -> {
                    Object x = ln.eval(row, c);
                    Object y = rn.eval(row, c);
                    if (x == null || y == null) {
                        return null;
                    }
                    double a = (Double) x;
                    double d = (Double) y;
                    double v = switch (op) {
                        case '+' -> a + d;
                        case '-' -> a - d;
                        case '*' -> a * d;
                        case '/' -> a / d;
                        default -> a % d;
                    };
                    return Double.isFinite(v) ? v : null; // division by zero is missing, not infinity
                });
            }
            default -> {
                if (l.type != r.type) {
                    throw new RuleException(
                            segment,
                            b.position(),
                            fieldName(b.left(), b.right()),
                            "cannot compare a " + l.type.label() + " with a " + r.type.label());
                }
                if (l.type == ValueType.BOOLEAN && !b.op().equals("==") && !b.op().equals("!=")) {
                    throw new RuleException(
                            segment,
                            b.position(),
                            fieldName(b.left(), b.right()),
                            "booleans compare only with == and !=");
                }
                String op = b.op();
                return new Typed(ValueType.BOOLEAN, (row, c) -> {
                    Object x = ln.eval(row, c);
                    Object y = rn.eval(row, c);
                    if (x == null || y == null) {
                        return null;
                    }
                    int cmp = compareValues(x, y);
                    return switch (op) {
                        case "==" -> cmp == 0;
                        case "!=" -> cmp != 0;
                        case "<" -> cmp < 0;
                        case "<=" -> cmp <= 0;
                        case ">" -> cmp > 0;
                        default -> cmp >= 0;
                    };
                });
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static int compareValues(Object x, Object y) {
        return ((Comparable<Object>) x).compareTo(y);
    }

    private Typed in(Expr.In in) {
        Typed v = compile(in.value());
        List<Node> options = new ArrayList<>();
        for (Expr o : in.options()) {
            Typed t = compile(o);
            if (t.type != v.type) {
                throw new RuleException(
                        segment,
                        o.position(),
                        fieldName(in.value(), o),
                        "'in' lists " + t.type.label() + " among " + v.type.label() + " values");
            }
            options.add(t.node);
        }
        Node value = v.node;
        boolean negated = in.negated();
        return new Typed(ValueType.BOOLEAN, (row, c) -> {
            Object x = value.eval(row, c);
            if (x == null) {
                return null;
            }
            for (Node o : options) {
                if (x.equals(o.eval(row, c))) {
                    return !negated;
                }
            }
            return negated;
        });
    }

    private Typed between(Expr.Between b) {
        Typed v = compile(b.value());
        Typed low = compile(b.low());
        Typed high = compile(b.high());
        for (Typed bound : List.of(low, high)) {
            if (bound.type != v.type || v.type == ValueType.BOOLEAN) {
                throw new RuleException(
                        segment,
                        b.position(),
                        fieldName(b.value(), b.low()),
                        "'between' needs two bounds of the value's type, not " + v.type.label() + " and "
                                + bound.type.label());
            }
        }
        Node x = v.node;
        Node lo = low.node;
        Node hi = high.node;
        return new Typed(ValueType.BOOLEAN, (row, c) -> {
            Object a = x.eval(row, c);
            Object l = lo.eval(row, c);
            Object h = hi.eval(row, c);
            if (a == null || l == null || h == null) {
                return null;
            }
            return compareValues(a, l) >= 0 && compareValues(a, h) <= 0;
        });
    }

    private Typed call(Expr.Call call) {
        String f = call.function();
        List<Expr> args = call.args();
        switch (f) {
            case "in_segment" -> {
                arity(call, 1);
                if (!(args.get(0) instanceof Expr.Literal l) || !(l.value() instanceof String name)) {
                    throw new RuleException(
                            segment, call.position(), null, "in_segment takes a segment name in quotes");
                }
                int s = segmentIndex.applyAsInt(name);
                if (s < 0) {
                    throw new RuleException(
                            segment, args.get(0).position(), null, "in_segment: no segment named '" + name + "'");
                }
                segmentsUsed.add(s);
                return new Typed(ValueType.BOOLEAN, (row, c) -> c.members()[s]);
            }
            case "if" -> {
                arity(call, 3);
                Typed condition = compile(args.get(0));
                expect(args.get(0), condition, ValueType.BOOLEAN, "if");
                Typed then = compile(args.get(1));
                Typed otherwise = compile(args.get(2));
                if (then.type != otherwise.type) {
                    throw new RuleException(
                            segment,
                            args.get(2).position(),
                            fieldName(args.get(1), args.get(2)),
                            "if needs two branches of one type, got " + then.type.label() + " and "
                                    + otherwise.type.label());
                }
                Node c = condition.node;
                Node a = then.node;
                Node b = otherwise.node;
                return new Typed(then.type, (row, ctx) -> {
                    Object v = c.eval(row, ctx);
                    return v == null ? null : (Boolean) v ? a.eval(row, ctx) : b.eval(row, ctx);
                });
            }
            case "is_missing" -> {
                arity(call, 1);
                Node n = compile(args.get(0)).node;
                return new Typed(ValueType.BOOLEAN, (row, c) -> n.eval(row, c) == null);
            }
            case "coalesce" -> {
                arity(call, 2);
                Typed x = compile(args.get(0));
                Typed fallback = compile(args.get(1));
                if (x.type != fallback.type) {
                    throw new RuleException(
                            segment,
                            args.get(1).position(),
                            fieldName(args.get(0), args.get(1)),
                            "coalesce needs a fallback of the same type, " + x.type.label());
                }
                Node a = x.node;
                Node b = fallback.node;
                return new Typed(x.type, (row, c) -> {
                    Object v = a.eval(row, c);
                    return v != null ? v : b.eval(row, c);
                });
            }
            case "days_since" -> {
                arity(call, 1);
                Typed t = compile(args.get(0));
                expect(args.get(0), t, ValueType.TIMESTAMP, "days_since");
                Node n = t.node;
                return new Typed(ValueType.NUMBER, (row, c) -> {
                    Object v = n.eval(row, c);
                    return v == null
                            ? null
                            : (double)
                                    Duration.between((LocalDateTime) v, c.now()).toDays();
                });
            }
            case "lower", "upper", "length" -> {
                arity(call, 1);
                Typed s = compile(args.get(0));
                expect(args.get(0), s, ValueType.STRING, f);
                Node n = s.node;
                if (f.equals("length")) {
                    return new Typed(ValueType.NUMBER, (row, c) -> {
                        Object v = n.eval(row, c);
                        return v == null ? null : (double) ((String) v).length();
                    });
                }
                boolean lower = f.equals("lower");
                return new Typed(ValueType.STRING, (row, c) -> {
                    Object v = n.eval(row, c);
                    return v == null
                            ? null
                            : lower ? ((String) v).toLowerCase(Locale.ROOT) : ((String) v).toUpperCase(Locale.ROOT);
                });
            }
            case "contains" -> {
                arity(call, 2);
                Typed s = compile(args.get(0));
                Typed part = compile(args.get(1));
                expect(args.get(0), s, ValueType.STRING, f);
                expect(args.get(1), part, ValueType.STRING, f);
                Node a = s.node;
                Node b = part.node;
                return new Typed(ValueType.BOOLEAN, (row, c) -> {
                    Object x = a.eval(row, c);
                    Object y = b.eval(row, c);
                    return x == null || y == null ? null : ((String) x).contains((String) y);
                });
            }
            case "abs", "round" -> {
                arity(call, 1);
                Typed x = compile(args.get(0));
                expect(args.get(0), x, ValueType.NUMBER, f);
                Node n = x.node;
                boolean abs = f.equals("abs");
                return new Typed(ValueType.NUMBER, (row, c) -> {
                    Object v = n.eval(row, c);
                    return v == null ? null : abs ? Math.abs((Double) v) : (double) Math.round((Double) v);
                });
            }
            case "min", "max" -> {
                arity(call, 2);
                Typed x = compile(args.get(0));
                Typed y = compile(args.get(1));
                expect(args.get(0), x, ValueType.NUMBER, f);
                expect(args.get(1), y, ValueType.NUMBER, f);
                Node a = x.node;
                Node b = y.node;
                boolean min = f.equals("min");
                return new Typed(ValueType.NUMBER, (row, c) -> {
                    Object p = a.eval(row, c);
                    Object q = b.eval(row, c);
                    if (p == null || q == null) {
                        return null;
                    }
                    return min ? Math.min((Double) p, (Double) q) : Math.max((Double) p, (Double) q);
                });
            }
            default ->
                throw new RuleException(
                        segment,
                        call.position(),
                        null,
                        "unknown function '" + f
                                + "' (functions: days_since, lower, upper, length, contains, abs, round,"
                                + " min, max, coalesce, if, is_missing, in_segment)");
        }
    }

    private void arity(Expr.Call call, int n) {
        if (call.args().size() != n) {
            throw new RuleException(
                    segment,
                    call.position(),
                    null,
                    call.function() + " takes " + n + " argument" + (n == 1 ? "" : "s") + ", got "
                            + call.args().size());
        }
    }

    private void expect(Expr at, Typed t, ValueType wanted, String what) {
        if (t.type != wanted) {
            throw new RuleException(
                    segment,
                    at.position(),
                    fieldName(at, null),
                    what + " needs a " + wanted.label() + ", got a " + t.type.label()
                            + (at instanceof Expr.Field f ? " (field '" + f.name() + "')" : ""));
        }
    }

    private static String fieldName(Expr a, Expr b) {
        if (a instanceof Expr.Field f) {
            return f.name();
        }
        return b instanceof Expr.Field f ? f.name() : null;
    }
}
