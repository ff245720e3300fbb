package dev.affinity.features.profiles;

import static dev.affinity.features.testing.Rows.customer;
import static dev.affinity.features.testing.Rows.email;
import static dev.affinity.features.testing.Rows.event;
import static dev.affinity.features.testing.Rows.order;
import static dev.affinity.features.testing.Rows.product;
import static dev.affinity.features.testing.Rows.returned;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.affinity.features.progress.Progress;
import dev.affinity.features.warehouse.TableSchema;
import dev.affinity.features.warehouse.Tables;
import dev.affinity.features.warehouse.Warehouse;
import dev.affinity.features.warehouse.WarehouseLoad;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CustomerProfilesTest {
    static final LocalDate T = LocalDate.of(2024, 6, 1);
    static final LocalDateTime CUT = T.atStartOfDay();

    @TempDir
    Path dir;

    /** A fixture row and the table it belongs to. */
    record Fact(TableSchema table, Object[] row) {
        LocalDateTime at() {
            for (Object v : row) {
                if (v instanceof LocalDateTime t) {
                    return t;
                }
            }
            return null;
        }
    }

    /** Ada buys often, returns once, opens e-mail; Bob abandons a cart; Cleo only buys at and after T. */
    static List<Fact> facts() {
        List<Fact> f = new ArrayList<>();
        f.add(new Fact(Tables.CUSTOMERS, customer("ada", "New York", LocalDate.of(2023, 1, 10))));
        f.add(new Fact(Tables.CUSTOMERS, customer("bob", "Boston", LocalDate.of(2024, 5, 1))));
        f.add(new Fact(Tables.CUSTOMERS, customer("cleo", "Chicago", null)));
        f.add(new Fact(Tables.CUSTOMERS, customer("dan", "Denver", LocalDate.of(2024, 7, 1))));
        f.add(new Fact(Tables.PRODUCTS, product("p1", "Kitchen", 10.0)));
        f.add(new Fact(Tables.PRODUCTS, product("p2", "Garden", 40.0)));
        f.add(new Fact(Tables.PRODUCTS, product("p3", "Kitchen", 5.0)));
        // Ada: three orders before T (one within 30 days), one after.
        f.add(new Fact(Tables.ORDERS, order("o1", 1, "ada", "p1", 2, 10.0, CUT.minusDays(200))));
        f.add(new Fact(Tables.ORDERS, order("o1", 2, "ada", "p2", 1, 40.0, CUT.minusDays(200))));
        f.add(new Fact(Tables.ORDERS, order("o2", 1, "ada", "p1", 3, 10.0, CUT.minusDays(60))));
        f.add(new Fact(
                Tables.ORDERS,
                order("o3", 1, "ada", "p3", 4, 5.0, CUT.minusDays(10).plusHours(5))));
        f.add(new Fact(Tables.ORDERS, order("o9", 1, "ada", "p2", 9, 40.0, CUT.plusDays(3))));
        f.add(new Fact(Tables.RETURNS, returned("r1", "ada", "p1", 1, 10.0, CUT.minusDays(55))));
        f.add(new Fact(Tables.RETURNS, returned("r9", "ada", "p3", 4, 5.0, CUT.plusDays(5))));
        f.add(new Fact(Tables.EMAIL_EVENTS, email("ada", "c1", "send", CUT.minusDays(20))));
        f.add(new Fact(Tables.EMAIL_EVENTS, email("ada", "c1", "open", CUT.minusDays(19))));
        f.add(new Fact(Tables.EMAIL_EVENTS, email("ada", "c1", "open", CUT.minusDays(18))));
        f.add(new Fact(Tables.EMAIL_EVENTS, email("ada", "c2", "send", CUT.minusDays(5))));
        f.add(new Fact(Tables.EMAIL_EVENTS, email("ada", "c3", "send", CUT.plusDays(1))));
        f.add(new Fact(Tables.EMAIL_EVENTS, email("ada", "c3", "click", CUT.plusDays(1))));
        // Bob: a cart abandoned before T, another session that bought; a cart after T.
        f.add(new Fact(Tables.EVENTS, event("e1", "bob", "s1", "view", "p1", CUT.minusDays(3))));
        f.add(new Fact(Tables.EVENTS, event("e2", "bob", "s1", "add_to_cart", "p1", CUT.minusDays(3))));
        f.add(new Fact(Tables.EVENTS, event("e3", "bob", "s2", "add_to_cart", "p2", CUT.minusDays(2))));
        f.add(new Fact(Tables.EVENTS, event("e4", "bob", "s2", "purchase", null, CUT.minusDays(2))));
        f.add(new Fact(Tables.ORDERS, order("o4", 1, "bob", "p2", 1, 40.0, CUT.minusDays(2))));
        f.add(new Fact(Tables.EVENTS, event("e5", "bob", "s3", "add_to_cart", "p3", CUT.plusDays(2))));
        // Cleo: a view before T, an order exactly at T (not before it) and one after.
        f.add(new Fact(Tables.EVENTS, event("e6", "cleo", "s9", "view", "p3", CUT.minusDays(1))));
        f.add(new Fact(Tables.ORDERS, order("o5", 1, "cleo", "p3", 1, 5.0, CUT)));
        f.add(new Fact(Tables.ORDERS, order("o6", 1, "cleo", "p3", 1, 5.0, CUT.plusDays(40))));
        // Dan signs up after T and orders after it.
        f.add(new Fact(Tables.ORDERS, order("o7", 1, "dan", "p1", 1, 10.0, CUT.plusDays(31))));
        return f;
    }

    static Warehouse load(Path root, List<Fact> facts) {
        Warehouse w = Warehouse.open(root);
        try (WarehouseLoad load = w.beginLoad("fixture")) {
            facts.forEach(f -> load.appender(f.table()).append(f.row()));
            load.commit(null, null);
        }
        return w;
    }

    @Test
    void profilesAreIdenticalWithAndWithoutTheFuture() {
        Warehouse full = load(dir.resolve("full"), facts());
        Warehouse past = load(
                dir.resolve("past"),
                facts().stream()
                        .filter(f -> f.at() == null || f.at().isBefore(CUT))
                        .toList());
        var withFuture = new CustomerProfiles(full, Progress.NONE);
        var withoutFuture = new CustomerProfiles(past, Progress.NONE);
        withFuture.compute(T);
        withoutFuture.compute(T);
        assertThat(withFuture.read(T)).isEqualTo(withoutFuture.read(T)).isNotEmpty();
    }

    @Test
    void figuresOfHandMadeCustomers() {
        Warehouse w = load(dir, facts());
        CustomerProfiles profiles = new CustomerProfiles(w, Progress.NONE);
        assertThat(profiles.compute(T).customers()).isEqualTo(3); // Dan signed up after T
        Map<String, Map<String, Object>> byId = profiles.read(T);
        assertThat(byId).containsOnlyKeys("ada", "bob", "cleo");

        Map<String, Object> ada = byId.get("ada");
        assertThat(ada.get("frequency")).isEqualTo(3L);
        assertThat(ada.get("recency_days")).isEqualTo(9); // 9 days 19 hours before T
        assertThat((double) ada.get("monetary")).isCloseTo(20 + 40 + 30 + 20 - 10, within(1e-9));
        assertThat((double) ada.get("avg_order_value")).isCloseTo(110 / 3.0, within(1e-9));
        // Her last purchase before T is o3 (p3, Kitchen); o9 after T is not seen.
        assertThat(ada.get("last_purchased_product_id")).isEqualTo("p3");
        assertThat(ada.get("last_purchased_item")).isEqualTo("Title p3");
        assertThat(ada.get("last_purchase_category")).isEqualTo("Kitchen");
        assertThat(ada.get("first_name")).isEqualTo("First");
        assertThat(ada.get("email_opt_in")).isEqualTo(true);
        assertThat((double) ada.get("return_rate")).isCloseTo(10 / 110.0, within(1e-9));
        assertThat(ada.get("orders_30d")).isEqualTo(1L);
        assertThat(ada.get("orders_90d")).isEqualTo(2L);
        assertThat(ada.get("orders_365d")).isEqualTo(3L);
        assertThat(ada.get("distinct_products")).isEqualTo(3L);
        assertThat(ada.get("favourite_category")).isEqualTo("Kitchen"); // 20 + 30 + 20 vs 40
        assertThat(ada.get("tenure_days")).isEqualTo(508); // from sign-up on 2023-01-10
        assertThat(ada.get("emails_sent")).isEqualTo(2L);
        assertThat((double) ada.get("email_open_rate")).isCloseTo(0.5, within(1e-9));
        assertThat((double) ada.get("email_click_rate")).isCloseTo(0.0, within(1e-9));
        assertThat(ada.get("city")).isEqualTo("New York");

        Map<String, Object> bob = byId.get("bob");
        assertThat(bob.get("add_to_cart_count")).isEqualTo(2L);
        assertThat(bob.get("abandoned_carts")).isEqualTo(1L);
        assertThat(bob.get("frequency")).isEqualTo(1L);

        Map<String, Object> cleo = byId.get("cleo");
        assertThat(cleo.get("frequency")).isEqualTo(0L); // the order at exactly T does not count
        assertThat(cleo.get("recency_days")).isNull();
        assertThat(cleo.get("r_score")).isNull();
        assertThat(cleo.get("last_activity_at")).isEqualTo(CUT.minusDays(1));
    }
}
