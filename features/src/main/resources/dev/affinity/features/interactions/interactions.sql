-- User x item confidence as of a cutoff (${as_of}), from rows strictly before it.
-- ${decay} is each row's weight by age: 1, or 0.5 ^ (age in days / half-life).
-- last_at_ms: the latest purchase, add-to-cart or view of the pair (epoch milliseconds, UTC), for
-- trainers that read each user's items in time order (item2vec).
WITH
merchandise AS (SELECT product_id FROM products WHERE is_merchandise),
bought AS (
    SELECT customer_id, product_id, sum(quantity * ${decay(ordered_at)}) AS q, max(ordered_at) AS last_at
    FROM orders WHERE ordered_at < ${as_of} AND customer_id IS NOT NULL
    GROUP BY customer_id, product_id
),
returned AS (
    SELECT customer_id, product_id, sum(quantity * ${decay(returned_at)}) AS q
    FROM returns WHERE returned_at < ${as_of} AND customer_id IS NOT NULL
    GROUP BY customer_id, product_id
),
browsed AS (
    SELECT customer_id, product_id,
           sum(${decay(occurred_at)}) FILTER (WHERE event_type = 'add_to_cart') AS carts,
           sum(${decay(occurred_at)}) FILTER (WHERE event_type = 'view')        AS views,
           max(occurred_at) FILTER (WHERE event_type IN ('add_to_cart', 'view')) AS last_at
    FROM events
    WHERE occurred_at < ${as_of} AND customer_id IS NOT NULL AND product_id IS NOT NULL
    GROUP BY customer_id, product_id
),
scored AS (
    SELECT coalesce(b.customer_id, w.customer_id) AS customer_id,
           coalesce(b.product_id, w.product_id)   AS product_id,
           ${purchase}  * ln(1 + greatest(coalesce(b.q, 0) - coalesce(r.q, 0), 0))
         + ${addToCart} * ln(1 + coalesce(w.carts, 0))
         + ${view}      * ln(1 + coalesce(w.views, 0)) AS confidence,
           greatest(coalesce(b.last_at, w.last_at), coalesce(w.last_at, b.last_at)) AS last_at
    FROM bought b
    LEFT JOIN returned r ON r.customer_id = b.customer_id AND r.product_id = b.product_id
    FULL OUTER JOIN browsed w ON w.customer_id = b.customer_id AND w.product_id = b.product_id
)
SELECT customer_id, product_id, CAST(confidence AS FLOAT) AS confidence, epoch_ms(last_at) AS last_at_ms
FROM scored
WHERE confidence > 0 AND product_id IN (SELECT product_id FROM merchandise)
ORDER BY customer_id, product_id
