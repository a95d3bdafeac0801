-- work.measurement_rows: the measurement rows with the MIMIC table each came from (origin): lab results (LABEVENTS), numeric charted values (CHARTEVENTS with a VALUENUM and no
-- ERROR flag), microbiology cultures (organism as the value), and diagnoses or procedures that map to the
-- Measurement domain.
--  - concept: the itemid's mapping (MIMIC_LAB_ITEMID, MIMIC_CHART_ITEMID), else for labs the LOINC code
--    D_LABITEMS gives, else 0; the itemid is the source value.
--  - unit: the unit string's mapping (MIMIC_UNIT), else the UCUM concept whose code is the unit string.
--  - value_as_concept_id: positive / negative / not detected results written as text.
--  - range_low / range_high: the reference range of the lab item (mapping folder, ranges/), when known.
-- A HADM_ID or ICUSTAY_ID that names no admission or ICU stay of the clean zone leaves visit_occurrence_id or
-- visit_detail_id empty; the row is kept (README.md, orphans; report omop_dangling_visit_references).
-- Ids: ROW_ID * 10000 + origin * 100 + k in 64-bit arithmetic (README.md says why
-- they cannot collide or wrap) (1 = DIAGNOSES_ICD, 2 = PROCEDURES_ICD, 3 = CPTEVENTS,
-- 5 = LABEVENTS, 6 = CHARTEVENTS, 7 = MICROBIOLOGYEVENTS).
WITH lab_loinc AS (
  SELECT d.itemid, min(c.concept_id) AS concept_id
  FROM clean.mimic_d_labitems d
  JOIN clean.vocab_concept c ON c.vocabulary_id = 'LOINC' AND c.concept_code = d.loinc_code AND c.standard_concept = 'S'
  GROUP BY d.itemid
), ucum AS (
  SELECT upper(concept_code) AS code, min(concept_id) AS concept_id
  FROM clean.vocab_concept
  WHERE vocabulary_id = 'UCUM' AND standard_concept = 'S'
  GROUP BY upper(concept_code)
), labs AS (
  SELECT l.row_id, 5 AS origin, l.subject_id, l.hadm_id, CAST(NULL AS BIGINT) AS icustay_id, l.charttime,
         coalesce(lm.concept_id, ll.concept_id, 0) AS concept_id, CAST(32856 AS INT) AS type_concept_id,
         l.valuenum AS value_as_number, l.value AS value_source_value, l.valueuom AS unit_source_value,
         CAST(l.itemid AS STRING) AS source_value, CAST(NULL AS BIGINT) AS cgid, r.range_low, r.range_high
  FROM clean.mimic_labevents l
  LEFT JOIN work.local_map lm ON lm.vocabulary = 'MIMIC_LAB_ITEMID' AND lm.code = CAST(l.itemid AS STRING)
  LEFT JOIN lab_loinc ll ON ll.itemid = l.itemid
  LEFT JOIN clean.mimic_lab_ranges r ON r.itemid = l.itemid
), charted AS (
  SELECT c.row_id, 6 AS origin, c.subject_id, c.hadm_id, c.icustay_id, c.charttime,
         coalesce(cm.concept_id, 0) AS concept_id, CAST(32817 AS INT) AS type_concept_id,
         c.valuenum AS value_as_number, c.value AS value_source_value, c.valueuom AS unit_source_value,
         CAST(c.itemid AS STRING) AS source_value, c.cgid, CAST(NULL AS DOUBLE) AS range_low,
         CAST(NULL AS DOUBLE) AS range_high
  FROM clean.mimic_chartevents c
  LEFT JOIN work.local_map cm ON cm.vocabulary = 'MIMIC_CHART_ITEMID' AND cm.code = CAST(c.itemid AS STRING)
  WHERE c.valuenum IS NOT NULL AND coalesce(c.error, 0) = 0
), cultures AS (
  SELECT min(m.row_id) AS row_id, 7 AS origin, m.subject_id, m.hadm_id, CAST(NULL AS BIGINT) AS icustay_id,
         coalesce(m.charttime, m.chartdate) AS charttime, CAST(0 AS INT) AS concept_id,
         CAST(32856 AS INT) AS type_concept_id, CAST(NULL AS DOUBLE) AS value_as_number,
         coalesce(m.org_name, 'NO GROWTH') AS value_source_value, CAST(NULL AS STRING) AS unit_source_value,
         m.spec_type_desc AS source_value, CAST(NULL AS BIGINT) AS cgid, CAST(NULL AS DOUBLE) AS range_low,
         CAST(NULL AS DOUBLE) AS range_high
  FROM clean.mimic_microbiologyevents m
  WHERE coalesce(m.charttime, m.chartdate) IS NOT NULL
  GROUP BY m.subject_id, m.hadm_id, coalesce(m.charttime, m.chartdate), m.spec_type_desc, m.org_name
), coded AS (
  SELECT row_id, 1 AS origin, subject_id, hadm_id, admittime AS charttime, concept_id, source_concept_id,
         icd9_code AS source_value, k
  FROM work.diagnosis_events WHERE domain_id = 'Measurement'
  UNION ALL
  SELECT row_id, origin, subject_id, hadm_id, event_time, concept_id, source_concept_id, source_value, k
  FROM work.procedure_events WHERE domain_id = 'Measurement'
), events AS (
  SELECT row_id, origin, subject_id, hadm_id, icustay_id, charttime, concept_id, type_concept_id,
         value_as_number, value_source_value, unit_source_value, source_value, CAST(0 AS INT) AS source_concept_id,
         cgid, range_low, range_high, 0 AS k
  FROM (SELECT * FROM labs UNION ALL SELECT * FROM charted UNION ALL SELECT * FROM cultures)
  UNION ALL
  SELECT row_id, origin, subject_id, hadm_id, NULL, charttime, concept_id, CAST(32817 AS INT), NULL, NULL, NULL,
         source_value, source_concept_id, NULL, NULL, NULL, k
  FROM coded
)
SELECT CAST(IF(e.row_id BETWEEN 1 AND 922337203685476 AND e.k BETWEEN 0 AND 99,
               CAST(e.row_id AS BIGINT) * 10000 + e.origin * 100 + e.k,
               raise_error(concat('measurement: ROW_ID ', e.row_id, ' of origin ', e.origin, ' with target ', e.k,
                                  ' gives no valid id (ROW_ID must be 1 to 922337203685476, targets at most 100)')))
            AS BIGINT) AS measurement_id,
       CAST(e.subject_id AS BIGINT)                  AS person_id,
       CAST(e.concept_id AS INT)                     AS measurement_concept_id,
       to_date(e.charttime)                          AS measurement_date,
       CAST(e.charttime AS TIMESTAMP)                AS measurement_datetime,
       date_format(e.charttime, 'HH:mm:ss')          AS measurement_time,
       CAST(e.type_concept_id AS INT)                AS measurement_type_concept_id,
       CAST(0 AS INT)                                AS operator_concept_id,
       CAST(e.value_as_number AS DOUBLE)             AS value_as_number,
       CAST(CASE WHEN e.origin = 7 THEN coalesce(o.concept_id, 0)
                 WHEN e.value_as_number IS NOT NULL OR e.value_source_value IS NULL THEN NULL
                 WHEN upper(e.value_source_value) IN ('POS', 'POSITIVE', 'DETECTED') THEN 9191
                 WHEN upper(e.value_source_value) IN ('NEG', 'NEGATIVE', 'NOT DETECTED', 'NONE DETECTED') THEN 9189
                 ELSE 0 END AS INT)                  AS value_as_concept_id,
       CAST(CASE WHEN e.unit_source_value IS NULL THEN NULL
                 ELSE coalesce(um.concept_id, uc.concept_id, 0) END AS INT) AS unit_concept_id,
       CAST(e.range_low AS DOUBLE)                   AS range_low,
       CAST(e.range_high AS DOUBLE)                  AS range_high,
       CAST(e.cgid AS BIGINT)                        AS provider_id,
       CAST(va.hadm_id AS BIGINT)                    AS visit_occurrence_id,
       CAST(vd.icustay_id AS BIGINT)                 AS visit_detail_id,
       substr(e.source_value, 1, 50)                 AS measurement_source_value,
       CAST(e.source_concept_id AS INT)              AS measurement_source_concept_id,
       e.unit_source_value                           AS unit_source_value,
       CAST(0 AS INT)                                AS unit_source_concept_id,
       substr(e.value_source_value, 1, 50)           AS value_source_value,
       CAST(NULL AS BIGINT)                          AS measurement_event_id,
       CAST(0 AS INT)                                AS meas_event_field_concept_id,
       e.origin
FROM events e
JOIN clean.mimic_patients p ON p.subject_id = e.subject_id
LEFT JOIN clean.mimic_admissions va ON va.hadm_id = e.hadm_id
LEFT JOIN clean.mimic_icustays vd ON vd.icustay_id = e.icustay_id
LEFT JOIN work.local_map um ON um.vocabulary = 'MIMIC_UNIT' AND um.code = upper(trim(e.unit_source_value))
LEFT JOIN ucum uc ON uc.code = upper(trim(e.unit_source_value))
LEFT JOIN work.local_map o ON e.origin = 7 AND o.vocabulary = 'MIMIC_ORGANISM' AND o.code = upper(trim(e.value_source_value))
