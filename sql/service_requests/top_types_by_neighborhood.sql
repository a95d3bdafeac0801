-- What are the five most common case types in each neighborhood? Ties are broken by type name so the
-- ranking is stable from run to run.
SELECT neighborhood, type, cases, rank
FROM (
  SELECT
    neighborhood,
    type,
    COUNT(*)                                                                     AS cases,
    ROW_NUMBER() OVER (PARTITION BY neighborhood ORDER BY COUNT(*) DESC, type)   AS rank
  FROM clean.service_requests
  WHERE neighborhood IS NOT NULL AND type IS NOT NULL
  GROUP BY neighborhood, type
) ranked
WHERE rank <= 5
