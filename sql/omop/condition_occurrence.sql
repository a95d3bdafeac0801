-- condition_occurrence: the CDM columns of work.condition_rows (which also says, in origin, the MIMIC table of each row).
SELECT condition_occurrence_id,
       person_id,
       condition_concept_id,
       condition_start_date,
       condition_start_datetime,
       condition_end_date,
       condition_end_datetime,
       condition_type_concept_id,
       condition_status_concept_id,
       stop_reason,
       provider_id,
       visit_occurrence_id,
       visit_detail_id,
       condition_source_value,
       condition_source_concept_id,
       condition_status_source_value
FROM work.condition_rows
