package dev.affinity.features.generate;

import static dev.affinity.features.warehouse.Column.optional;
import static dev.affinity.features.warehouse.Column.required;
import static dev.affinity.features.warehouse.ColumnType.DATE;
import static dev.affinity.features.warehouse.ColumnType.DOUBLE;
import static dev.affinity.features.warehouse.ColumnType.STRING;

import dev.affinity.features.warehouse.TableSchema;
import java.util.List;

/**
 * The planted ground truth of a generated warehouse, one row per customer, for evaluations only:
 * models must never train on it. It is not one of {@link dev.affinity.features.warehouse.Tables#ALL};
 * it lands in {@code <warehouse>/generator_truth/} and is recorded in the manifest like any table.
 *
 * <ul>
 *   <li>{@code top_category}: the category the customer's latent taste weights most; recommenders
 *       should recover it from behaviour.
 *   <li>{@code churn_date}: the first day with no activity at all (no events, orders, returns,
 *       opens, clicks or unsubscribes on or after it; sends still arrive), {@code null} when the
 *       customer never churns within the window.
 *   <li>{@code email_engagement}: the probability that the customer opens a variant-A campaign
 *       e-mail while active, between 0 and 1 (variant B is opened a little more often).
 * </ul>
 */
public final class GeneratorTruth {
    /** The {@code generator_truth} table. */
    public static final TableSchema TABLE = new TableSchema(
            "generator_truth",
            List.of(
                    required("customer_id", STRING),
                    required("top_category", STRING),
                    optional("churn_date", DATE),
                    required("email_engagement", DOUBLE)));

    private GeneratorTruth() {}
}
