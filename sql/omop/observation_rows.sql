-- work.observation_rows: the observation rows with the MIMIC table each came from (origin) and, where
-- value_as_concept_id comes from a mapping, the source vocabulary of that mapping (value_vocabulary).
--  - diagnoses and procedures whose standard target is in the Observation domain (history-of codes,
--    statuses, V codes);
--  - charted values that are text only (CHARTEVENTS with a VALUE and no VALUENUM, and no ERROR flag);
--  - five facts of each admission, dated at admission: religion (4052017 Religious affiliation), preferred
--    language (40758030), marital status (40766231), ethnicity (44803968) and primary insurance (46235654),
--    the value mapped by MIMIC_RELIGION, MIMIC_LANGUAGE, MIMIC_MARITAL_STATUS, MIMIC_RACE and
--    MIMIC_INSURANCE (0 when unmapped, the text kept in value_as_string); empty values give no row;
--  - the DRG codes of each admission (DRGCODES; 4296248 Cost containment), dated at the emergency
--    registration or else the admission; the value is the DRG concept of an HCFA or MS code in the
--    vocabulary ('DRG'), else 0, with the code as value_source_value and the description as value_as_string;
--  - dates charted in the ICU (DATETIMEEVENTS without the ERROR flag; 4085802 Referred by nurse), dated
--    by the charted date (VALUE) or else the chart time, with the item's label as value_as_string.
-- All typed 32817 EHR. A HADM_ID or ICUSTAY_ID that names no admission or ICU stay of the clean zone leaves
-- visit_occurrence_id or visit_detail_id empty; the row is kept (README.md, orphans).
-- Ids: ROW_ID * 10000 + origin * 100 + k in 64-bit arithmetic (1 = DIAGNOSES_ICD, 2 = PROCEDURES_ICD,
-- 3 = CPTEVENTS, 6 = CHARTEVENTS, 10 = ADMISSIONS with k 0..4 for the five facts, 11 = DRGCODES,
-- 12 = DATETIMEEVENTS).
WITH drg AS (
  SELECT concept_code, min(concept_id) AS concept_id
  FROM clean.vocab_concept
  WHERE vocabulary_id = 'DRG' AND invalid_reason IS NULL
  GROUP BY concept_code
), events AS (
  SELECT row_id, 1 AS origin, subject_id, hadm_id, CAST(NULL AS BIGINT) AS icustay_id, admittime AS event_time,
         concept_id, source_concept_id, icd9_code AS source_value, CAST(NULL AS STRING) AS value_as_string,
         CAST(NULL AS INT) AS value_as_concept_id, CAST(NULL AS STRING) AS value_source_value,
         CAST(NULL AS STRING) AS value_vocabulary, CAST(NULL AS BIGINT) AS cgid, k
  FROM work.diagnosis_events WHERE domain_id = 'Observation'
  UNION ALL
  SELECT row_id, origin, subject_id, hadm_id, NULL, event_time, concept_id, source_concept_id, source_value, NULL,
         NULL, NULL, NULL, NULL, k
  FROM work.procedure_events WHERE domain_id = 'Observation'
  UNION ALL
  SELECT c.row_id, 6, c.subject_id, c.hadm_id, c.icustay_id, c.charttime, coalesce(m.concept_id, 0), 0,
         CAST(c.itemid AS STRING), c.value, NULL, c.value, NULL, c.cgid, 0
  FROM clean.mimic_chartevents c
  LEFT JOIN work.local_map m ON m.vocabulary = 'MIMIC_CHART_ITEMID' AND m.code = CAST(c.itemid AS STRING)
  WHERE c.valuenum IS NULL AND c.value IS NOT NULL AND coalesce(c.error, 0) = 0
  UNION ALL
  SELECT f.row_id, 10, f.subject_id, f.hadm_id, NULL, f.admittime, f.concept_id, 0, f.field, f.value,
         coalesce(v.concept_id, 0), f.value, f.vocabulary, NULL, f.k
  FROM (SELECT a.row_id, a.subject_id, a.hadm_id, a.admittime, f.*
        FROM clean.mimic_admissions a
        LATERAL VIEW stack(5,
            0, 4052017, 'RELIGION', a.religion, 'MIMIC_RELIGION',
            1, 40758030, 'LANGUAGE', a.language, 'MIMIC_LANGUAGE',
            2, 40766231, 'MARITAL_STATUS', a.marital_status, 'MIMIC_MARITAL_STATUS',
            3, 44803968, 'ETHNICITY', a.ethnicity, 'MIMIC_RACE',
            4, 46235654, 'INSURANCE', a.insurance, 'MIMIC_INSURANCE') f AS k, concept_id, field, value, vocabulary) f
  LEFT JOIN work.local_map v ON v.vocabulary = f.vocabulary AND v.code = upper(trim(f.value))
  WHERE nullif(trim(f.value), '') IS NOT NULL
  UNION ALL
  SELECT d.row_id, 11, d.subject_id, d.hadm_id, NULL, coalesce(a.edregtime, a.admittime), 4296248, 0, 'DRG',
         d.description, coalesce(g.concept_id, 0), d.drg_code, 'DRG', NULL, 0
  FROM clean.mimic_drgcodes d
  JOIN clean.mimic_admissions a ON a.hadm_id = d.hadm_id
  LEFT JOIN drg g ON upper(d.drg_type) IN ('HCFA', 'MS') AND g.concept_code = lpad(trim(d.drg_code), 3, '0')
  UNION ALL
  SELECT t.row_id, 12, t.subject_id, t.hadm_id, t.icustay_id, coalesce(t.value, t.charttime), 4085802, 0,
         CAST(t.itemid AS STRING), i.label, NULL, CAST(t.value AS STRING), NULL, t.cgid, 0
  FROM clean.mimic_datetimeevents t
  LEFT JOIN clean.mimic_d_items i ON i.itemid = t.itemid
  WHERE coalesce(t.value, t.charttime) IS NOT NULL AND coalesce(t.error, 0) = 0
)
SELECT CAST(IF(e.row_id BETWEEN 1 AND 922337203685476 AND e.k BETWEEN 0 AND 99,
               CAST(e.row_id AS BIGINT) * 10000 + e.origin * 100 + e.k,
               raise_error(concat('observation: ROW_ID ', e.row_id, ' of origin ', e.origin, ' with target ', e.k,
                                  ' gives no valid id (ROW_ID must be 1 to 922337203685476, targets at most 100)')))
            AS BIGINT)                               AS observation_id,
       CAST(e.subject_id AS BIGINT)                  AS person_id,
       CAST(e.concept_id AS INT)                     AS observation_concept_id,
       to_date(e.event_time)                         AS observation_date,
       CAST(e.event_time AS TIMESTAMP)               AS observation_datetime,
       CAST(32817 AS INT)                            AS observation_type_concept_id,
       CAST(NULL AS DOUBLE)                          AS value_as_number,
       substr(e.value_as_string, 1, 60)              AS value_as_string,
       CAST(e.value_as_concept_id AS INT)            AS value_as_concept_id,
       CAST(0 AS INT)                                AS qualifier_concept_id,
       CAST(NULL AS INT)                             AS unit_concept_id,
       CAST(e.cgid AS BIGINT)                        AS provider_id,
       CAST(va.hadm_id AS BIGINT)                    AS visit_occurrence_id,
       CAST(vd.icustay_id AS BIGINT)                 AS visit_detail_id,
       substr(e.source_value, 1, 50)                 AS observation_source_value,
       CAST(e.source_concept_id AS INT)              AS observation_source_concept_id,
       CAST(NULL AS STRING)                          AS unit_source_value,
       CAST(NULL AS STRING)                          AS qualifier_source_value,
       substr(e.value_source_value, 1, 50)           AS value_source_value,
       CAST(NULL AS BIGINT)                          AS observation_event_id,
       CAST(0 AS INT)                                AS obs_event_field_concept_id,
       e.origin,
       e.value_vocabulary
FROM events e
JOIN clean.mimic_patients p ON p.subject_id = e.subject_id
LEFT JOIN clean.mimic_admissions va ON va.hadm_id = e.hadm_id
LEFT JOIN clean.mimic_icustays vd ON vd.icustay_id = e.icustay_id
