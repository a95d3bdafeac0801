-- Through which source are most requests made? Cases per case source and their share of all cases.
SELECT
  coalesce(case_source, 'Unknown')                        AS case_source,
  COUNT(*)                                                AS cases,
  ROUND(COUNT(*) / SUM(COUNT(*)) OVER (), 4)              AS share
FROM clean.service_requests
GROUP BY coalesce(case_source, 'Unknown')
