-- Is the request resolved on the first call? Monthly share of cases resolved on first contact.
SELECT
  CAST(date_trunc('MONTH', case_created_dttm) AS DATE)            AS month,
  COUNT(*)                                                        AS cases,
  COUNT_IF(first_call_resolution)                                 AS resolved_on_first_call,
  ROUND(COUNT_IF(first_call_resolution) * 100.0 / COUNT(*), 2)    AS rate_pct
FROM clean.service_requests
GROUP BY 1
