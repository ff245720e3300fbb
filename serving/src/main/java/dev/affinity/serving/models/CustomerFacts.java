package dev.affinity.serving.models;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What serving knows of customers from the warehouse, in columns: the token strings (dictionary
 * coded, since cities and categories repeat), the do-not-personalize flag, and the numeric profile
 * fields the churn model reads. One row per customer in the customers table or the latest profile
 * snapshot. Immutable.
 */
public final class CustomerFacts {
    /** No customers at all: every user is unknown. */
    public static final CustomerFacts EMPTY = new CustomerFacts(
            Map.of(),
            List.of(),
            new int[0][],
            new String[0][],
            new boolean[0],
            List.of(),
            new double[0][],
            new boolean[0],
            null);

    private final Map<String, Integer> rows;
    private final List<String> tokenNames;
    private final int[][] tokenCodes;
    private final String[][] tokenDictionaries;
    private final boolean[] doNotPersonalize;
    private final List<String> numericNames;
    private final double[][] numeric;
    private final boolean[] hasProfile;
    private final String profilesAsOf;

    CustomerFacts(
            Map<String, Integer> rows,
            List<String> tokenNames,
            int[][] tokenCodes,
            String[][] tokenDictionaries,
            boolean[] doNotPersonalize,
            List<String> numericNames,
            double[][] numeric,
            boolean[] hasProfile,
            String profilesAsOf) {
        this.rows = rows;
        this.tokenNames = List.copyOf(tokenNames);
        this.tokenCodes = tokenCodes;
        this.tokenDictionaries = tokenDictionaries;
        this.doNotPersonalize = doNotPersonalize;
        this.numericNames = List.copyOf(numericNames);
        this.numeric = numeric;
        this.hasProfile = hasProfile;
        this.profilesAsOf = profilesAsOf;
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

    /** The token names held (such as {@code first_name}, {@code city}). */
    public List<String> tokenNames() {
        return tokenNames;
    }

    /** A token's value for a row, or {@code null} when missing or not held. */
    public String token(int row, String name) {
        int t = tokenNames.indexOf(name);
        if (t < 0 || row < 0) {
            return null;
        }
        int code = tokenCodes[t][row];
        return code < 0 ? null : tokenDictionaries[t][code];
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

    /** The numeric profile fields held, by name ({@code NaN} where missing), for the churn model. */
    public Map<String, Double> numericProfile(int row) {
        Map<String, Double> m = new HashMap<>(numericNames.size() * 2);
        for (int j = 0; j < numericNames.size(); j++) {
            m.put(numericNames.get(j), numeric[j][row]);
        }
        return m;
    }

    /** The numeric profile fields held. */
    public List<String> numericNames() {
        return numericNames;
    }
}
