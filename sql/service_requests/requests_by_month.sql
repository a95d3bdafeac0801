-- What is the monthly trend in the number of cases, and how many are still open?
SELECT
  CAST(date_trunc('MONTH', case_created_dttm) AS DATE)                              AS month,
  COUNT(*)                                                                          AS total,
  COUNT_IF(case_status = 'Closed')                                                  AS closed,
  COUNT_IF(case_status <> 'Closed')                                                 AS open,
  ROUND(AVG((unix_timestamp(case_closed_dttm) - unix_timestamp(case_created_dttm)) / 3600.0), 2)
                                                                                    AS avg_hours_to_close
FROM clean.service_requests
GROUP BY 1
