-- work.procedure_rows: the procedure_occurrence rows with the MIMIC table each came from (origin).
-- ICD-9 procedures and CPT events whose target is in the Procedure domain (or that
-- have no mapping), and diagnoses that map to a procedure.
-- Ids: ROW_ID * 10000 + origin * 100 + k in 64-bit arithmetic; README.md says why they cannot collide or wrap
-- (origin 1 = DIAGNOSES_ICD, 2 = PROCEDURES_ICD, 3 = CPTEVENTS).
SELECT CAST(IF(e.row_id BETWEEN 1 AND 922337203685476 AND e.k BETWEEN 0 AND 99,
               CAST(e.row_id AS BIGINT) * 10000 + e.origin * 100 + e.k,
               raise_error(concat('procedure_occurrence: ROW_ID ', e.row_id, ' of origin ', e.origin, ' with target ', e.k,
                                  ' gives no valid id (ROW_ID must be 1 to 922337203685476, targets at most 100)')))
            AS BIGINT) AS procedure_occurrence_id,
       CAST(subject_id AS BIGINT)                    AS person_id,
       CAST(concept_id AS INT)                       AS procedure_concept_id,
       to_date(event_time)                           AS procedure_date,
       CAST(event_time AS TIMESTAMP)                 AS procedure_datetime,
       CAST(NULL AS DATE)                            AS procedure_end_date,
       CAST(NULL AS TIMESTAMP)                       AS procedure_end_datetime,
       CAST(32817 AS INT)                            AS procedure_type_concept_id,
       CAST(0 AS INT)                                AS modifier_concept_id,
       CAST(1 AS INT)                                AS quantity,
       CAST(NULL AS BIGINT)                          AS provider_id,
       CAST(hadm_id AS BIGINT)                       AS visit_occurrence_id,
       CAST(NULL AS BIGINT)                          AS visit_detail_id,
       source_value                                  AS procedure_source_value,
       CAST(source_concept_id AS INT)                AS procedure_source_concept_id,
       CAST(NULL AS STRING)                          AS modifier_source_value,
       origin
FROM (
  SELECT row_id, origin, subject_id, hadm_id, event_time, source_value, source_concept_id, concept_id, k
  FROM work.procedure_events WHERE domain_id = 'Procedure'
  UNION ALL
  SELECT row_id, 1, subject_id, hadm_id, admittime, icd9_code, source_concept_id, concept_id, k
  FROM work.diagnosis_events WHERE domain_id = 'Procedure'
) e
