-- work.diagnosis_events: each ICD-9-CM diagnosis with its source concept and each standard target.
-- MIMIC writes ICD-9 codes without the dot; the vocabulary writes them with it (4019 -> 401.9,
-- V1582 -> V15.82, E8788 -> E878.8). The target's domain decides the OMOP table; a code without a
-- mapping stays a condition with concept 0. k numbers the targets of one row (a code may map to several).
WITH codes AS (
  SELECT DISTINCT icd9_code,
         CASE WHEN icd9_code LIKE 'E%' AND length(icd9_code) > 4 THEN concat(substr(icd9_code, 1, 4), '.', substr(icd9_code, 5))
              WHEN icd9_code NOT LIKE 'E%' AND length(icd9_code) > 3 THEN concat(substr(icd9_code, 1, 3), '.', substr(icd9_code, 4))
              ELSE icd9_code END AS concept_code
  FROM clean.mimic_diagnoses_icd
), source AS (
  SELECT codes.icd9_code, c.concept_id AS source_concept_id
  FROM codes
  JOIN clean.vocab_concept c ON c.vocabulary_id = 'ICD9CM' AND c.concept_code = codes.concept_code
)
SELECT d.row_id,
       d.subject_id,
       d.hadm_id,
       d.seq_num,
       d.icd9_code,
       a.admittime,
       a.dischtime,
       coalesce(s.source_concept_id, 0)  AS source_concept_id,
       coalesce(m.target_concept_id, 0)  AS concept_id,
       coalesce(m.target_domain_id, 'Condition') AS domain_id,
       row_number() OVER (PARTITION BY d.row_id ORDER BY m.target_concept_id) - 1 AS k
FROM clean.mimic_diagnoses_icd d
JOIN clean.mimic_admissions a ON a.hadm_id = d.hadm_id
LEFT JOIN source s ON s.icd9_code = d.icd9_code
LEFT JOIN work.concept_maps_to m ON m.source_concept_id = s.source_concept_id
