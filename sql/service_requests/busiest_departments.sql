-- Which are the busiest departments? Every agency and division ranked by its number of cases (the
-- dashboard shows rank <= 10; equal counts share a rank).
SELECT
  agency,
  division,
  COUNT(*)                                  AS cases,
  RANK() OVER (ORDER BY COUNT(*) DESC)      AS rank
FROM clean.service_requests
GROUP BY agency, division
