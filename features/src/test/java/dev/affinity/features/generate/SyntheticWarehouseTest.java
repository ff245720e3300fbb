package dev.affinity.features.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.affinity.features.quality.EmailAddress;
import dev.affinity.features.warehouse.EmailEventType;
import dev.affinity.features.warehouse.EventType;
import dev.affinity.features.warehouse.TableSchema;
import dev.affinity.features.warehouse.Tables;
import dev.affinity.features.warehouse.Warehouse;
import dev.affinity.features.warehouse.WarehouseManifest;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Structure and planted behaviour of one small generated warehouse. */
class SyntheticWarehouseTest {
    static final GeneratorConfig CONFIG = GeneratorConfig.of(2_000, 500, 60, 42);

    @TempDir
    static Path dir;

    static Warehouse warehouse;
    static GenerationResult result;
    static Map<String, LocalDate> churnDates;
    static List<Long> progressDone;

    @BeforeAll
    static void generate() {
        warehouse = Warehouse.open(dir.resolve("wh"));
        progressDone = new ArrayList<>();
        result = SyntheticWarehouse.generate(warehouse, CONFIG, (step, done, total) -> {
            if (step.equals(SyntheticWarehouse.CUSTOMERS_STEP)) {
                assertThat(total).isEqualTo(CONFIG.customers());
                progressDone.add(done);
            }
        });
        churnDates = new HashMap<>();
        rows(GeneratorTruth.TABLE, (row, col) -> {
            if (row[col.get("churn_date")] != null) {
                churnDates.put((String) row[0], (LocalDate) row[col.get("churn_date")]);
            }
        });
    }

    /** Calls {@code action} with each row and a column-name-to-index map. */
    static void rows(TableSchema table, BiConsumer<Object[], Map<String, Integer>> action) {
        Map<String, Integer> col = new HashMap<>();
        table.columns().forEach(c -> col.put(c.name(), table.indexOf(c.name())));
        warehouse.forEachRow(table, row -> action.accept(row, col));
    }

    @Test
    void writesEveryTableAndRecordsTheLoad() {
        assertThat(result.rows(Tables.CUSTOMERS)).isEqualTo(2_000);
        assertThat(result.rows(Tables.PRODUCTS)).isEqualTo(500);
        assertThat(result.rows(GeneratorTruth.TABLE)).isEqualTo(2_000);
        for (TableSchema table :
                List.of(Tables.ORDERS, Tables.RETURNS, Tables.EVENTS, Tables.EMAIL_EVENTS, Tables.ENRICHMENT)) {
            assertThat(result.rows(table)).as(table.name()).isPositive();
            assertThat(warehouse.rowCount(table)).as(table.name()).isEqualTo(result.rows(table));
        }
        assertThat(result.rows(Tables.QUARANTINE)).isZero();

        WarehouseManifest manifest = warehouse.manifest();
        assertThat(manifest.table(GeneratorTruth.TABLE.name()).rows()).isEqualTo(2_000);
        assertThat(manifest.source(SyntheticWarehouse.SOURCE).watermark()).isEqualTo(result.watermark());
        assertThat(manifest.source(SyntheticWarehouse.SOURCE).files()).isEmpty();
        assertThat(result.watermark())
                .isBefore(CONFIG.windowEnd())
                .isAfter(CONFIG.windowEnd().minusDays(1));
        assertThat(progressDone).hasSize(2_000).endsWith(2_000L);
    }

    @Test
    void refusesAWarehouseThatAlreadyHoldsData() {
        assertThatThrownBy(() -> SyntheticWarehouse.generate(warehouse, CONFIG, (s, d, t) -> {}))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("customers (2000 rows)")
                .hasMessageContaining("already holds data");
        assertThat(warehouse.rowCount(Tables.CUSTOMERS)).isEqualTo(2_000);
    }

    @Test
    void customersHaveValidUniqueEmailsAndCountriesMatchingTheirCity() {
        Map<String, String> countryOfCity = new HashMap<>();
        Cities.ALL.forEach(c -> countryOfCity.put(c.name(), c.country()));
        Set<String> emails = new HashSet<>();
        Map<String, Integer> byCity = new HashMap<>();
        int[] optIn = new int[2];
        rows(Tables.CUSTOMERS, (row, col) -> {
            String email = (String) row[col.get("email")];
            assertThat(EmailAddress.isValid(email)).as(email).isTrue();
            assertThat(emails.add(email)).as("duplicate %s", email).isTrue();
            String city = (String) row[col.get("city")];
            assertThat(row[col.get("country")]).isEqualTo(countryOfCity.get(city));
            assertThat((LocalDate) row[col.get("signup_date")])
                    .isBefore(CONFIG.endDate().plusDays(1));
            byCity.merge(city, 1, Integer::sum);
            optIn[0] += (Boolean) row[col.get("email_opt_in")] ? 1 : 0;
            optIn[1] += (Boolean) row[col.get("do_not_sell")] ? 1 : 0;
        });
        assertThat(byCity.get("New York")).isGreaterThan(byCity.getOrDefault("Vienna", 0) * 5);
        assertThat(byCity).hasSizeGreaterThan(25);
        assertThat(optIn[0] / 2_000.0).isBetween(0.86, 0.94);
        assertThat(optIn[1] / 2_000.0).isBetween(0.03, 0.07);
    }

    @Test
    void productsHavePositivePricesCategoriesAndShopUrls() {
        Set<String> categories = new HashSet<>();
        rows(Tables.PRODUCTS, (row, col) -> {
            String id = (String) row[col.get("product_id")];
            assertThat((Double) row[col.get("price")]).isPositive();
            assertThat(row[col.get("url")]).isEqualTo("https://shop.example.com/p/" + id);
            assertThat((String) row[col.get("title")]).isNotBlank();
            assertThat(row[col.get("is_merchandise")]).isEqualTo(true);
            categories.add((String) row[col.get("category")]);
        });
        assertThat(categories).hasSize(Categories.ALL.size());
    }

    @Test
    void eventTypesAreValidAndTimesLieInTheWindow() {
        Map<EventType, Integer> counts = new HashMap<>();
        rows(Tables.EVENTS, (row, col) -> {
            EventType type = EventType.parse((String) row[col.get("event_type")]);
            assertThat(type).as((String) row[col.get("event_type")]).isNotNull();
            counts.merge(type, 1, Integer::sum);
            LocalDateTime at = (LocalDateTime) row[col.get("occurred_at")];
            assertThat(at).isAfterOrEqualTo(CONFIG.windowStart()).isBefore(CONFIG.windowEnd());
            assertThat(row[col.get("channel")]).isIn("web", "app");
        });
        assertThat(counts.keySet()).containsExactlyInAnyOrder(EventType.values());
        Set<EmailEventType> emailTypes = new HashSet<>();
        rows(Tables.EMAIL_EVENTS, (row, col) -> {
            EmailEventType type = EmailEventType.parse((String) row[col.get("event_type")]);
            assertThat(type).isNotNull();
            emailTypes.add(type);
            assertThat(row[col.get("variant")]).isIn("A", "B");
        });
        assertThat(emailTypes).containsExactlyInAnyOrder(EmailEventType.values());
    }

    @Test
    void eventsPerCustomerMeetTheTarget() {
        double perCustomer = (double) result.rows(Tables.EVENTS) / CONFIG.customers();

        assertThat(perCustomer).isBetween(0.85 * 50, 1.15 * 50);
    }

    @Test
    void someCartsAreAbandonedAndEveryPurchaseIsAnOrderLine() {
        Map<String, Set<String>> typesBySession = new HashMap<>();
        long[] purchases = new long[1];
        rows(Tables.EVENTS, (row, col) -> {
            String session = (String) row[col.get("session_id")];
            String type = (String) row[col.get("event_type")];
            if (session != null) {
                typesBySession.computeIfAbsent(session, s -> new HashSet<>()).add(type);
            }
            purchases[0] += type.equals("purchase") ? 1 : 0;
        });
        long withCart = typesBySession.values().stream()
                .filter(t -> t.contains("add_to_cart"))
                .count();
        long abandoned = typesBySession.values().stream()
                .filter(t -> t.contains("add_to_cart") && !t.contains("purchase"))
                .count();
        assertThat((double) abandoned / withCart).isBetween(0.3, 0.8);
        assertThat(purchases[0]).isEqualTo(result.rows(Tables.ORDERS));
    }

    @Test
    void orderLinesCarryTheListPriceAndAFewAreReturned() {
        Map<String, Double> price = new HashMap<>();
        rows(Tables.PRODUCTS, (row, col) -> price.put((String) row[0], (Double) row[col.get("price")]));
        Set<String> lines = new HashSet<>();
        rows(Tables.ORDERS, (row, col) -> {
            assertThat(row[col.get("unit_price")]).isEqualTo(price.get((String) row[col.get("product_id")]));
            assertThat((Integer) row[col.get("quantity")]).isBetween(1, 3);
            assertThat(row[col.get("channel")]).isIn("web", "app");
            lines.add(row[col.get("order_id")] + "/" + row[col.get("product_id")]);
        });
        rows(
                Tables.RETURNS,
                (row, col) -> assertThat(lines).contains(row[col.get("order_id")] + "/" + row[col.get("product_id")]));
        assertThat((double) result.rows(Tables.RETURNS) / result.rows(Tables.ORDERS))
                .isBetween(0.01, 0.05);
    }

    @Test
    void churnedCustomersHaveNoActivityFromTheirChurnDate() {
        assertThat((double) churnDates.size() / CONFIG.customers()).isBetween(0.2, 0.3);
        List<String> late = new ArrayList<>();
        BiConsumer<String, LocalDateTime> check = (customer, at) -> {
            LocalDate churn = churnDates.get(customer);
            if (churn != null && !at.isBefore(churn.atStartOfDay())) {
                late.add(customer + " at " + at);
            }
        };
        rows(Tables.EVENTS, (row, col) -> check.accept((String) row[1], (LocalDateTime) row[col.get("occurred_at")]));
        rows(Tables.ORDERS, (row, col) -> check.accept((String) row[2], (LocalDateTime) row[col.get("ordered_at")]));
        rows(Tables.RETURNS, (row, col) -> check.accept((String) row[2], (LocalDateTime) row[col.get("returned_at")]));
        long[] sendsAfterChurn = new long[1];
        rows(Tables.EMAIL_EVENTS, (row, col) -> {
            String type = (String) row[col.get("event_type")];
            LocalDateTime at = (LocalDateTime) row[col.get("occurred_at")];
            if (type.equals("send") || type.equals("bounce")) {
                LocalDate churn = churnDates.get((String) row[0]);
                sendsAfterChurn[0] += churn != null && !at.isBefore(churn.atStartOfDay()) ? 1 : 0;
            } else {
                check.accept((String) row[0], at);
            }
        });
        assertThat(late).isEmpty();
        assertThat(sendsAfterChurn[0]).as("churned customers are still mailed").isPositive();
    }

    @Test
    void opensFollowEngagementAndVariantBLiftsThem() {
        Map<String, Double> engagement = new HashMap<>();
        rows(
                GeneratorTruth.TABLE,
                (row, col) -> engagement.put((String) row[0], (Double) row[col.get("email_engagement")]));
        long[] sends = new long[2];
        long[] opens = new long[2];
        long[] lowHigh = new long[4];
        rows(Tables.EMAIL_EVENTS, (row, col) -> {
            int variant = row[col.get("variant")].equals("A") ? 0 : 1;
            String type = (String) row[col.get("event_type")];
            boolean high = engagement.get((String) row[0]) > 0.3;
            if (type.equals("send") && !churnDates.containsKey((String) row[0])) {
                sends[variant]++;
                lowHigh[high ? 2 : 0]++;
            } else if (type.equals("open") && !churnDates.containsKey((String) row[0])) {
                opens[variant]++;
                lowHigh[high ? 3 : 1]++;
            }
        });
        double rateA = (double) opens[0] / sends[0];
        double rateB = (double) opens[1] / sends[1];
        assertThat(rateB).isGreaterThan(rateA * 1.05);
        assertThat((double) lowHigh[3] / lowHigh[2]).isGreaterThan(2.0 * lowHigh[1] / lowHigh[0]);
    }

    @Test
    void enrichmentCoversAShareOfCustomers() {
        Set<String> known = new HashSet<>();
        rows(Tables.ENRICHMENT, (row, col) -> {
            known.add((String) row[0]);
            assertThat(row[col.get("attribute")]).isIn("age_band", "income_band", "household_size");
        });
        assertThat((double) known.size() / CONFIG.customers()).isBetween(0.3, 0.5);
    }
}
