-- How customers buy: the combination of channels each customer has used, with customers and revenue.
SELECT CASE WHEN channels IS NULL OR size(channels) = 0 THEN 'none' ELSE array_join(channels, '+') END AS channel_mix,
       COUNT(*)                                        AS customers,
       CAST(SUM(revenue) AS DECIMAL(18, 2))            AS revenue,
       ROUND(AVG(orders), 2)                           AS orders_per_customer,
       ROUND(AVG(size(sources)), 2)                    AS sources_per_customer
FROM curated.customer_profile
GROUP BY 1
