package dev.affinity.features.tokens;

import dev.affinity.features.segments.ProfileFields;
import dev.affinity.features.segments.Rule;
import dev.affinity.features.segments.RuleCompiler;
import dev.affinity.features.segments.RuleException;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The compiled tokens of a {@link TokenConfig}: resolving all of them for one profile row reads
 * fields by index and runs compiled expressions. Values print plainly: whole numbers without a
 * decimal point, other numbers with up to two decimals, times as ISO dates, booleans as
 * {@code true}/{@code false}; a missing or blank value uses the fallback. Immutable and thread-safe.
 */
public final class TokenSet {
    private final List<String> names;
    private final List<String> fallbacks;
    private final List<Rule.Node> nodes;

    private TokenSet(List<String> names, List<String> fallbacks, List<Rule.Node> nodes) {
        this.names = names;
        this.fallbacks = fallbacks;
        this.nodes = nodes;
    }

    /**
     * Compiles every token against {@code fields}.
     *
     * @throws RuleException naming the token, position and field of an expression that does not compile
     * @throws IllegalArgumentException for a token whose field does not exist
     */
    public static TokenSet compile(TokenConfig config, ProfileFields fields) {
        List<String> names = new ArrayList<>();
        List<String> fallbacks = new ArrayList<>();
        List<Rule.Node> nodes = new ArrayList<>();
        config.tokens().forEach((name, d) -> {
            Rule.Node node;
            if (d.field() != null) {
                int i = fields.indexOf(d.field());
                if (i < 0) {
                    throw new IllegalArgumentException("token '" + name + "': unknown field '" + d.field()
                            + "' (fields: " + String.join(", ", fields.names()) + ")");
                }
                node = (row, c) -> row[i];
            } else {
                RuleCompiler.Expression e =
                        RuleCompiler.compileExpression("token '" + name + "'", d.expr(), fields, s -> -1);
                node = e.node();
            }
            names.add(name);
            fallbacks.add(d.fallback());
            nodes.add(node);
        });
        return new TokenSet(List.copyOf(names), List.copyOf(fallbacks), List.copyOf(nodes));
    }

    /** The token names, in configuration order. */
    public List<String> names() {
        return names;
    }

    /** Every token for {@code row}; {@code now} is the time {@code days_since} counts to. */
    public ResolvedTokens resolve(Object[] row, LocalDateTime now) {
        Map<String, String> values = new LinkedHashMap<>();
        List<String> fellBack = new ArrayList<>();
        Rule.Context context = new Rule.Context(now, new boolean[0]);
        for (int t = 0; t < names.size(); t++) {
            String text = format(nodes.get(t).eval(row, context));
            if (text == null || text.isBlank()) {
                text = fallbacks.get(t);
                fellBack.add(names.get(t));
            }
            values.put(names.get(t), text);
        }
        return new ResolvedTokens(values, fellBack);
    }

    /** The fallbacks only: what a customer the server does not know gets. */
    public ResolvedTokens fallbacks() {
        Map<String, String> values = new LinkedHashMap<>();
        for (int t = 0; t < names.size(); t++) {
            values.put(names.get(t), fallbacks.get(t));
        }
        return new ResolvedTokens(values, names);
    }

    private static String format(Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof Double d) {
            if (d == Math.rint(d) && Math.abs(d) < 1e15) {
                return Long.toString(d.longValue());
            }
            return new BigDecimal(d)
                    .setScale(2, java.math.RoundingMode.HALF_UP)
                    .stripTrailingZeros()
                    .toPlainString();
        }
        if (v instanceof LocalDateTime t) {
            return t.toLocalTime().equals(java.time.LocalTime.MIDNIGHT)
                    ? t.toLocalDate().toString()
                    : t.toString();
        }
        return v.toString();
    }
}
