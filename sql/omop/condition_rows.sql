-- work.condition_rows: the condition_occurrence rows with the MIMIC table each came from (origin).
-- Diagnoses whose standard target is in the Condition domain, and diagnoses with no mapping (concept 0,
-- source value kept). MIMIC-III diagnoses carry no date: they start on the day of admission and end on the
-- day of discharge. SEQ_NUM 1 is the primary diagnosis.
-- Ids: ROW_ID * 10000 + origin * 100 + k in 64-bit arithmetic (origin 1 = DIAGNOSES_ICD; k numbers a code's
-- targets); README.md says why they cannot collide or wrap.
SELECT CAST(IF(e.row_id BETWEEN 1 AND 922337203685476 AND e.k BETWEEN 0 AND 99,
               CAST(e.row_id AS BIGINT) * 10000 + 1 * 100 + e.k,
               raise_error(concat('condition_occurrence: DIAGNOSES_ICD ROW_ID ', e.row_id, ' with target ', e.k,
                                  ' gives no valid id (ROW_ID must be 1 to 922337203685476, targets at most 100)')))
            AS BIGINT)                                 AS condition_occurrence_id,
       CAST(e.subject_id AS BIGINT)                    AS person_id,
       CAST(e.concept_id AS INT)                       AS condition_concept_id,
       to_date(e.admittime)                            AS condition_start_date,
       e.admittime                                     AS condition_start_datetime,
       to_date(e.dischtime)                            AS condition_end_date,
       e.dischtime                                     AS condition_end_datetime,
       CAST(32817 AS INT)                              AS condition_type_concept_id,
       CAST(IF(e.seq_num = 1, 32902, 32908) AS INT)    AS condition_status_concept_id,
       CAST(NULL AS STRING)                            AS stop_reason,
       CAST(NULL AS BIGINT)                            AS provider_id,
       CAST(e.hadm_id AS BIGINT)                       AS visit_occurrence_id,
       CAST(NULL AS BIGINT)                            AS visit_detail_id,
       e.icd9_code                                     AS condition_source_value,
       CAST(e.source_concept_id AS INT)                AS condition_source_concept_id,
       CAST(e.seq_num AS STRING)                       AS condition_status_source_value,
       1                                               AS origin
FROM work.diagnosis_events e
WHERE e.domain_id = 'Condition'
