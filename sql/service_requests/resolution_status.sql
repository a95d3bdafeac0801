-- What share of cases is resolved and what share is not? Closed cases are Resolved; Open and In
-- Progress cases are Unresolved.
SELECT
  CASE WHEN case_status = 'Closed' THEN 'Resolved' ELSE 'Unresolved' END    AS status_group,
  COUNT(*)                                                                  AS cases,
  ROUND(COUNT(*) / SUM(COUNT(*)) OVER (), 4)                                AS share
FROM clean.service_requests
GROUP BY CASE WHEN case_status = 'Closed' THEN 'Resolved' ELSE 'Unresolved' END
