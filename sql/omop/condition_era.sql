-- condition_era: the standard OHDSI era logic. Occurrences of one condition concept for one person are
-- joined into an era when the next starts no more than 30 days after the latest end so far; an
-- occurrence without an end lasts one day. Concept 0 makes no era. Ids are a 63-bit hash of
-- (person, concept, era start), so they stay the same from run to run.
WITH occurrences AS (
  SELECT person_id, condition_concept_id AS concept_id, condition_start_date AS start_date,
         greatest(coalesce(condition_end_date, date_add(condition_start_date, 1)), condition_start_date) AS end_date
  FROM curated.condition_occurrence
  WHERE condition_concept_id <> 0
), ordered AS (
  SELECT *, max(end_date) OVER (PARTITION BY person_id, concept_id ORDER BY start_date, end_date
                                ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS latest_end
  FROM occurrences
), numbered AS (
  SELECT *, sum(IF(latest_end IS NULL OR start_date > date_add(latest_end, 30), 1, 0))
              OVER (PARTITION BY person_id, concept_id ORDER BY start_date, end_date ROWS UNBOUNDED PRECEDING) AS era
  FROM ordered
)
SELECT CAST(xxhash64('condition_era', person_id, concept_id, min(start_date)) & 9223372036854775807 AS BIGINT)
                                   AS condition_era_id,
       CAST(person_id AS BIGINT)   AS person_id,
       CAST(concept_id AS INT)     AS condition_concept_id,
       min(start_date)             AS condition_era_start_date,
       max(end_date)               AS condition_era_end_date,
       CAST(count(*) AS INT)       AS condition_occurrence_count
FROM numbered
GROUP BY person_id, concept_id, era
