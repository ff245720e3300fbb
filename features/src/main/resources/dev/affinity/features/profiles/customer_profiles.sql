-- Customer profiles as of a cutoff. This query is the feature definition: every figure uses only
-- rows strictly before the cutoff (${as_of}), so a profile never sees the future.
--
-- The views customers, products, orders, returns, events and email_events are the warehouse tables.
-- Guests (orders with no customer) do not have profiles. Money is summed as DECIMAL so that totals
-- do not depend on the order in which parallel threads add them; it is written out as DOUBLE.
WITH
o AS (SELECT * FROM orders       WHERE ordered_at  < ${as_of} AND customer_id IS NOT NULL),
r AS (SELECT * FROM returns      WHERE returned_at < ${as_of} AND customer_id IS NOT NULL),
e AS (SELECT * FROM events       WHERE occurred_at < ${as_of} AND customer_id IS NOT NULL),
m AS (SELECT * FROM email_events WHERE occurred_at < ${as_of}),

-- One row per order: its time and value.
order_totals AS (
    SELECT customer_id, order_id, min(ordered_at) AS ordered_at, sum(quantity * CAST(unit_price AS DECIMAL(18, 4))) AS amount,
           sum(quantity) AS units
    FROM o GROUP BY customer_id, order_id
),
-- The gap between a customer's last two orders (in days).
order_gaps AS (
    SELECT customer_id, (epoch(max(ordered_at)) - epoch(min(ordered_at))) / 86400.0 AS last_gap_days
    FROM (SELECT customer_id, ordered_at,
                 row_number() OVER (PARTITION BY customer_id ORDER BY ordered_at DESC) AS back
          FROM order_totals)
    WHERE back <= 2
    GROUP BY customer_id
    HAVING count(*) = 2
),
purchases AS (
    SELECT customer_id,
           count(*)                                                          AS frequency,
           sum(amount)                                                       AS gross_revenue,
           min(ordered_at)                                                   AS first_order_at,
           max(ordered_at)                                                   AS last_order_at,
           count(*) FILTER (WHERE ordered_at >= ${as_of} - INTERVAL 30 DAY)  AS orders_30d,
           count(*) FILTER (WHERE ordered_at >= ${as_of} - INTERVAL 90 DAY)  AS orders_90d,
           count(*) FILTER (WHERE ordered_at >= ${as_of} - INTERVAL 365 DAY) AS orders_365d,
           count(*) FILTER (WHERE ordered_at >= ${as_of} - INTERVAL 180 DAY) AS orders_180d,
           sum(units) / count(*)                                             AS units_per_order,
           coalesce(sum(amount) FILTER (WHERE ordered_at >= ${as_of} - INTERVAL 90 DAY), 0) AS revenue_90d,
           count(DISTINCT date_trunc('month', ordered_at))
               FILTER (WHERE ordered_at >= ${as_of} - INTERVAL 365 DAY)     AS active_months_365d
    FROM order_totals GROUP BY customer_id
),
basket AS (
    SELECT customer_id, count(DISTINCT product_id) AS distinct_products FROM o GROUP BY customer_id
),
refunds AS (
    SELECT customer_id, sum(quantity * CAST(coalesce(unit_price, 0) AS DECIMAL(18, 4))) AS returned_amount, max(returned_at) AS last_return_at
    FROM r GROUP BY customer_id
),
-- Favourite category: the one with the most spend; ties go to the first name alphabetically.
category_spend AS (
    SELECT o.customer_id, p.category, sum(o.quantity * CAST(o.unit_price AS DECIMAL(18, 4))) AS spend
    FROM o JOIN products p ON p.product_id = o.product_id
    WHERE p.category IS NOT NULL
    GROUP BY o.customer_id, p.category
),
favourite AS (
    SELECT customer_id, category AS favourite_category
    FROM (SELECT *, row_number() OVER (PARTITION BY customer_id ORDER BY spend DESC, category) AS rank
          FROM category_spend)
    WHERE rank = 1
),
-- The last merchandise line bought: for "you recently bought ..." tokens. Ties (one order, several
-- lines) go to the largest line, then the first product id.
last_purchase AS (
    SELECT customer_id, product_id AS last_purchased_product_id, title AS last_purchased_item,
           category AS last_purchase_category
    FROM (SELECT o.customer_id, o.product_id, p.title, p.category,
                 row_number() OVER (PARTITION BY o.customer_id
                                    ORDER BY o.ordered_at DESC, o.quantity * o.unit_price DESC, o.product_id) AS rank
          FROM o JOIN products p ON p.product_id = o.product_id
          WHERE p.is_merchandise)
    WHERE rank = 1
),
web AS (
    SELECT customer_id,
           count(*) FILTER (WHERE event_type = 'add_to_cart') AS add_to_cart_count,
           min(occurred_at)                                    AS first_web_event_at,
           max(occurred_at)                                    AS last_web_event_at
    FROM e GROUP BY customer_id
),
-- An abandoned cart: a session with an add-to-cart and no purchase before the cutoff.
sessions AS (
    SELECT customer_id, session_id,
           bool_or(event_type = 'add_to_cart') AS carted,
           bool_or(event_type = 'purchase')    AS bought
    FROM e WHERE session_id IS NOT NULL
    GROUP BY customer_id, session_id
),
abandoned AS (
    SELECT customer_id, count(*) AS abandoned_carts FROM sessions WHERE carted AND NOT bought GROUP BY customer_id
),
-- E-mail rates are per campaign: a campaign opened twice counts once.
mail_campaigns AS (
    SELECT customer_id, campaign_id,
           bool_or(event_type = 'send')  AS sent,
           bool_or(event_type = 'open')  AS opened,
           bool_or(event_type = 'click') AS clicked,
           min(occurred_at)              AS first_at,
           max(occurred_at) FILTER (WHERE event_type IN ('open', 'click')) AS engaged_at
    FROM m GROUP BY customer_id, campaign_id
),
mail AS (
    SELECT customer_id,
           count(*) FILTER (WHERE sent)    AS emails_sent,
           count(*) FILTER (WHERE opened)  AS emails_opened,
           count(*) FILTER (WHERE clicked) AS emails_clicked,
           min(first_at)                   AS first_email_at,
           max(engaged_at)                 AS last_email_engagement_at
    FROM mail_campaigns GROUP BY customer_id
),
-- Who has a profile: customers who signed up before the cutoff, or were active before it.
population AS (
    SELECT c.customer_id, c.city, c.country, c.signup_date, c.first_name, c.last_name, c.email_opt_in, c.do_not_sell
    FROM customers c
    WHERE c.signup_date < CAST(${as_of} AS DATE)
       OR c.customer_id IN (SELECT customer_id FROM purchases
                            UNION ALL SELECT customer_id FROM refunds
                            UNION ALL SELECT customer_id FROM web
                            UNION ALL SELECT customer_id FROM mail)
),
profile AS (
    SELECT
        p.customer_id,
        CAST(${as_of} AS DATE)                                                   AS as_of,
        p.country,
        p.city,
        p.signup_date,
        b.first_order_at,
        b.last_order_at,
        greatest(b.last_order_at, w.last_web_event_at, ml.last_email_engagement_at) AS last_activity_at,
        CAST(floor((epoch(${as_of}) - epoch(b.last_order_at)) / 86400) AS INTEGER) AS recency_days,
        coalesce(b.frequency, 0)                                                 AS frequency,
        CAST(coalesce(b.gross_revenue, 0) - coalesce(f.returned_amount, 0) AS DOUBLE) AS monetary,
        CAST(b.gross_revenue AS DOUBLE) / b.frequency                           AS avg_order_value,
        -- tenure counts from the first sign of the customer: sign-up, first order, web event or e-mail
        CAST(floor((epoch(${as_of}) - epoch(least(CAST(p.signup_date AS TIMESTAMP), b.first_order_at,
                    w.first_web_event_at, ml.first_email_at))) / 86400) AS INTEGER) AS tenure_days,
        coalesce(k.distinct_products, 0)                                         AS distinct_products,
        coalesce(b.orders_30d, 0)                                                AS orders_30d,
        coalesce(b.orders_90d, 0)                                                AS orders_90d,
        coalesce(b.orders_365d, 0)                                               AS orders_365d,
        coalesce(b.orders_180d, 0)                                               AS orders_180d,
        CAST(b.units_per_order AS DOUBLE)                                        AS units_per_order,
        g.last_gap_days,
        CAST(coalesce(b.revenue_90d, 0) AS DOUBLE)                               AS revenue_90d,
        coalesce(b.active_months_365d, 0)                                        AS active_months_365d,
        -- the typical gap between orders, and how overdue the next one is against it
        (epoch(b.last_order_at) - epoch(b.first_order_at)) / 86400.0 / nullif(b.frequency - 1, 0) AS avg_gap_days,
        ((epoch(${as_of}) - epoch(b.last_order_at)) / 86400.0)
            / nullif((epoch(b.last_order_at) - epoch(b.first_order_at)) / 86400.0 / nullif(b.frequency - 1, 0), 0)
                                                                                 AS overdue_ratio,
        CAST(coalesce(f.returned_amount, 0) AS DOUBLE) / nullif(b.gross_revenue, 0) AS return_rate,
        fav.favourite_category,
        coalesce(ml.emails_sent, 0)                                              AS emails_sent,
        ml.emails_opened / nullif(ml.emails_sent, 0)                             AS email_open_rate,
        ml.emails_clicked / nullif(ml.emails_sent, 0)                            AS email_click_rate,
        coalesce(w.add_to_cart_count, 0)                                         AS add_to_cart_count,
        coalesce(a.abandoned_carts, 0)                                           AS abandoned_carts,
        p.first_name,
        p.last_name,
        p.email_opt_in,
        p.do_not_sell,
        lp.last_purchased_product_id,
        lp.last_purchased_item,
        lp.last_purchase_category
    FROM population p
    LEFT JOIN purchases b   ON b.customer_id = p.customer_id
    LEFT JOIN basket k      ON k.customer_id = p.customer_id
    LEFT JOIN refunds f     ON f.customer_id = p.customer_id
    LEFT JOIN favourite fav ON fav.customer_id = p.customer_id
    LEFT JOIN last_purchase lp ON lp.customer_id = p.customer_id
    LEFT JOIN order_gaps g  ON g.customer_id = p.customer_id
    LEFT JOIN web w         ON w.customer_id = p.customer_id
    LEFT JOIN abandoned a   ON a.customer_id = p.customer_id
    LEFT JOIN mail ml       ON ml.customer_id = p.customer_id
)
-- RFM quintile scores 1-5 among customers with at least one order: score = 1 + floor(5 * percent
-- rank), capped at 5, so tied values share a score. Recency is reversed: the most recent score 5.
SELECT profile.*,
       CASE WHEN frequency > 0 THEN least(5, 1 + CAST(floor(5 * percent_rank() OVER (
           PARTITION BY frequency > 0 ORDER BY recency_days DESC)) AS INTEGER)) END AS r_score,
       CASE WHEN frequency > 0 THEN least(5, 1 + CAST(floor(5 * percent_rank() OVER (
           PARTITION BY frequency > 0 ORDER BY frequency)) AS INTEGER)) END AS f_score,
       CASE WHEN frequency > 0 THEN least(5, 1 + CAST(floor(5 * percent_rank() OVER (
           PARTITION BY frequency > 0 ORDER BY monetary)) AS INTEGER)) END AS m_score
FROM profile
ORDER BY customer_id
