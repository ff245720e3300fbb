package dev.affinity.training.churn;

import dev.affinity.features.warehouse.Warehouse;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The out-of-time protocol on a warehouse: training snapshots at {@code trainCutoffs} (stacked), a
 * seeded share of their customers held out for validation, and the test snapshot at {@code
 * testCutoff}, whose label window must be complete. Every training label window ends on or before
 * the test cutoff, so nothing the test measures is seen in training.
 *
 * @param trainCutoffs the training cutoffs
 * @param testCutoff the test cutoff
 * @param horizonDays the label horizon
 * @param validationShare share of training customers held out for validation
 * @param seed the validation split's seed
 */
public record ChurnProtocol(
        List<LocalDate> trainCutoffs, LocalDate testCutoff, int horizonDays, double validationShare, long seed) {
    /** Checks that training label windows end by the test cutoff. */
    public ChurnProtocol {
        trainCutoffs = List.copyOf(trainCutoffs);
        if (trainCutoffs.isEmpty()) {
            throw new IllegalArgumentException("at least one training cutoff is needed");
        }
        if (horizonDays < 1) {
            throw new IllegalArgumentException("horizon days must be at least 1, got " + horizonDays);
        }
        for (LocalDate c : trainCutoffs) {
            if (c.plusDays(horizonDays).isAfter(testCutoff)) {
                throw new IllegalArgumentException(
                        "training cutoff " + c + " plus the " + horizonDays + "-day horizon ends after the test cutoff "
                                + testCutoff + ": its labels would overlap the test");
            }
        }
        if (!(validationShare > 0 && validationShare < 1)) {
            throw new IllegalArgumentException("validation share must be in (0, 1), got " + validationShare);
        }
    }

    /** The three splits: {train, validation, test}. */
    public ChurnTable[] tables(Warehouse warehouse) {
        ChurnTable stacked = ChurnSnapshots.table(warehouse, trainCutoffs, horizonDays);
        ChurnTable[] tv = ChurnSplits.byGroup(stacked, validationShare, seed);
        ChurnTable test = ChurnSnapshots.snapshot(warehouse, testCutoff, horizonDays);
        return new ChurnTable[] {tv[0], tv[1], test};
    }

    /** The protocol in words. */
    public String describe() {
        return String.format(
                Locale.ROOT,
                "out-of-time: train on cutoffs %s (%.0f%% of customers held out for validation, seed %d), test on"
                        + " cutoff %s, horizon %d days",
                trainCutoffs.stream().map(LocalDate::toString).collect(Collectors.joining(", ")),
                100 * validationShare,
                seed,
                testCutoff,
                horizonDays);
    }
}
