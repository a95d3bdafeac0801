-- specimen: one row per microbiology specimen (patient, admission, time and specimen type), from
-- MICROBIOLOGYEVENTS; the specimen type's mapping (MIMIC_SPECIMEN) gives the concept.
-- Ids: the smallest ROW_ID of the specimen's rows * 10000 + 700, in 64-bit arithmetic (the measurement of the
-- same culture has the same number, in its own table).
WITH specimens AS (
  SELECT min(row_id) AS row_id, subject_id, hadm_id, coalesce(charttime, chartdate) AS taken_at, spec_itemid,
         spec_type_desc
  FROM clean.mimic_microbiologyevents
  WHERE coalesce(charttime, chartdate) IS NOT NULL
  GROUP BY subject_id, hadm_id, coalesce(charttime, chartdate), spec_itemid, spec_type_desc
)
SELECT CAST(s.row_id AS BIGINT) * 10000 + 700      AS specimen_id,
       CAST(s.subject_id AS BIGINT)                 AS person_id,
       CAST(coalesce(m.concept_id, 0) AS INT)       AS specimen_concept_id,
       CAST(32817 AS INT)                           AS specimen_type_concept_id,
       to_date(s.taken_at)                          AS specimen_date,
       CAST(s.taken_at AS TIMESTAMP)                AS specimen_datetime,
       CAST(NULL AS DOUBLE)                         AS quantity,
       CAST(NULL AS INT)                            AS unit_concept_id,
       CAST(0 AS INT)                               AS anatomic_site_concept_id,
       CAST(0 AS INT)                               AS disease_status_concept_id,
       CAST(s.spec_itemid AS STRING)                AS specimen_source_id,
       s.spec_type_desc                             AS specimen_source_value,
       CAST(NULL AS STRING)                         AS unit_source_value,
       CAST(NULL AS STRING)                         AS anatomic_site_source_value,
       CAST(NULL AS STRING)                         AS disease_status_source_value
FROM specimens s
JOIN clean.mimic_patients p ON p.subject_id = s.subject_id
LEFT JOIN work.local_map m ON m.vocabulary = 'MIMIC_SPECIMEN' AND m.code = upper(trim(s.spec_type_desc))
