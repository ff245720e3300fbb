package dev.affinity.features.generate;

import dev.affinity.features.warehouse.EmailEventType;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Weekly e-mail campaigns and every opted-in customer's sends, bounces, opens, clicks and
 * unsubscribes, written to {@code email_events}.
 *
 * <p>A campaign goes out every {@link #CAMPAIGN_DAY} at 09:00 UTC, spread over three hours, to each
 * customer who has opted in, signed up and not unsubscribed; each recipient gets variant A or B at
 * random. An active customer opens with their {@link SyntheticCustomer#engagement()} (variant B
 * {@value #VARIANT_B_LIFT} times as often: a planted A/B effect), clicks after an open with {@code
 * 0.1 + 0.4 * engagement}, and rarely unsubscribes. Churned customers still receive sends, but never
 * open, click or unsubscribe again.
 */
final class EmailCampaigns {
    /** The weekday campaigns are sent on. */
    static final DayOfWeek CAMPAIGN_DAY = DayOfWeek.TUESDAY;
    /** Relative open rate of variant B over variant A. */
    static final double VARIANT_B_LIFT = 1.15;
    /** Chance that a send bounces. */
    static final double BOUNCE = 0.005;
    /** Chance that an open leads to an unsubscribe. */
    static final double UNSUBSCRIBE_AFTER_OPEN = 0.01;
    /** Mean delay from send to open, in seconds. */
    static final double MEAN_OPEN_DELAY_SECONDS = 4 * 3600;
    /** Mean delay from open to click, in seconds. */
    static final double MEAN_CLICK_DELAY_SECONDS = 180;

    private static final long SEND_HOUR_SECONDS = 9 * 3600;
    private static final long SEND_SPREAD_SECONDS = 3 * 3600;
    private static final DateTimeFormatter ID_DATE = DateTimeFormatter.BASIC_ISO_DATE;

    private final GeneratedRows rows;
    private final long windowEnd;
    private final long[] sendDays;
    private final String[] campaignIds;

    EmailCampaigns(GeneratorConfig config, GeneratedRows rows) {
        this.rows = rows;
        this.windowEnd = Window.of(config).end();
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = config.endDate().minusDays(config.days() - 1L);
                !d.isAfter(config.endDate());
                d = d.plusDays(1)) {
            if (d.getDayOfWeek() == CAMPAIGN_DAY) {
                days.add(d);
            }
        }
        sendDays = days.stream().mapToLong(LocalDate::toEpochDay).toArray();
        campaignIds = days.stream().map(d -> "CMP-" + d.format(ID_DATE)).toArray(String[]::new);
    }

    /** Writes {@code customer}'s e-mail events, drawing from {@code r}. */
    void simulate(SyntheticCustomer customer, SplittableRandom r) {
        if (!customer.emailOptIn()) {
            return;
        }
        String id = customer.id();
        for (int k = 0; k < sendDays.length; k++) {
            long sentAt = sendDays[k] * 86_400 + SEND_HOUR_SECONDS + r.nextLong(SEND_SPREAD_SECONDS);
            boolean variantB = r.nextBoolean();
            if (sentAt < customer.activeStart() || sentAt >= windowEnd) {
                continue;
            }
            String campaign = campaignIds[k];
            String variant = variantB ? "B" : "A";
            rows.email(id, campaign, variant, EmailEventType.SEND, sentAt);
            if (r.nextDouble() < BOUNCE) {
                rows.email(id, campaign, variant, EmailEventType.BOUNCE, sentAt + 5);
                continue;
            }
            double openChance = Math.min(1, customer.engagement() * (variantB ? VARIANT_B_LIFT : 1));
            if (r.nextDouble() >= openChance) {
                continue;
            }
            long openedAt = sentAt + 1 + (long) RandomDraws.exponential(r, MEAN_OPEN_DELAY_SECONDS);
            if (openedAt >= customer.activeEnd()) {
                continue;
            }
            rows.email(id, campaign, variant, EmailEventType.OPEN, openedAt);
            if (r.nextDouble() < 0.1 + 0.4 * customer.engagement()) {
                long clickedAt = openedAt + 1 + (long) RandomDraws.exponential(r, MEAN_CLICK_DELAY_SECONDS);
                if (clickedAt < customer.activeEnd()) {
                    rows.email(id, campaign, variant, EmailEventType.CLICK, clickedAt);
                }
            }
            if (r.nextDouble() < UNSUBSCRIBE_AFTER_OPEN && openedAt + 30 < customer.activeEnd()) {
                rows.email(id, campaign, variant, EmailEventType.UNSUBSCRIBE, openedAt + 30);
                return;
            }
        }
    }
}
