-- Customers, revenue and order counts per RFM segment, with each segment's share of customers and revenue.
SELECT segment,
       COUNT(*)                                                       AS customers,
       SUM(orders)                                                    AS orders,
       CAST(SUM(revenue) AS DECIMAL(18, 2))                           AS revenue,
       CAST(AVG(revenue) AS DECIMAL(18, 2))                           AS revenue_per_customer,
       ROUND(AVG(recency_days), 1)                                    AS avg_recency_days,
       ROUND(100.0 * COUNT(*) / SUM(COUNT(*)) OVER (), 2)             AS pct_customers,
       ROUND(100.0 * SUM(revenue) / NULLIF(SUM(SUM(revenue)) OVER (), 0), 2) AS pct_revenue
FROM curated.customer_profile
GROUP BY segment
