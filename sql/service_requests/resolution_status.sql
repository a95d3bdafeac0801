-- What share of cases is resolved and what share is not?
SELECT
  CASE WHEN case_status = 'Closed' THEN 'Resolved' ELSE 'Unresolved' END   AS status_group,
  COUNT(*)                                                                 AS cases,
  ROUND(COUNT(*) * 100.0 / SUM(COUNT(*)) OVER (), 2)                       AS share_pct
FROM clean.service_requests
GROUP BY 1
