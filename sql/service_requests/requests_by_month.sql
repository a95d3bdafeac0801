-- What is the monthly trend in the number of cases? Per month of creation: cases created, how many of
-- them are closed and how many are still open (Open or In Progress), and the mean hours to close.
SELECT
  CAST(date_trunc('MONTH', case_created_dttm) AS DATE)                        AS month,
  COUNT(*)                                                                    AS total,
  COUNT_IF(case_status = 'Closed')                                            AS closed,
  COUNT(*) - COUNT_IF(case_status = 'Closed')                                 AS open,
  ROUND(AVG(CASE WHEN case_status = 'Closed' AND case_closed_dttm IS NOT NULL
                 THEN (unix_timestamp(case_closed_dttm) - unix_timestamp(case_created_dttm)) / 3600.0
            END), 2)                                                          AS avg_hours_to_close
FROM clean.service_requests
GROUP BY CAST(date_trunc('MONTH', case_created_dttm) AS DATE)
