-- How are the cases distributed by geographic area? Cases per neighborhood with its council and police
-- district. Cases without a location (information calls) belong to no area and are left out.
SELECT
  neighborhood,
  MAX(council_district)   AS council_district,
  MAX(police_district)    AS police_district,
  COUNT(*)                AS cases
FROM clean.service_requests
WHERE neighborhood IS NOT NULL
GROUP BY neighborhood
