package dev.affinity.training.churn;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Rows of numeric features with a churn label. Missing values are {@code NaN}, never zero.
 *
 * @param ids one id per row (for warehouse snapshots, {@code customer@cutoff})
 * @param groups one group per row: rows of one group are never split between training and
 *     validation (the customer, when several cutoffs are stacked)
 * @param features the feature names, one per column
 * @param x the values, {@code x[row][column]}
 * @param churned the labels
 */
public record ChurnTable(
        List<String> ids, List<String> groups, List<String> features, double[][] x, boolean[] churned) {
    /** Checks that every row has one value per feature and one label. */
    public ChurnTable {
        ids = List.copyOf(ids);
        groups = List.copyOf(groups);
        features = List.copyOf(features);
        if (ids.size() != x.length || groups.size() != x.length || churned.length != x.length) {
            throw new IllegalArgumentException("churn table: " + x.length + " rows but " + ids.size() + " ids, "
                    + groups.size() + " groups and " + churned.length + " labels");
        }
        for (double[] row : x) {
            if (row.length != features.size()) {
                throw new IllegalArgumentException(
                        "churn table: a row has " + row.length + " values for " + features.size() + " features");
            }
        }
    }

    /** The number of rows. */
    public int size() {
        return x.length;
    }

    /** The share of rows labelled churned, or NaN for an empty table. */
    public double churnRate() {
        int n = 0;
        for (boolean c : churned) {
            n += c ? 1 : 0;
        }
        return x.length == 0 ? Double.NaN : n / (double) x.length;
    }

    /** The rows at {@code rows}, in that order. */
    public ChurnTable rows(int[] rows) {
        List<String> i = new ArrayList<>(rows.length);
        List<String> g = new ArrayList<>(rows.length);
        double[][] v = new double[rows.length][];
        boolean[] c = new boolean[rows.length];
        for (int k = 0; k < rows.length; k++) {
            i.add(ids.get(rows[k]));
            g.add(groups.get(rows[k]));
            v[k] = x[rows[k]];
            c[k] = churned[rows[k]];
        }
        return new ChurnTable(i, g, features, v, c);
    }

    /** Only the named columns, in that order; a name this table lacks becomes an all-missing column. */
    public ChurnTable columns(List<String> names) {
        int[] at = names.stream().mapToInt(features::indexOf).toArray();
        double[][] v = new double[x.length][names.size()];
        for (int r = 0; r < x.length; r++) {
            for (int j = 0; j < at.length; j++) {
                v[r][j] = at[j] < 0 ? Double.NaN : x[r][at[j]];
            }
        }
        return new ChurnTable(ids, groups, names, v, churned);
    }

    /** Rows of this table followed by those of {@code other}, which must have the same features. */
    public ChurnTable append(ChurnTable other) {
        if (!other.features.equals(features)) {
            throw new IllegalArgumentException("cannot stack tables with different features");
        }
        List<String> i = new ArrayList<>(ids);
        i.addAll(other.ids);
        List<String> g = new ArrayList<>(groups);
        g.addAll(other.groups);
        double[][] v = new double[size() + other.size()][];
        System.arraycopy(x, 0, v, 0, size());
        System.arraycopy(other.x, 0, v, size(), other.size());
        boolean[] c = new boolean[v.length];
        System.arraycopy(churned, 0, c, 0, size());
        System.arraycopy(other.churned, 0, c, size(), other.size());
        return new ChurnTable(i, g, features, v, c);
    }

    /**
     * The features that carry information in this table: at least one value present and not all
     * present values equal. Training on a constant column only adds noise.
     */
    public List<String> informativeFeatures() {
        List<String> keep = new ArrayList<>();
        for (int j = 0; j < features.size(); j++) {
            double first = Double.NaN;
            boolean varies = false;
            for (double[] row : x) {
                double v = row[j];
                if (Double.isNaN(v)) {
                    continue;
                }
                if (Double.isNaN(first)) {
                    first = v;
                } else if (v != first) {
                    varies = true;
                    break;
                }
            }
            if (varies) {
                keep.add(features.get(j));
            }
        }
        return keep;
    }

    /** Row {@code r} as the profile map a {@code ChurnScorer} reads (missing values left out). */
    public Map<String, Double> profile(int r) {
        Map<String, Double> p = new HashMap<>(features.size() * 2);
        for (int j = 0; j < features.size(); j++) {
            if (!Double.isNaN(x[r][j])) {
                p.put(features.get(j), x[r][j]);
            }
        }
        return p;
    }

    /** Per feature, the mean of the present values (0 when none is present). */
    public double[] means() {
        double[] means = new double[features.size()];
        for (int j = 0; j < means.length; j++) {
            double sum = 0;
            int n = 0;
            for (double[] row : x) {
                if (!Double.isNaN(row[j])) {
                    sum += row[j];
                    n++;
                }
            }
            means[j] = n == 0 ? 0 : sum / n;
        }
        return means;
    }

    /** The values with every missing one replaced by {@code fill[column]}. */
    public double[][] filled(double[] fill) {
        double[][] v = new double[x.length][];
        for (int r = 0; r < x.length; r++) {
            v[r] = x[r].clone();
            for (int j = 0; j < fill.length; j++) {
                if (Double.isNaN(v[r][j])) {
                    v[r][j] = fill[j];
                }
            }
        }
        return v;
    }
}
