-- observation: diagnoses and procedures whose standard target is in the Observation domain (history-of
-- codes, statuses, V codes), and charted values that are text only (CHARTEVENTS with a VALUE and no
-- VALUENUM, and no ERROR flag).
-- Ids: ROW_ID * 10000 + origin * 100 + k (1 = DIAGNOSES_ICD, 2 = PROCEDURES_ICD, 3 = CPTEVENTS, 6 = CHARTEVENTS).
WITH events AS (
  SELECT row_id, 1 AS origin, subject_id, hadm_id, CAST(NULL AS BIGINT) AS icustay_id, admittime AS event_time,
         concept_id, source_concept_id, icd9_code AS source_value, CAST(NULL AS STRING) AS value_as_string,
         CAST(32817 AS INT) AS type_concept_id, CAST(NULL AS BIGINT) AS cgid, k
  FROM work.diagnosis_events WHERE domain_id = 'Observation'
  UNION ALL
  SELECT row_id, origin, subject_id, hadm_id, NULL, event_time, concept_id, source_concept_id, source_value, NULL,
         CAST(32817 AS INT), NULL, k
  FROM work.procedure_events WHERE domain_id = 'Observation'
  UNION ALL
  SELECT c.row_id, 6, c.subject_id, c.hadm_id, c.icustay_id, c.charttime, coalesce(m.concept_id, 0), 0,
         CAST(c.itemid AS STRING), c.value, CAST(32817 AS INT), c.cgid, 0
  FROM clean.mimic_chartevents c
  LEFT JOIN work.local_map m ON m.vocabulary = 'MIMIC_CHART_ITEMID' AND m.code = CAST(c.itemid AS STRING)
  WHERE c.valuenum IS NULL AND c.value IS NOT NULL AND coalesce(c.error, 0) = 0
)
SELECT CAST(e.row_id * 10000 + e.origin * 100 + e.k AS BIGINT) AS observation_id,
       CAST(e.subject_id AS BIGINT)                  AS person_id,
       CAST(e.concept_id AS INT)                     AS observation_concept_id,
       to_date(e.event_time)                         AS observation_date,
       CAST(e.event_time AS TIMESTAMP)               AS observation_datetime,
       e.type_concept_id                             AS observation_type_concept_id,
       CAST(NULL AS DOUBLE)                          AS value_as_number,
       substr(e.value_as_string, 1, 60)              AS value_as_string,
       CAST(NULL AS INT)                             AS value_as_concept_id,
       CAST(0 AS INT)                                AS qualifier_concept_id,
       CAST(NULL AS INT)                             AS unit_concept_id,
       CAST(e.cgid AS BIGINT)                        AS provider_id,
       CAST(e.hadm_id AS BIGINT)                     AS visit_occurrence_id,
       CAST(e.icustay_id AS BIGINT)                  AS visit_detail_id,
       substr(e.source_value, 1, 50)                 AS observation_source_value,
       CAST(e.source_concept_id AS INT)              AS observation_source_concept_id,
       CAST(NULL AS STRING)                          AS unit_source_value,
       CAST(NULL AS STRING)                          AS qualifier_source_value,
       substr(e.value_as_string, 1, 50)              AS value_source_value,
       CAST(NULL AS BIGINT)                          AS observation_event_id,
       CAST(0 AS INT)                                AS obs_event_field_concept_id
FROM events e
JOIN clean.mimic_patients p ON p.subject_id = e.subject_id
