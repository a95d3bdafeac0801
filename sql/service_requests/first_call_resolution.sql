-- Is the request resolved on the first call? Per month of creation: cases, cases resolved on the first
-- contact and that rate.
SELECT
  CAST(date_trunc('MONTH', case_created_dttm) AS DATE)    AS month,
  COUNT(*)                                                AS cases,
  COUNT_IF(first_call_resolution)                         AS resolved_on_first_call,
  ROUND(COUNT_IF(first_call_resolution) / COUNT(*), 4)    AS rate
FROM clean.service_requests
GROUP BY CAST(date_trunc('MONTH', case_created_dttm) AS DATE)
