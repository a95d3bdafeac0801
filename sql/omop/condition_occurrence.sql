-- condition_occurrence: diagnoses whose standard target is in the Condition domain, and diagnoses with
-- no mapping (concept 0, source value kept). MIMIC-III diagnoses carry no date: they start on the day
-- of admission and end on the day of discharge. SEQ_NUM 1 is the primary diagnosis.
-- Ids: ROW_ID * 10000 + origin * 100 + k (origin 1 = DIAGNOSES_ICD; k numbers a code's targets).
SELECT CAST(row_id * 10000 + 100 + k AS BIGINT)      AS condition_occurrence_id,
       CAST(subject_id AS BIGINT)                    AS person_id,
       CAST(concept_id AS INT)                       AS condition_concept_id,
       to_date(admittime)                            AS condition_start_date,
       admittime                                     AS condition_start_datetime,
       to_date(dischtime)                            AS condition_end_date,
       dischtime                                     AS condition_end_datetime,
       CAST(32817 AS INT)                            AS condition_type_concept_id,
       CAST(IF(seq_num = 1, 32902, 32908) AS INT)    AS condition_status_concept_id,
       CAST(NULL AS STRING)                          AS stop_reason,
       CAST(NULL AS BIGINT)                          AS provider_id,
       CAST(hadm_id AS BIGINT)                       AS visit_occurrence_id,
       CAST(NULL AS BIGINT)                          AS visit_detail_id,
       icd9_code                                     AS condition_source_value,
       CAST(source_concept_id AS INT)                AS condition_source_concept_id,
       CAST(seq_num AS STRING)                       AS condition_status_source_value
FROM work.diagnosis_events
WHERE domain_id = 'Condition'
