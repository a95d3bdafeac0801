-- work.drug_rows: the drug_exposure rows with the MIMIC table each came from (origin): prescriptions (NDC -> RxNorm by 'Maps to'; NDC '0' or missing gives concept 0 with the
-- drug name as source value) and ICU infusions (INPUTEVENTS_MV / _CV by itemid, concept from the mapping
-- MIMIC_INPUT_ITEMID where one exists), and procedures or diagnoses that map to the Drug domain.
-- A HADM_ID or ICUSTAY_ID that names no admission or ICU stay of the clean zone leaves visit_occurrence_id or
-- visit_detail_id empty; the row is kept (README.md, orphans; report omop_dangling_visit_references).
-- Ids: ROW_ID * 10000 + origin * 100 + k in 64-bit arithmetic (README.md says why
-- they cannot collide or wrap) (1 = DIAGNOSES_ICD, 2 = PROCEDURES_ICD, 4 = PRESCRIPTIONS,
-- 8 = INPUTEVENTS_MV, 9 = INPUTEVENTS_CV).
WITH ndc AS (
  SELECT DISTINCT p.ndc, c.concept_id AS source_concept_id
  FROM clean.mimic_prescriptions p
  JOIN clean.vocab_concept c ON c.vocabulary_id = 'NDC' AND c.concept_code = p.ndc
  WHERE p.ndc IS NOT NULL AND p.ndc <> '0'
), prescribed AS (
  SELECT p.row_id, 4 AS origin, p.subject_id, p.hadm_id, p.icustay_id, p.startdate AS start_time,
         coalesce(p.enddate, p.startdate) AS end_time,
         IF(p.ndc IS NULL OR p.ndc = '0', p.drug, p.ndc) AS source_value,
         coalesce(n.source_concept_id, 0) AS source_concept_id,
         coalesce(m.target_concept_id, 0) AS concept_id,
         CAST(32838 AS INT) AS type_concept_id,
         CAST(CASE WHEN p.dose_val_rx RLIKE '^[0-9]+(\\.[0-9]+)?$' THEN p.dose_val_rx END AS DOUBLE) AS quantity,
         p.route, p.dose_unit_rx AS dose_unit,
         row_number() OVER (PARTITION BY p.row_id ORDER BY m.target_concept_id) - 1 AS k
  FROM clean.mimic_prescriptions p
  LEFT JOIN ndc n ON n.ndc = p.ndc
  LEFT JOIN work.concept_maps_to m ON m.source_concept_id = n.source_concept_id AND m.target_domain_id = 'Drug'
  WHERE p.startdate IS NOT NULL
), infused AS (
  SELECT i.row_id, 8 AS origin, i.subject_id, i.hadm_id, i.icustay_id, i.starttime AS start_time,
         coalesce(i.endtime, i.starttime) AS end_time, CAST(i.itemid AS STRING) AS source_value,
         CAST(0 AS INT) AS source_concept_id, coalesce(m.concept_id, 0) AS concept_id,
         CAST(32818 AS INT) AS type_concept_id, i.amount AS quantity, CAST(NULL AS STRING) AS route,
         i.amountuom AS dose_unit, 0 AS k
  FROM clean.mimic_inputevents_mv i
  LEFT JOIN work.local_map m ON m.vocabulary = 'MIMIC_INPUT_ITEMID' AND m.code = CAST(i.itemid AS STRING)
  WHERE i.starttime IS NOT NULL AND coalesce(i.statusdescription, '') <> 'Rewritten'
  UNION ALL
  SELECT i.row_id, 9, i.subject_id, i.hadm_id, i.icustay_id, i.charttime, i.charttime,
         CAST(i.itemid AS STRING), CAST(0 AS INT), coalesce(m.concept_id, 0), CAST(32818 AS INT), i.amount,
         i.originalroute, i.amountuom, 0
  FROM clean.mimic_inputevents_cv i
  LEFT JOIN work.local_map m ON m.vocabulary = 'MIMIC_INPUT_ITEMID' AND m.code = CAST(i.itemid AS STRING)
  WHERE i.charttime IS NOT NULL
), coded AS (
  SELECT row_id, 1 AS origin, subject_id, hadm_id, CAST(NULL AS BIGINT) AS icustay_id, admittime AS start_time,
         admittime AS end_time, icd9_code AS source_value, source_concept_id, concept_id,
         CAST(32817 AS INT) AS type_concept_id, CAST(NULL AS DOUBLE) AS quantity, CAST(NULL AS STRING) AS route,
         CAST(NULL AS STRING) AS dose_unit, k
  FROM work.diagnosis_events WHERE domain_id = 'Drug'
  UNION ALL
  SELECT row_id, origin, subject_id, hadm_id, NULL, event_time, event_time, source_value, source_concept_id,
         concept_id, CAST(32817 AS INT), NULL, NULL, NULL, k
  FROM work.procedure_events WHERE domain_id = 'Drug'
)
SELECT CAST(IF(e.row_id BETWEEN 1 AND 922337203685476 AND e.k BETWEEN 0 AND 99,
               CAST(e.row_id AS BIGINT) * 10000 + e.origin * 100 + e.k,
               raise_error(concat('drug_exposure: ROW_ID ', e.row_id, ' of origin ', e.origin, ' with target ', e.k,
                                  ' gives no valid id (ROW_ID must be 1 to 922337203685476, targets at most 100)')))
            AS BIGINT) AS drug_exposure_id,
       CAST(e.subject_id AS BIGINT)                  AS person_id,
       CAST(e.concept_id AS INT)                     AS drug_concept_id,
       to_date(e.start_time)                         AS drug_exposure_start_date,
       CAST(e.start_time AS TIMESTAMP)               AS drug_exposure_start_datetime,
       to_date(greatest(e.end_time, e.start_time))   AS drug_exposure_end_date,
       CAST(greatest(e.end_time, e.start_time) AS TIMESTAMP) AS drug_exposure_end_datetime,
       to_date(e.end_time)                           AS verbatim_end_date,
       e.type_concept_id                             AS drug_type_concept_id,
       CAST(NULL AS STRING)                          AS stop_reason,
       CAST(NULL AS INT)                             AS refills,
       CAST(e.quantity AS DOUBLE)                    AS quantity,
       CAST(NULL AS INT)                             AS days_supply,
       CAST(NULL AS STRING)                          AS sig,
       CAST(coalesce(r.concept_id, 0) AS INT)        AS route_concept_id,
       CAST(NULL AS STRING)                          AS lot_number,
       CAST(NULL AS BIGINT)                          AS provider_id,
       CAST(va.hadm_id AS BIGINT)                    AS visit_occurrence_id,
       CAST(vd.icustay_id AS BIGINT)                 AS visit_detail_id,
       substr(e.source_value, 1, 50)                 AS drug_source_value,
       CAST(e.source_concept_id AS INT)              AS drug_source_concept_id,
       e.route                                       AS route_source_value,
       e.dose_unit                                   AS dose_unit_source_value,
       e.origin
FROM (SELECT * FROM prescribed UNION ALL SELECT * FROM infused UNION ALL SELECT * FROM coded) e
JOIN clean.mimic_patients p ON p.subject_id = e.subject_id
LEFT JOIN clean.mimic_admissions va ON va.hadm_id = e.hadm_id
LEFT JOIN clean.mimic_icustays vd ON vd.icustay_id = e.icustay_id
LEFT JOIN work.local_map r ON r.vocabulary = 'MIMIC_ROUTE' AND r.code = upper(trim(e.route))
