-- work.procedure_events: ICD-9 procedures (dated at admission, as MIMIC-III gives no date) and CPT events
-- (dated by chartdate when given), each with its source concept and each standard target. ICD-9
-- procedure codes gain their dot after two digits (3893 -> 38.93). Unmapped codes stay procedures.
WITH icd AS (
  SELECT DISTINCT icd9_code,
         CASE WHEN length(icd9_code) > 2 THEN concat(substr(icd9_code, 1, 2), '.', substr(icd9_code, 3))
              ELSE icd9_code END AS concept_code
  FROM clean.mimic_procedures_icd
), icd_source AS (
  SELECT icd.icd9_code, c.concept_id AS source_concept_id
  FROM icd JOIN clean.vocab_concept c ON c.vocabulary_id = 'ICD9Proc' AND c.concept_code = icd.concept_code
), cpt_source AS (
  SELECT DISTINCT e.cpt_cd, c.concept_id AS source_concept_id
  FROM clean.mimic_cptevents e JOIN clean.vocab_concept c ON c.vocabulary_id = 'CPT4' AND c.concept_code = e.cpt_cd
), events AS (
  SELECT p.row_id, 2 AS origin, p.subject_id, p.hadm_id, a.admittime AS event_time, p.icd9_code AS source_value,
         coalesce(s.source_concept_id, 0) AS source_concept_id
  FROM clean.mimic_procedures_icd p
  JOIN clean.mimic_admissions a ON a.hadm_id = p.hadm_id
  LEFT JOIN icd_source s ON s.icd9_code = p.icd9_code
  UNION ALL
  SELECT e.row_id, 3 AS origin, e.subject_id, e.hadm_id, coalesce(e.chartdate, a.admittime) AS event_time,
         e.cpt_cd AS source_value, coalesce(s.source_concept_id, 0) AS source_concept_id
  FROM clean.mimic_cptevents e
  JOIN clean.mimic_admissions a ON a.hadm_id = e.hadm_id
  LEFT JOIN cpt_source s ON s.cpt_cd = e.cpt_cd
)
SELECT e.row_id,
       e.origin,
       e.subject_id,
       e.hadm_id,
       e.event_time,
       e.source_value,
       e.source_concept_id,
       coalesce(m.target_concept_id, 0) AS concept_id,
       coalesce(m.target_domain_id, 'Procedure') AS domain_id,
       row_number() OVER (PARTITION BY e.origin, e.row_id ORDER BY m.target_concept_id) - 1 AS k
FROM events e
LEFT JOIN work.concept_maps_to m ON m.source_concept_id = e.source_concept_id AND e.source_concept_id <> 0
