-- At what time of day are most requests made? Cases per hour of creation, every hour 0-23 listed.
SELECT
  hours.hour_of_day,
  COUNT(requests.case_id)    AS cases
FROM (SELECT explode(sequence(0, 23)) AS hour_of_day) hours
LEFT JOIN clean.service_requests requests
  ON hour(requests.case_created_dttm) = hours.hour_of_day
GROUP BY hours.hour_of_day
