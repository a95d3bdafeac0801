-- The department hierarchy: which agency each division belongs to, and its major area.
SELECT division, max(agency) AS agency, max(major_area) AS major_area
FROM clean.service_requests
WHERE division IS NOT NULL
GROUP BY division
