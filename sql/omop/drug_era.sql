-- drug_era: the standard OHDSI era logic at the ingredient level. Each drug exposure is rolled up to its
-- RxNorm ingredient(s) through concept_ancestor; exposures of one ingredient are joined into an era when
-- the next starts no more than 30 days after the latest end so far. gap_days counts the days inside the
-- era that no exposure covers. Ids are a 63-bit hash of (person, ingredient, era start).
WITH ingredients AS (
  SELECT a.descendant_concept_id AS drug_concept_id, a.ancestor_concept_id AS ingredient_concept_id
  FROM clean.vocab_concept_ancestor a
  JOIN clean.vocab_concept c ON c.concept_id = a.ancestor_concept_id
  WHERE c.vocabulary_id IN ('RxNorm', 'RxNorm Extension') AND c.concept_class_id = 'Ingredient'
    AND c.invalid_reason IS NULL
), exposures AS (
  SELECT d.person_id, i.ingredient_concept_id AS concept_id, d.drug_exposure_start_date AS start_date,
         greatest(coalesce(d.drug_exposure_end_date, date_add(d.drug_exposure_start_date, 1)),
                  d.drug_exposure_start_date) AS end_date
  FROM curated.drug_exposure d
  JOIN ingredients i ON i.drug_concept_id = d.drug_concept_id
  WHERE d.drug_concept_id <> 0
), ordered AS (
  SELECT *, max(end_date) OVER (PARTITION BY person_id, concept_id ORDER BY start_date, end_date
                                ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS latest_end
  FROM exposures
), numbered AS (
  SELECT *, IF(latest_end IS NULL OR start_date > date_add(latest_end, 30), 1, 0) AS starts_era
  FROM ordered
), eras AS (
  SELECT *, sum(starts_era) OVER (PARTITION BY person_id, concept_id ORDER BY start_date, end_date
                                  ROWS UNBOUNDED PRECEDING) AS era,
         -- days this exposure adds beyond what earlier exposures of the same era already cover
         IF(starts_era = 1, datediff(end_date, start_date),
            greatest(0, datediff(end_date, greatest(start_date, latest_end)))) AS new_days
  FROM numbered
)
SELECT CAST(xxhash64('drug_era', person_id, concept_id, min(start_date)) & 9223372036854775807 AS BIGINT)
                                   AS drug_era_id,
       CAST(person_id AS BIGINT)   AS person_id,
       CAST(concept_id AS INT)     AS drug_concept_id,
       min(start_date)             AS drug_era_start_date,
       max(end_date)               AS drug_era_end_date,
       CAST(count(*) AS INT)       AS drug_exposure_count,
       CAST(datediff(max(end_date), min(start_date)) - sum(new_days) AS INT) AS gap_days
FROM eras
GROUP BY person_id, concept_id, era
