-- Which are the busiest departments? Every agency and division, ranked by cases.
SELECT
  agency,
  division,
  COUNT(*)                                           AS cases,
  RANK() OVER (ORDER BY COUNT(*) DESC)               AS rank
FROM clean.service_requests
GROUP BY agency, division
