-- At what time of day are most requests made?
SELECT
  hour(case_created_dttm)   AS hour_of_day,
  COUNT(*)                  AS cases
FROM clean.service_requests
GROUP BY 1
