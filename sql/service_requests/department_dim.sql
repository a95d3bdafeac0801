-- Which agency does each division belong to? The department hierarchy, one row per division, kept as a
-- type 2 dimension so a division moving to another agency stays in history.
SELECT
  division,
  MAX(agency)    AS agency
FROM clean.service_requests
WHERE division IS NOT NULL
GROUP BY division
