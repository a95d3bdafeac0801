-- procedure_occurrence: the CDM columns of work.procedure_rows (which also says, in origin, the MIMIC table of each row).
SELECT procedure_occurrence_id,
       person_id,
       procedure_concept_id,
       procedure_date,
       procedure_datetime,
       procedure_end_date,
       procedure_end_datetime,
       procedure_type_concept_id,
       modifier_concept_id,
       quantity,
       provider_id,
       visit_occurrence_id,
       visit_detail_id,
       procedure_source_value,
       procedure_source_concept_id,
       modifier_source_value
FROM work.procedure_rows
