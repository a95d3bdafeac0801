-- Through which source are most requests made?
SELECT
  coalesce(case_source, 'Unknown')                         AS case_source,
  COUNT(*)                                                 AS cases,
  ROUND(COUNT(*) * 100.0 / SUM(COUNT(*)) OVER (), 2)       AS share_pct
FROM clean.service_requests
GROUP BY 1
