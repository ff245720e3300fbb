package dev.affinity.serving.models;

import dev.affinity.features.segments.ProfileFields;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the customers query of {@link WarehouseFacts#customers} into the compact columns of {@link
 * CustomerFacts}. The query's columns: customer id, do-not-personalize flag, has-profile flag, then
 * every profile field in {@link ProfileFields} order (numbers as DOUBLE, text as VARCHAR, booleans as
 * BOOLEAN, timestamps as epoch seconds), then the extra numeric churn features.
 */
final class CustomerColumns {
    private CustomerColumns() {}

    static CustomerFacts read(Connection c, String sql, ProfileFields fields, List<String> extra, String asOf)
            throws SQLException {
        int nf = fields.size();
        int idField = fields.indexOf("customer_id");
        Map<String, Integer> rows = new HashMap<>();
        List<String> ids = new ArrayList<>();
        Object[] columns = new Object[nf];
        Dictionary[] dictionaries = new Dictionary[nf];
        int capacity = 1024;
        for (int f = 0; f < nf; f++) {
            columns[f] = switch (fields.type(f)) {
                case NUMBER -> new double[capacity];
                case STRING -> new int[capacity];
                case TIMESTAMP -> new long[capacity];
                case BOOLEAN -> new byte[capacity];
            };
            if (fields.type(f) == dev.affinity.features.segments.ValueType.STRING && f != idField) {
                dictionaries[f] = new Dictionary();
            }
        }
        double[][] extras = new double[extra.size()][capacity];
        boolean[] dnp = new boolean[capacity];
        boolean[] hasProfile = new boolean[capacity];
        int n = 0;
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                String id = rs.getString(1);
                if (id == null || rows.putIfAbsent(id, n) != null) {
                    continue;
                }
                if (n == capacity) {
                    capacity *= 2;
                    for (int f = 0; f < nf; f++) {
                        columns[f] = grow(columns[f], capacity);
                    }
                    for (int e = 0; e < extras.length; e++) {
                        extras[e] = Arrays.copyOf(extras[e], capacity);
                    }
                    dnp = Arrays.copyOf(dnp, capacity);
                    hasProfile = Arrays.copyOf(hasProfile, capacity);
                }
                ids.add(id);
                dnp[n] = rs.getBoolean(2);
                hasProfile[n] = rs.getBoolean(3);
                for (int f = 0; f < nf; f++) {
                    int col = 4 + f;
                    Object column = columns[f];
                    if (f == idField) {
                        ((int[]) column)[n] = n;
                    } else if (column instanceof double[] d) {
                        double v = rs.getDouble(col);
                        d[n] = rs.wasNull() || Double.isInfinite(v) ? Double.NaN : v;
                    } else if (column instanceof int[] codes) {
                        codes[n] = dictionaries[f].code(rs.getString(col));
                    } else if (column instanceof long[] t) {
                        long v = rs.getLong(col);
                        t[n] = rs.wasNull() ? CustomerFacts.NO_TIME : v;
                    } else {
                        boolean v = rs.getBoolean(col);
                        ((byte[]) column)[n] = rs.wasNull() ? -1 : (byte) (v ? 1 : 0);
                    }
                }
                for (int e = 0; e < extras.length; e++) {
                    double v = rs.getDouble(4 + nf + e);
                    extras[e][n] = rs.wasNull() ? Double.NaN : v;
                }
                n++;
            }
        }
        String[][] dicts = new String[nf][];
        for (int f = 0; f < nf; f++) {
            columns[f] = grow(columns[f], n);
            if (dictionaries[f] != null) {
                dicts[f] = dictionaries[f].values();
            }
        }
        if (idField >= 0) {
            dicts[idField] = ids.toArray(new String[0]);
        }
        for (int e = 0; e < extras.length; e++) {
            extras[e] = Arrays.copyOf(extras[e], n);
        }
        return new CustomerFacts(
                fields,
                rows,
                columns,
                dicts,
                Arrays.copyOf(dnp, n),
                Arrays.copyOf(hasProfile, n),
                extra,
                extras,
                asOf,
                null);
    }

    private static Object grow(Object column, int size) {
        if (column instanceof double[] d) {
            return Arrays.copyOf(d, size);
        } else if (column instanceof int[] i) {
            return Arrays.copyOf(i, size);
        } else if (column instanceof long[] l) {
            return Arrays.copyOf(l, size);
        }
        return Arrays.copyOf((byte[]) column, size);
    }

    /** Dictionary coding of a text column: -1 for null or empty. */
    private static final class Dictionary {
        private final Map<String, Integer> codes = new HashMap<>();
        private final List<String> values = new ArrayList<>();

        int code(String value) {
            if (value == null || value.isEmpty()) {
                return -1;
            }
            return codes.computeIfAbsent(value, v -> {
                values.add(v);
                return values.size() - 1;
            });
        }

        String[] values() {
            return values.toArray(new String[0]);
        }
    }
}
