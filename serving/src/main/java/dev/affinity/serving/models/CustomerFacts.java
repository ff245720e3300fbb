package dev.affinity.serving.models;

import dev.affinity.features.segments.ProfileFields;
import dev.affinity.features.segments.ValueType;
import dev.affinity.models.churn.ChurnScore;
import dev.affinity.models.churn.ChurnScorer;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What serving knows of customers from the warehouse: every field of {@link
 * ProfileFields#customerProfiles()} in compact columns, one row per customer of the customers table
 * or the latest profile snapshot. Numbers are {@code double[]} ({@code NaN} when missing), text is
 * dictionary coded ({@code int[]} codes, -1 when missing; cities, categories and names repeat),
 * timestamps are epoch seconds ({@code long[]}, {@link Long#MIN_VALUE} when missing) and booleans
 * one {@code byte} each (-1 missing, 0, 1). At about 45 fields that is some 250 bytes a customer:
 * 1M customers take ~250 MB. {@link #row} materialises one customer's profile row for the rule
 * language on demand; the churn fields are filled from the churn model given to {@link #withChurn}.
 * Immutable.
 */
public final class CustomerFacts {
    /** A missing timestamp. */
    static final long NO_TIME = Long.MIN_VALUE;

    /** No customers at all: every user is unknown. */
    public static final CustomerFacts EMPTY = new CustomerFacts(
            ProfileFields.customerProfiles(),
            Map.of(),
            new Object[ProfileFields.customerProfiles().size()],
            new String[ProfileFields.customerProfiles().size()][],
            new boolean[0],
            new boolean[0],
            List.of(),
            new double[0][],
            null,
            null);

    private final ProfileFields fields;
    private final Map<String, Integer> rows;
    /** Per field: a {@code double[]}, {@code int[]} (codes), {@code long[]} or {@code byte[]}. */
    private final Object[] columns;
    /** Per text field, its dictionary; {@code null} for other types. */
    private final String[][] dictionaries;

    private final boolean[] doNotPersonalize;
    private final boolean[] hasProfile;
    /** Numeric fields the churn model reads that are not profile fields, held beside them. */
    private final List<String> extraNames;

    private final double[][] extra;
    private final String profilesAsOf;
    private final ChurnScorer churn;
    private final int churnScore;
    private final int churnTier;

    CustomerFacts(
            ProfileFields fields,
            Map<String, Integer> rows,
            Object[] columns,
            String[][] dictionaries,
            boolean[] doNotPersonalize,
            boolean[] hasProfile,
            List<String> extraNames,
            double[][] extra,
            String profilesAsOf,
            ChurnScorer churn) {
        this.fields = fields;
        this.rows = rows;
        this.columns = columns;
        this.dictionaries = dictionaries;
        this.doNotPersonalize = doNotPersonalize;
        this.hasProfile = hasProfile;
        this.extraNames = List.copyOf(extraNames);
        this.extra = extra;
        this.profilesAsOf = profilesAsOf;
        this.churn = churn;
        this.churnScore = fields.indexOf("churn_score");
        this.churnTier = fields.indexOf("churn_tier");
    }

    /**
     * These facts with {@code churn_score} (0..100) and {@code churn_tier} ({@code low}, {@code
     * medium}, {@code high}) scored by {@code scorer} for every customer with a profile row, or
     * without churn fields when {@code scorer} is {@code null}. Scores every customer once, here.
     */
    public CustomerFacts withChurn(ChurnScorer scorer) {
        Object[] copy = columns.clone();
        String[][] dicts = dictionaries.clone();
        int n = doNotPersonalize.length;
        double[] scores = new double[n];
        int[] tiers = new int[n];
        Arrays.fill(scores, Double.NaN);
        Arrays.fill(tiers, -1);
        String[] tierNames = {"low", "medium", "high"};
        if (scorer != null) {
            List<String> features = scorer.features();
            for (int r = 0; r < n; r++) {
                if (hasProfile[r]) {
                    ChurnScore s = scorer.score(numericProfile(r, features), 0);
                    scores[r] = s.score();
                    tiers[r] = switch (s.tier().name().toLowerCase(Locale.ROOT)) {
                        case "low" -> 0;
                        case "medium" -> 1;
                        default -> 2;
                    };
                }
            }
        }
        copy[churnScore] = scores;
        copy[churnTier] = tiers;
        dicts[churnTier] = tierNames;
        return new CustomerFacts(
                fields, rows, copy, dicts, doNotPersonalize, hasProfile, extraNames, extra, profilesAsOf, scorer);
    }

    /** The churn model the churn fields come from, or {@code null}. */
    public ChurnScorer churn() {
        return churn;
    }

    /** The fields held, in row order. */
    public ProfileFields fields() {
        return fields;
    }

    /** Number of customers. */
    public int size() {
        return rows.size();
    }

    /** The row of a customer, or -1 when the warehouse does not know them. */
    public int row(String customerId) {
        Integer r = rows.get(customerId);
        return r == null ? -1 : r;
    }

    /**
     * The profile row of customer {@code row} for the rule language: {@code Double}, {@code String},
     * {@code Boolean} and {@code LocalDateTime} (UTC) values in {@link #fields()} order, {@code null}
     * where missing. A fresh array each call.
     */
    public Object[] profileRow(int row) {
        Object[] out = new Object[columns.length];
        for (int f = 0; f < columns.length; f++) {
            out[f] = value(f, row);
        }
        return out;
    }

    /** Field {@code field}'s value for {@code row}, as in {@link #profileRow}; {@code null} when missing. */
    public Object value(int field, int row) {
        Object column = columns[field];
        if (column == null || row < 0) {
            return null;
        }
        if (column instanceof double[] d) {
            double v = d[row];
            return Double.isNaN(v) ? null : v;
        }
        if (column instanceof int[] codes) {
            int c = codes[row];
            return c < 0 ? null : dictionaries[field][c];
        }
        if (column instanceof long[] t) {
            long v = t[row];
            return v == NO_TIME ? null : LocalDateTime.ofEpochSecond(v, 0, ZoneOffset.UTC);
        }
        byte b = ((byte[]) column)[row];
        return b < 0 ? null : b == 1;
    }

    /** A text field's value for {@code row}, or {@code null} when missing or not a text field. */
    public String text(int row, String name) {
        int f = fields.indexOf(name);
        return f >= 0 && fields.type(f) == ValueType.STRING ? (String) value(f, row) : null;
    }

    /** Whether the warehouse flags the customer as not to be personalized. */
    public boolean doNotPersonalize(int row) {
        return row >= 0 && doNotPersonalize[row];
    }

    /** Whether the customer has a row in the profile snapshot. */
    public boolean hasProfile(int row) {
        return row >= 0 && hasProfile[row];
    }

    /** The profile snapshot's date, or {@code null} when none was loaded. */
    public String profilesAsOf() {
        return profilesAsOf;
    }

    /**
     * The named numeric fields for {@code row} ({@code NaN} where missing or not numeric), for the
     * churn model.
     */
    public Map<String, Double> numericProfile(int row, List<String> names) {
        Map<String, Double> m = new HashMap<>(names.size() * 2);
        for (String name : names) {
            int f = fields.indexOf(name);
            double v = Double.NaN;
            if (f >= 0 && columns[f] instanceof double[] d) {
                v = d[row];
            } else {
                int e = extraNames.indexOf(name);
                if (e >= 0) {
                    v = extra[e][row];
                }
            }
            m.put(name, v);
        }
        return m;
    }

    /** The numeric fields held beyond the profile fields (for a churn model that reads them). */
    public List<String> extraNumericNames() {
        return extraNames;
    }
}
