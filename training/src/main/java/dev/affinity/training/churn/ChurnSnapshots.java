package dev.affinity.training.churn;

import dev.affinity.features.profiles.ChurnLabels;
import dev.affinity.features.profiles.CustomerProfiles;
import dev.affinity.features.progress.Progress;
import dev.affinity.features.warehouse.Warehouse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Churn training rows from the warehouse: for a cutoff T and horizon H, the profile of every
 * customer with a purchase before T, as of T (data strictly before T), labelled churned when they
 * make no purchase in (T, T + H]. Several cutoffs are stacked as rolling snapshots.
 */
public final class ChurnSnapshots {
    /** The numeric profile fields the churn models read. */
    public static final List<String> PROFILE_FEATURES = List.of(
            "recency_days",
            "frequency",
            "monetary",
            "avg_order_value",
            "tenure_days",
            "distinct_products",
            "orders_30d",
            "orders_90d",
            "orders_365d",
            "orders_180d",
            "revenue_90d",
            "active_months_365d",
            "avg_gap_days",
            "overdue_ratio",
            "units_per_order",
            "last_gap_days",
            "return_rate",
            "emails_sent",
            "email_open_rate",
            "email_click_rate",
            "add_to_cart_count",
            "abandoned_carts");

    private ChurnSnapshots() {}

    /**
     * The rows of every cutoff, stacked in the order given; the group of a row is its customer.
     *
     * @throws IllegalArgumentException when a cutoff's label window reaches past the warehouse's
     *     last order (its labels would overstate churn)
     */
    public static ChurnTable table(Warehouse warehouse, List<LocalDate> cutoffs, int horizonDays) {
        ChurnTable all = null;
        for (LocalDate cutoff : cutoffs) {
            ChurnTable t = snapshot(warehouse, cutoff, horizonDays);
            all = all == null ? t : all.append(t);
        }
        if (all == null) {
            throw new IllegalArgumentException("at least one cutoff is needed");
        }
        return all;
    }

    /** The rows of one cutoff. */
    public static ChurnTable snapshot(Warehouse warehouse, LocalDate cutoff, int horizonDays) {
        ChurnLabels labels = ChurnLabels.of(warehouse, cutoff, horizonDays);
        if (!labels.windowComplete()) {
            throw new IllegalArgumentException("the label window of cutoff " + cutoff + " (" + horizonDays
                    + " days) reaches past the last order in the warehouse: pick an earlier cutoff");
        }
        CustomerProfiles profiles = new CustomerProfiles(warehouse, Progress.NONE);
        profiles.compute(cutoff);
        Map<String, Map<String, Object>> rows = profiles.read(cutoff);
        List<String> ids = new ArrayList<>();
        List<String> groups = new ArrayList<>();
        double[][] x = new double[labels.labels().size()][];
        boolean[] churned = new boolean[x.length];
        int r = 0;
        for (var e : labels.labels().entrySet()) {
            Map<String, Object> profile = rows.get(e.getKey());
            if (profile == null) {
                throw new IllegalStateException("customer active before " + cutoff + " has no profile");
            }
            double[] v = new double[PROFILE_FEATURES.size()];
            for (int j = 0; j < v.length; j++) {
                v[j] = profile.get(PROFILE_FEATURES.get(j)) instanceof Number n ? n.doubleValue() : Double.NaN;
            }
            ids.add(e.getKey() + "@" + cutoff);
            groups.add(e.getKey());
            x[r] = v;
            churned[r++] = e.getValue();
        }
        return new ChurnTable(ids, groups, PROFILE_FEATURES, x, churned);
    }
}
