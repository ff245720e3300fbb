package dev.affinity.features.generate;

import dev.affinity.features.warehouse.EmailEventType;
import dev.affinity.features.warehouse.EventType;
import dev.affinity.features.warehouse.TableAppender;
import dev.affinity.features.warehouse.Tables;
import dev.affinity.features.warehouse.WarehouseLoad;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * The rows of one generation, shaped for each table and appended to the load. Times are passed as
 * UTC epoch seconds; the latest one written becomes the load's watermark.
 */
final class GeneratedRows {
    private final TableAppender customers;
    private final TableAppender products;
    private final TableAppender orders;
    private final TableAppender returns;
    private final TableAppender events;
    private final TableAppender emailEvents;
    private final TableAppender enrichment;
    private final TableAppender truth;
    private long latest = Long.MIN_VALUE;

    /** Opens an appender per table, in a fixed order, each starting a part every {@code rowsPerPart}. */
    GeneratedRows(WarehouseLoad load, long rowsPerPart) {
        customers = load.appender(Tables.CUSTOMERS, rowsPerPart);
        products = load.appender(Tables.PRODUCTS, rowsPerPart);
        orders = load.appender(Tables.ORDERS, rowsPerPart);
        returns = load.appender(Tables.RETURNS, rowsPerPart);
        events = load.appender(Tables.EVENTS, rowsPerPart);
        emailEvents = load.appender(Tables.EMAIL_EVENTS, rowsPerPart);
        enrichment = load.appender(Tables.ENRICHMENT, rowsPerPart);
        truth = load.appender(GeneratorTruth.TABLE, rowsPerPart);
    }

    void customer(
            String id,
            String email,
            String firstName,
            String lastName,
            City city,
            LocalDate signupDate,
            boolean emailOptIn,
            boolean doNotSell) {
        customers.append(new Object[] {
            id, email, firstName, lastName, city.name(), city.country(), signupDate, emailOptIn, doNotSell
        });
    }

    void product(String id, String title, String description, String category, double price, boolean inStock) {
        String url = "https://shop.example.com/p/" + id;
        String image = "https://shop.example.com/img/" + id + ".jpg";
        products.append(new Object[] {id, title, description, category, price, url, image, inStock, true});
    }

    void event(
            String eventId,
            String customerId,
            String sessionId,
            EventType type,
            String productId,
            String searchQuery,
            long at,
            String channel) {
        events.append(
                new Object[] {eventId, customerId, sessionId, type.code(), productId, searchQuery, time(at), channel});
    }

    void orderLine(
            String orderId,
            int lineNumber,
            String customerId,
            String productId,
            int quantity,
            double unitPrice,
            long at,
            String country,
            String channel) {
        orders.append(new Object[] {
            orderId, lineNumber, customerId, productId, quantity, unitPrice, time(at), country, channel
        });
    }

    void returnLine(
            String returnId,
            String orderId,
            String customerId,
            String productId,
            int quantity,
            double unitPrice,
            long at,
            String country,
            String reason) {
        returns.append(
                new Object[] {returnId, orderId, customerId, productId, quantity, unitPrice, time(at), country, reason
                });
    }

    void email(String customerId, String campaignId, String variant, EmailEventType type, long at) {
        emailEvents.append(new Object[] {customerId, campaignId, variant, type.code(), time(at)});
    }

    void enrichment(String customerId, String attribute, String value, String provider, long at) {
        enrichment.append(new Object[] {customerId, attribute, value, provider, time(at)});
    }

    void truth(String customerId, String topCategory, LocalDate churnDate, double emailEngagement) {
        truth.append(new Object[] {customerId, topCategory, churnDate, emailEngagement});
    }

    /** The latest time written, or {@code fallback} when no timed row was written. */
    LocalDateTime latest(LocalDateTime fallback) {
        return latest == Long.MIN_VALUE ? fallback : LocalDateTime.ofEpochSecond(latest, 0, ZoneOffset.UTC);
    }

    private LocalDateTime time(long epochSecond) {
        if (epochSecond > latest) {
            latest = epochSecond;
        }
        return LocalDateTime.ofEpochSecond(epochSecond, 0, ZoneOffset.UTC);
    }
}
