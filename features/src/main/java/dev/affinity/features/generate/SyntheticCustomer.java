package dev.affinity.features.generate;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * One synthetic customer: what the CRM shows, and the latent traits that drive the behaviour the
 * other tables record. Times are UTC epoch seconds.
 *
 * @param digits the eight digits shared by all of this customer's ids
 * @param id customer id, {@code C} and the digits
 * @param firstName given name
 * @param lastName family name
 * @param email unique address at a reserved example domain
 * @param city home city, which also gives the country of orders and returns
 * @param signupAt when the account was created
 * @param signedUpInWindow whether the sign-up falls in the window (only then is a signup event logged)
 * @param emailOptIn whether campaign e-mails may be sent
 * @param doNotSell whether the customer opted out of data sale
 * @param tasteCdf cumulative taste weight per category, in {@link Categories#ALL} order
 * @param topCategory index of the category with the largest taste weight (planted truth)
 * @param activity multiplier of the customer's session rate, mean 1
 * @param engagement probability of opening a variant-A campaign e-mail while active
 * @param webShare probability that a session is on the web rather than the app
 * @param activeStart first second of possible activity
 * @param activeEnd first second after all activity: the churn instant, or the window's end
 * @param churnDate the first day without activity, or {@code null} without churn
 */
record SyntheticCustomer(
        String digits,
        String id,
        String firstName,
        String lastName,
        String email,
        City city,
        long signupAt,
        boolean signedUpInWindow,
        boolean emailOptIn,
        boolean doNotSell,
        double[] tasteCdf,
        int topCategory,
        double activity,
        double engagement,
        double webShare,
        long activeStart,
        long activeEnd,
        LocalDate churnDate) {
    /** Checks that activity, if any, lies after the sign-up. */
    SyntheticCustomer {
        if (activeStart < signupAt) {
            throw new IllegalArgumentException("activity before sign-up for " + id);
        }
    }

    /** The day of the sign-up, in UTC. */
    LocalDate signupDate() {
        return LocalDateTime.ofEpochSecond(signupAt, 0, ZoneOffset.UTC).toLocalDate();
    }

    /** Whether the customer stops all activity within the window. */
    boolean churns() {
        return churnDate != null;
    }
}
