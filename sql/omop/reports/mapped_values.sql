-- work.omop_mapped_values: every mapped field of the CDM tables with the source vocabulary and value it came
-- from and the concept it got (0 = no mapping). The source vocabulary of an event row follows from the MIMIC
-- table it came from, which the work.*_rows views keep as data (origin).
WITH origin AS (
  SELECT * FROM VALUES
    (1, 'ICD9CM'), (2, 'ICD9Proc'), (3, 'CPT4'), (4, 'NDC'), (5, 'MIMIC_LAB_ITEMID'), (6, 'MIMIC_CHART_ITEMID'),
    (7, 'MIMIC_ORGANISM'), (8, 'MIMIC_INPUT_ITEMID'), (9, 'MIMIC_INPUT_ITEMID'), (10, 'MIMIC_ADMISSIONS'),
    (11, 'MIMIC_DRGCODES'), (12, 'MIMIC_DATETIME_ITEMID')
  AS origin(code, vocabulary)
)
SELECT 'person' AS cdm_table, 'gender_concept_id' AS cdm_field, 'MIMIC_GENDER' AS source_vocabulary,
       gender_source_value AS source_value, gender_concept_id AS concept_id FROM curated.person
UNION ALL SELECT 'person', 'race_concept_id', 'MIMIC_RACE', race_source_value, race_concept_id FROM curated.person
UNION ALL SELECT 'person', 'ethnicity_concept_id', 'MIMIC_ETHNICITY', ethnicity_source_value, ethnicity_concept_id
          FROM curated.person
UNION ALL SELECT 'visit_occurrence', 'visit_concept_id', 'MIMIC_ADMISSION_TYPE', visit_source_value, visit_concept_id
          FROM curated.visit_occurrence
UNION ALL SELECT 'visit_detail', 'visit_detail_concept_id', 'MIMIC_CAREUNIT', visit_detail_source_value,
          visit_detail_concept_id FROM curated.visit_detail
UNION ALL SELECT 'condition_occurrence', 'condition_concept_id', o.vocabulary, condition_source_value, condition_concept_id
          FROM work.condition_rows r JOIN origin o ON o.code = r.origin
UNION ALL SELECT 'procedure_occurrence', 'procedure_concept_id', o.vocabulary, procedure_source_value, procedure_concept_id
          FROM work.procedure_rows r JOIN origin o ON o.code = r.origin
UNION ALL SELECT 'drug_exposure', 'drug_concept_id', o.vocabulary, drug_source_value, drug_concept_id
          FROM work.drug_rows r JOIN origin o ON o.code = r.origin
UNION ALL SELECT 'measurement', 'measurement_concept_id', o.vocabulary, measurement_source_value, measurement_concept_id
          FROM work.measurement_rows r JOIN origin o ON o.code = r.origin
          WHERE r.origin <> 7
UNION ALL SELECT 'measurement', 'value_as_concept_id', 'MIMIC_ORGANISM', value_source_value, value_as_concept_id
          FROM work.measurement_rows WHERE origin = 7
UNION ALL SELECT 'measurement', 'unit_concept_id', 'MIMIC_UNIT', unit_source_value, unit_concept_id
          FROM work.measurement_rows WHERE unit_source_value IS NOT NULL
UNION ALL SELECT 'observation', 'observation_concept_id', o.vocabulary, observation_source_value, observation_concept_id
          FROM work.observation_rows r JOIN origin o ON o.code = r.origin
UNION ALL SELECT 'observation', 'value_as_concept_id', value_vocabulary, value_source_value, value_as_concept_id
          FROM work.observation_rows WHERE value_vocabulary IS NOT NULL
UNION ALL SELECT 'specimen', 'specimen_concept_id', 'MIMIC_SPECIMEN', specimen_source_value, specimen_concept_id
          FROM curated.specimen
