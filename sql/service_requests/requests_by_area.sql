-- How are the cases distributed by geographic area?
SELECT
  coalesce(neighborhood, 'Unknown')    AS neighborhood,
  coalesce(council_district, 0)        AS council_district,
  coalesce(police_district, 0)         AS police_district,
  COUNT(*)                             AS cases
FROM clean.service_requests
GROUP BY 1, 2, 3
