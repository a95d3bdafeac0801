-- omop_dq_results: data-quality checks in the spirit of the OHDSI Data Quality Dashboard, written from
-- its CDM v5.4 check definitions and thresholds: required fields, primary keys, foreign keys (person,
-- visit, provider, care site, location, concept), standard and valid concepts in *_concept_id fields,
-- records without a standard concept, plausible values (dates from 1950 to today, year of birth from
-- 1850), start before end, dates not before birth nor more than 60 days after death, dates within a week
-- of their visit, and events inside the person's observation period.
-- One scan per table for its row-level checks and one vocabulary join per table for its concept fields.
-- status: FAIL when the share of violating rows (percent) is above the check's threshold.
WITH checks AS (
  SELECT * FROM VALUES
    ('plausible_value_low', 'plausibility', 'person', 'birth_datetime', 1, 'person.birth_datetime below ''18500101'''),
    ('plausible_value_high', 'plausibility', 'person', 'birth_datetime', 1, 'person.birth_datetime above DATEADD(dd,1,GETDATE())'),
    ('is_foreign_key', 'conformance', 'person', 'care_site_id', 0, 'person.care_site_id names a care_site that does not exist'),
    ('plausible_value_low', 'plausibility', 'person', 'day_of_birth', 1, 'person.day_of_birth below 1'),
    ('plausible_value_high', 'plausibility', 'person', 'day_of_birth', 1, 'person.day_of_birth above 31'),
    ('is_required', 'conformance', 'person', 'ethnicity_concept_id', 0, 'person.ethnicity_concept_id is required and empty'),
    ('is_required', 'conformance', 'person', 'gender_concept_id', 0, 'person.gender_concept_id is required and empty'),
    ('is_foreign_key', 'conformance', 'person', 'location_id', 0, 'person.location_id names a location that does not exist'),
    ('plausible_value_low', 'plausibility', 'person', 'month_of_birth', 1, 'person.month_of_birth below 1'),
    ('plausible_value_high', 'plausibility', 'person', 'month_of_birth', 1, 'person.month_of_birth above 12'),
    ('is_required', 'conformance', 'person', 'person_id', 0, 'person.person_id is required and empty'),
    ('is_primary_key', 'conformance', 'person', 'person_id', 0, 'person.person_id repeats a primary key value'),
    ('is_foreign_key', 'conformance', 'person', 'provider_id', 0, 'person.provider_id names a provider that does not exist'),
    ('is_required', 'conformance', 'person', 'race_concept_id', 0, 'person.race_concept_id is required and empty'),
    ('is_required', 'conformance', 'person', 'year_of_birth', 0, 'person.year_of_birth is required and empty'),
    ('plausible_value_low', 'plausibility', 'person', 'year_of_birth', 1, 'person.year_of_birth below 1850'),
    ('plausible_value_high', 'plausibility', 'person', 'year_of_birth', 1, 'person.year_of_birth above YEAR(GETDATE())+1'),
    ('is_foreign_key', 'conformance', 'person', 'ethnicity_concept_id', 0, 'person.ethnicity_concept_id names a concept that is not in the vocabulary'),
    ('is_standard_valid_concept', 'conformance', 'person', 'ethnicity_concept_id', 0, 'person.ethnicity_concept_id holds a concept that is not standard and valid'),
    ('standard_concept_record_completeness', 'completeness', 'person', 'ethnicity_concept_id', 100, 'person.ethnicity_concept_id is 0 (no standard concept)'),
    ('is_foreign_key', 'conformance', 'person', 'ethnicity_source_concept_id', 0, 'person.ethnicity_source_concept_id names a concept that is not in the vocabulary'),
    ('is_foreign_key', 'conformance', 'person', 'gender_concept_id', 0, 'person.gender_concept_id names a concept that is not in the vocabulary'),
    ('is_standard_valid_concept', 'conformance', 'person', 'gender_concept_id', 0, 'person.gender_concept_id holds a concept that is not standard and valid'),
    ('standard_concept_record_completeness', 'completeness', 'person', 'gender_concept_id', 5, 'person.gender_concept_id is 0 (no standard concept)'),
    ('is_foreign_key', 'conformance', 'person', 'gender_source_concept_id', 0, 'person.gender_source_concept_id names a concept that is not in the vocabulary'),
    ('is_foreign_key', 'conformance', 'person', 'race_concept_id', 0, 'person.race_concept_id names a concept that is not in the vocabulary'),
    ('is_standard_valid_concept', 'conformance', 'person', 'race_concept_id', 0, 'person.race_concept_id holds a concept that is not standard and valid'),
    ('standard_concept_record_completeness', 'completeness', 'person', 'race_concept_id', 100, 'person.race_concept_id is 0 (no standard concept)'),
    ('is_foreign_key', 'conformance', 'person', 'race_source_concept_id', 0, 'person.race_source_concept_id names a concept that is not in the vocabulary'),
    ('is_required', 'conformance', 'observation_period', 'observation_period_end_date', 0, 'observation_period.observation_period_end_date is required and empty'),
    ('plausible_value_low', 'plausibility', 'observation_period', 'observation_period_end_date', 1, 'observation_period.observation_period_end_date below ''19500101'''),
    ('plausible_value_high', 'plausibility', 'observation_period', 'observation_period_end_date', 1, 'observation_period.observation_period_end_date above DATEADD(dd,1,GETDATE())'),
    ('plausible_after_birth', 'plausibility', 'observation_period', 'observation_period_end_date', 1, 'observation_period.observation_period_end_date before the person''s birth'),
    ('plausible_before_death', 'plausibility', 'observation_period', 'observation_period_end_date', 1, 'observation_period.observation_period_end_date more than 60 days after the person''s death'),
    ('is_required', 'conformance', 'observation_period', 'observation_period_id', 0, 'observation_period.observation_period_id is required and empty'),
    ('is_primary_key', 'conformance', 'observation_period', 'observation_period_id', 0, 'observation_period.observation_period_id repeats a primary key value'),
    ('is_required', 'conformance', 'observation_period', 'observation_period_start_date', 0, 'observation_period.observation_period_start_date is required and empty'),
    ('plausible_value_low', 'plausibility', 'observation_period', 'observation_period_start_date', 1, 'observation_period.observation_period_start_date below ''19500101'''),
    ('plausible_value_high', 'plausibility', 'observation_period', 'observation_period_start_date', 1, 'observation_period.observation_period_start_date above DATEADD(dd,1,GETDATE())'),
    ('plausible_start_before_end', 'plausibility', 'observation_period', 'observation_period_start_date', 0, 'observation_period.observation_period_start_date after observation_period_end_date'),
    ('plausible_after_birth', 'plausibility', 'observation_period', 'observation_period_start_date', 1, 'observation_period.observation_period_start_date before the person''s birth'),
    ('plausible_before_death', 'plausibility', 'observation_period', 'observation_period_start_date', 1, 'observation_period.observation_period_start_date more than 60 days after the person''s death'),
    ('is_required', 'conformance', 'observation_period', 'period_type_concept_id', 0, 'observation_period.period_type_concept_id is required and empty'),
    ('is_required', 'conformance', 'observation_period', 'person_id', 0, 'observation_period.person_id is required and empty'),
    ('is_foreign_key', 'conformance', 'observation_period', 'person_id', 0, 'observation_period.person_id names a person that does not exist'),
    ('is_foreign_key', 'conformance', 'observation_period', 'period_type_concept_id', 0, 'observation_period.period_type_concept_id names a concept that is not in the vocabulary'),
    ('is_standard_valid_concept', 'conformance', 'observation_period', 'period_type_concept_id', 0, 'observation_period.period_type_concept_id holds a concept that is not standard and valid'),
    ('standard_concept_record_completeness', 'completeness', 'observation_period', 'period_type_concept_id', 0, 'observation_period.period_type_concept_id is 0 (no standard concept)'),
    ('is_foreign_key', 'conformance', 'visit_occurrence', 'care_site_id', 0, 'visit_occurrence.care_site_id names a care_site that does not exist'),
    ('is_required', 'conformance', 'visit_occurrence', 'person_id', 0, 'visit_occurrence.person_id is required and empty'),
    ('is_foreign_key', 'conformance', 'visit_occurrence', 'person_id', 0, 'visit_occurrence.person_id names a person that does not exist'),
    ('is_foreign_key', 'conformance', 'visit_occurrence', 'provider_id', 0, 'visit_occurrence.provider_id names a provider that does not exist'),
    ('is_required', 'conformance', 'visit_occurrence', 'visit_concept_id', 0, 'visit_occurrence.visit_concept_id is required and empty'),
    ('is_required', 'conformance', 'visit_occurrence', 'visit_end_date', 0, 'visit_occurrence.visit_end_date is required and empty'),
    ('plausible_value_low', 'plausibility', 'visit_occurrence', 'visit_end_date', 1, 'visit_occurrence.visit_end_date below ''19500101'''),
    ('plausible_value_high', 'plausibility', 'visit_occurrence', 'visit_end_date', 1, 'visit_occurrence.visit_end_date above DATEADD(dd,1,GETDATE())'),
    ('plausible_after_birth', 'plausibility', 'visit_occurrence', 'visit_end_date', 1, 'visit_occurrence.visit_end_date before the person''s birth'),
    ('plausible_before_death', 'plausibility', 'visit_occurrence', 'visit_end_date', 1, 'visit_occurrence.visit_end_date more than 60 days after the person''s death'),
    ('plausible_value_low', 'plausibility', 'visit_occurrence', 'visit_end_datetime', 1, 'visit_occurrence.visit_end_datetime below ''19500101'''),
    ('plausible_value_high', 'plausibility', 'visit_occurrence', 'visit_end_datetime', 1, 'visit_occurrence.visit_end_datetime above DATEADD(dd,1,GETDATE())'),
    ('plausible_after_birth', 'plausibility', 'visit_occurrence', 'visit_end_datetime', 1, 'visit_occurrence.visit_end_datetime before the person''s birth'),
    ('plausible_before_death', 'plausibility', 'visit_occurrence', 'visit_end_datetime', 1, 'visit_occurrence.visit_end_datetime more than 60 days after the person''s death'),
    ('is_required', 'conformance', 'visit_occurrence', 'visit_occurrence_id', 0, 'visit_occurrence.visit_occurrence_id is required and empty'),
    ('is_primary_key', 'conformance', 'visit_occurrence', 'visit_occurrence_id', 0, 'visit_occurrence.visit_occurrence_id repeats a primary key value'),
    ('is_required', 'conformance', 'visit_occurrence', 'visit_start_date', 0, 'visit_occurrence.visit_start_date is required and empty'),
    ('plausible_value_low', 'plausibility', 'visit_occurrence', 'visit_start_date', 1, 'visit_occurrence.visit_start_date below ''19500101'''),
    ('plausible_value_high', 'plausibility', 'visit_occurrence', 'visit_start_date', 1, 'visit_occurrence.visit_start_date above DATEADD(dd,1,GETDATE())'),
    ('plausible_start_before_end', 'plausibility', 'visit_occurrence', 'visit_start_date', 1, 'visit_occurrence.visit_start_date after visit_end_date'),
    ('plausible_after_birth', 'plausibility', 'visit_occurrence', 'visit_start_date', 1, 'visit_occurrence.visit_start_date before the person''s birth'),
    ('plausible_before_death', 'plausibility', 'visit_occurrence', 'visit_start_date', 1, 'visit_occurrence.visit_start_date more than 60 days after the person''s death'),
    ('plausible_value_low', 'plausibility', 'visit_occurrence', 'visit_start_datetime', 1, 'visit_occurrence.visit_start_datetime below ''19500101'''),
    ('plausible_value_high', 'plausibility', 'visit_occurrence', 'visit_start_datetime', 1, 'visit_occurrence.visit_start_datetime above DATEADD(dd,1,GETDATE())'),
    ('plausible_start_before_end', 'plausibility', 'visit_occurrence', 'visit_start_datetime', 1, 'visit_occurrence.visit_start_datetime after visit_end_datetime'),
    ('plausible_after_birth', 'plausibility', 'visit_occurrence', 'visit_start_datetime', 1, 'visit_occurrence.visit_start_datetime before the person''s birth'),
    ('plausible_before_death', 'plausibility', 'visit_occurrence', 'visit_start_datetime', 1, 'visit_occurrence.visit_start_datetime more than 60 days after the person''s death'),
    ('is_required', 'conformance', 'visit_occurrence', 'visit_type_concept_id', 0, 'visit_occurrence.visit_type_concept_id is required and empty'),
    ('within_observation_period', 'plausibility', 'visit_occurrence', 'visit_start_date', 5, 'visit_occurrence.visit_start_date outside every observation period of the person'),
    ('is_foreign_key', 'conformance', 'visit_occurrence', 'admitted_from_concept_id', 0, 'visit_occurrence.admitted_from_concept_id names a concept that is not in the vocabulary'),
    ('is_standard_valid_concept', 'conformance', 'visit_occurrence', 'admitted_from_concept_id', 0, 'visit_occurrence.admitted_from_concept_id holds a concept that is not standard and valid'),
    ('standard_concept_record_completeness', 'completeness', 'visit_occurrence', 'admitted_from_concept_id', 5, 'visit_occurrence.admitted_from_concept_id is 0 (no standard concept)'),
    ('is_foreign_key', 'conformance', 'visit_occurrence', 'discharged_to_concept_id', 0, 'visit_occurrence.discharged_to_concept_id names a concept that is not in the vocabulary'),
    ('is_standard_valid_concept', 'conformance', 'visit_occurrence', 'discharged_to_concept_id', 0, 'visit_occurrence.discharged_to_concept_id holds a concept that is not standard and valid'),
    ('standard_concept_record_completeness', 'completeness', 'visit_occurrence', 'discharged_to_concept_id', 5, 'visit_occurrence.discharged_to_concept_id is 0 (no standard concept)'),
    ('is_foreign_key', 'conformance', 'visit_occurrence', 'visit_concept_id', 0, 'visit_occurrence.visit_concept_id names a concept that is not in the vocabulary'),
    ('is_standard_valid_concept', 'conformance', 'visit_occurrence', 'visit_concept_id', 0, 'visit_occurrence.visit_concept_id holds a concept that is not standard and valid'),
    ('standard_concept_record_completeness', 'completeness', 'visit_occurrence', 'visit_concept_id', 0, 'visit_occurrence.visit_concept_id is 0 (no standard concept)'),
    ('is_foreign_key', 'conformance', 'visit_occurrence', 'visit_source_concept_id', 0, 'visit_occurrence.visit_source_concept_id names a concept that is not in the vocabulary'),
    ('is_foreign_key', 'conformance', 'visit_occurrence', 'visit_type_concept_id', 0, 'visit_occurrence.visit_type_concept_id names a concept that is not in the vocabulary'),
    ('is_standard_valid_concept', 'conformance', 'visit_occurrence', 'visit_type_concept_id', 0, 'visit_occurrence.visit_type_concept_id holds a concept that is not standard and valid'),
    ('standard_concept_record_completeness', 'completeness', 'visit_occurrence', 'visit_type_concept_id', 0, 'visit_occurrence.visit_type_concept_id is 0 (no standard concept)'),
    ('is_foreign_key', 'conformance', 'visit_detail', 'care_site_id', 0, 'visit_detail.care_site_id names a care_site that does not exist'),
    ('is_required', 'conformance', 'visit_detail', 'person_id', 0, 'visit_detail.person_id is required and empty'),
    ('is_foreign_key', 'conformance', 'visit_detail', 'person_id', 0, 'visit_detail.person_id names a person that does not exist'),
    ('is_foreign_key', 'conformance', 'visit_detail', 'provider_id', 0, 'visit_detail.provider_id names a provider that does not exist'),
    ('is_required', 'conformance', 'visit_detail', 'visit_detail_concept_id', 0, 'visit_detail.visit_detail_concept_id is required and empty'),
    ('is_required', 'conformance', 'visit_detail', 'visit_detail_end_date', 0, 'visit_detail.visit_detail_end_date is required and empty'),
    ('plausible_value_low', 'plausibility', 'visit_detail', 'visit_detail_end_date', 1, 'visit_detail.visit_detail_end_date below ''19500101'''),
    ('plausible_value_high', 'plausibility', 'visit_detail', 'visit_detail_end_date', 1, 'visit_detail.visit_detail_end_date above DATEADD(dd,1,GETDATE())'),
    ('plausible_after_birth', 'plausibility', 'visit_detail', 'visit_detail_end_date', 1, 'visit_detail.visit_detail_end_date before the person''s birth'),
    ('plausible_before_death', 'plausibility', 'visit_detail', 'visit_detail_end_date', 1, 'visit_detail.visit_detail_end_date more than 60 days after the person''s death'),
    ('within_visit_dates', 'plausibility', 'visit_detail', 'visit_detail_end_date', 1, 'visit_detail.visit_detail_end_date more than a week outside its visit'),
    ('plausible_value_low', 'plausibility', 'visit_detail', 'visit_detail_end_datetime', 1, 'visit_detail.visit_detail_end_datetime below ''19500101'''),
    ('plausible_value_high', 'plausibility', 'visit_detail', 'visit_detail_end_datetime', 1, 'visit_detail.visit_detail_end_datetime above DATEADD(dd,1,GETDATE())'),
    ('plausible_after_birth', 'plausibility', 'visit_detail', 'visit_detail_end_datetime', 1, 'visit_detail.visit_detail_end_datetime before the person''s birth'),
    ('plausible_before_death', 'plausibility', 'visit_detail', 'visit_detail_end_datetime', 1, 'visit_detail.visit_detail_end_datetime more than 60 days after the person''s death'),
    ('is_required', 'conformance', 'visit_detail', 'visit_detail_id', 0, 'visit_detail.visit_detail_id is required and empty'),
    ('is_primary_key', 'conformance', 'visit_detail', 'visit_detail_id', 0, 'visit_detail.visit_detail_id repeats a primary key value'),
    ('is_required', 'conformance', 'visit_detail', 'visit_detail_start_date', 0, 'visit_detail.visit_detail_start_date is required and empty'),
    ('plausible_value_low', 'plausibility', 'visit_detail', 'visit_detail_start_date', 1, 'visit_detail.visit_detail_start_date below ''19500101'''),
    ('plausible_value_high', 'plausibility', 'visit_detail', 'visit_detail_start_date', 1, 'visit_detail.visit_detail_start_date above DATEADD(dd,1,GETDATE())'),
    ('plausible_start_before_end', 'plausibility', 'visit_detail', 'visit_detail_start_date', 1, 'visit_detail.visit_detail_start_date after visit_detail_end_date'),
    ('plausible_after_birth', 'plausibility', 'visit_detail', 'visit_detail_start_date', 1, 'visit_detail.visit_detail_start_date before the person''s birth'),
    ('plausible_before_death', 'plausibility', 'visit_detail', 'visit_detail_start_date', 1, 'visit_detail.visit_detail_start_date more than 60 days after the person''s death'),
    ('within_visit_dates', 'plausibility', 'visit_detail', 'visit_detail_start_date', 1, 'visit_detail.visit_detail_start_date more than a week outside its visit'),
    ('plausible_value_low', 'plausibility', 'visit_detail', 'visit_detail_start_datetime', 1, 'visit_detail.visit_detail_start_datetime below ''19500101'''),
    ('plausible_value_high', 'plausibility', 'visit_detail', 'visit_detail_start_datetime', 1, 'visit_detail.visit_detail_start_datetime above DATEADD(dd,1,GETDATE())'),
    ('plausible_start_before_end', 'plausibility', 'visit_detail', 'visit_detail_start_datetime', 1, 'visit_detail.visit_detail_start_datetime after visit_detail_end_datetime'),
    ('plausible_after_birth', 'plausibility', 'visit_detail', 'visit_detail_start_datetime', 1, 'visit_detail.visit_detail_start_datetime before the person''s birth'),
    ('plausible_before_death', 'plausibility', 'visit_detail', 'visit_detail_start_datetime', 1, 'visit_detail.visit_detail_start_datetime more than 60 days after the person''s death'),
    ('is_required', 'conformance', 'visit_detail', 'visit_detail_type_concept_id', 0, 'visit_detail.visit_detail_type_concept_id is required and empty'),
    ('is_required', 'conformance', 'visit_detail', 'visit_occurrence_id', 0, 'visit_detail.visit_occurrence_id is required and empty'),
    ('is_foreign_key', 'conformance', 'visit_detail', 'visit_occurrence_id', 0, 'visit_detail.visit_occurrence_id names a visit_occurrence that does not exist'),
    ('within_observation_period', 'plausibility', 'visit_detail', 'visit_detail_start_date', 5, 'visit_detail.visit_detail_start_date outside every observation period of the person'),
    ('is_foreign_key', 'conformance', 'visit_detail', 'admitted_from_concept_id', 0, 'visit_detail.admitted_from_concept_id names a concept that is not in the vocabulary'),
    ('is_standard_valid_concept', 'conformance', 'visit_detail', 'admitted_from_concept_id', 0, 'visit_detail.admitted_from_concept_id holds a concept that is not standard and valid'),
    ('standard_concept_record_completeness', 'completeness', 'visit_detail', 'admitted_from_concept_id', 5, 'visit_detail.admitted_from_concept_id is 0 (no standard concept)'),
    ('is_foreign_key', 'conformance', 'visit_detail', 'discharged_to_concept_id', 0, 'visit_detail.discharged_to_concept_id names a concept that is not in the vocabulary'),
    ('is_standard_valid_concept', 'conformance', 'visit_detail', 'discharged_to_concept_id', 0, 'visit_detail.discharged_to_concept_id holds a concept that is not standard and valid'),
    ('standard_concept_record_completeness', 'completeness', 'visit_detail', 'discharged_to_concept_id', 5, 'visit_detail.discharged_to_concept_id is 0 (no standard concept)'),
    ('is_foreign_key', 'conformance', 'visit_detail', 'visit_detail_concept_id', 0, 'visit_detail.visit_detail_concept_id names a concept that is not in the vocabulary'),
    ('is_standard_valid_concept', 'conformance', 'visit_detail', 'visit_detail_concept_id', 0, 'visit_detail.visit_detail_concept_id holds a concept that is not standard and valid'),
    ('standard_concept_record_completeness', 'completeness', 'visit_detail', 'visit_detail_concept_id', 0, 'visit_detail.visit_detail_concept_id is 0 (no standard concept)'),
    ('is_foreign_key', 'conformance', 'visit_detail', 'visit_detail_source_concept_id', 0, 'visit_detail.visit_detail_source_concept_id names a concept that is not in the vocabulary'),
    ('is_foreign_key', 'conformance', 'visit_detail', 'visit_detail_type_concept_id', 0, 'visit_detail.visit_detail_type_concept_id names a concept that is not in the vocabulary'),
    ('is_standard_valid_concept', 'conformance', 'visit_detail', 'visit_detail_type_concept_id', 0, 'visit_detail.visit_detail_type_concept_id holds a concept that is not standard and valid'),
    ('standard_concept_record_completeness', 'completeness', 'visit_detail', 'visit_detail_type_concept_id', 0, 'visit_detail.visit_detail_type_concept_id is 0 (no standard concept)'),
    ('is_required', 'conformance', 'condition_occurrence', 'condition_concept_id', 0, 'condition_occurrence.condition_concept_id is required and empty'),
    ('plausible_value_low', 'plausibility', 'condition_occurrence', 'condition_end_date', 1, 'condition_occurrence.condition_end_date below ''19500101'''),
    ('plausible_value_high', 'plausibility', 'condition_occurrence', 'condition_end_date', 1, 'condition_occurrence.condition_end_date above DATEADD(dd,1,GETDATE())'),
    ('plausible_after_birth', 'plausibility', 'condition_occurrence', 'condition_end_date', 1, 'condition_occurrence.condition_end_date before the person''s birth'),
    ('plausible_before_death', 'plausibility', 'condition_occurrence', 'condition_end_date', 1, 'condition_occurrence.condition_end_date more than 60 days after the person''s death'),
    ('plausible_value_low', 'plausibility', 'condition_occurrence', 'condition_end_datetime', 1, 'condition_occurrence.condition_end_datetime below ''19500101'''),
    ('plausible_value_high', 'plausibility', 'condition_occurrence', 'condition_end_datetime', 1, 'condition_occurrence.condition_end_datetime above DATEADD(dd,1,GETDATE())'),
    ('plausible_after_birth', 'plausibility', 'condition_occurrence', 'condition_end_datetime', 1, 'condition_occurrence.condition_end_datetime before the person''s birth'),
    ('plausible_before_death', 'plausibility', 'condition_occurrence', 'condition_end_datetime', 1, 'condition_occurrence.condition_end_datetime more than 60 days after the person''s death'),
    ('is_required', 'conformance', 'condition_occurrence', 'condition_occurrence_id', 0, 'condition_occurrence.condition_occurrence_id is required and empty'),
    ('is_primary_key', 'conformance', 'condition_occurrence', 'condition_occurrence_id', 0, 'condition_occurrence.condition_occurrence_id repeats a primary key value'),
    ('is_required', 'conformance', 'condition_occurrence', 'condition_start_date', 0, 'condition_occurrence.condition_start_date is required and empty'),
    ('plausible_value_low', 'plausibility', 'condition_occurrence', 'condition_start_date', 1, 'condition_occurrence.condition_start_date below ''19500101'''),
    ('plausible_value_high', 'plausibility', 'condition_occurrence', 'condition_start_date', 1, 'condition_occurrence.condition_start_date above DATEADD(dd,1,GETDATE())'),
    ('plausible_start_before_end', 'plausibility', 'condition_occurrence', 'condition_start_date', 1, 'condition_occurrence.condition_start_date after condition_end_date'),
    ('plausible_after_birth', 'plausibility', 'condition_occurrence', 'condition_start_date', 1, 'condition_occurrence.condition_start_date before the person''s birth'),
    ('plausible_before_death', 'plausibility', 'condition_occurrence', 'condition_start_date', 1, 'condition_occurrence.condition_start_date more than 60 days after the person''s death'),
    ('within_visit_dates', 'plausibility', 'condition_occurrence', 'condition_start_date', 5, 'condition_occurrence.condition_start_date more than a week outside its visit'),
    ('plausible_value_low', 'plausibility', 'condition_occurrence', 'condition_start_datetime', 1, 'condition_occurrence.condition_start_datetime below ''19500101'''),
    ('plausible_value_high', 'plausibility', 'condition_occurrence', 'condition_start_datetime', 1, 'condition_occurrence.condition_start_datetime above DATEADD(dd,1,GETDATE())'),
    ('plausible_start_before_end', 'plausibility', 'condition_occurrence', 'condition_start_datetime', 1, 'condition_occurrence.condition_start_datetime after condition_end_datetime'),
    ('plausible_after_birth', 'plausibility', 'condition_occurrence', 'condition_start_datetime', 1, 'condition_occurrence.condition_start_datetime before the person''s birth'),
    ('plausible_before_death', 'plausibility', 'condition_occurrence', 'condition_start_datetime', 1, 'condition_occurrence.condition_start_datetime more than 60 days after the person''s death'),
    ('is_required', 'conformance', 'condition_occurrence', 'condition_type_concept_id', 0, 'condition_occurrence.condition_type_concept_id is required and empty'),
    ('is_required', 'conformance', 'condition_occurrence', 'person_id', 0, 'condition_occurrence.person_id is required and empty'),
    ('is_foreign_key', 'conformance', 'condition_occurrence', 'person_id', 0, 'condition_occurrence.person_id names a person that does not exist'),
    ('is_foreign_key', 'conformance', 'condition_occurrence', 'provider_id', 0, 'condition_occurrence.provider_id names a provider that does not exist'),
    ('is_foreign_key', 'conformance', 'condition_occurrence', 'visit_detail_id', 0, 'condition_occurrence.visit_detail_id names a visit_detail that does not exist'),
    ('is_foreign_key', 'conformance', 'condition_occurrence', 'visit_occurrence_id', 0, 'condition_occurrence.visit_occurrence_id names a visit_occurrence that does not exist'),
    ('within_observation_period', 'plausibility', 'condition_occurrence', 'condition_start_date', 5, 'condition_occurrence.condition_start_date outside every observation period of the person'),
    ('is_foreign_key', 'conformance', 'condition_occurrence', 'condition_concept_id', 0, 'condition_occurrence.condition_concept_id names a concept that is not in the vocabulary'),
    ('is_standard_valid_concept', 'conformance', 'condition_occurrence', 'condition_concept_id', 0, 'condition_occurrence.condition_concept_id holds a concept that is not standard and valid'),
    ('standard_concept_record_completeness', 'completeness', 'condition_occurrence', 'condition_concept_id', 5, 'condition_occurrence.condition_concept_id is 0 (no standard concept)'),
    ('is_foreign_key', 'conformance', 'condition_occurrence', 'condition_source_concept_id', 0, 'condition_occurrence.condition_source_concept_id names a concept that is not in the vocabulary'),
    ('is_foreign_key', 'conformance', 'condition_occurrence', 'condition_status_concept_id', 0, 'condition_occurrence.condition_status_concept_id names a concept that is not in the vocabulary'),
    ('is_standard_valid_concept', 'conformance', 'condition_occurrence', 'condition_status_concept_id', 0, 'condition_occurrence.condition_status_concept_id holds a concept that is not standard and valid'),
    ('standard_concept_record_completeness', 'completeness', 'condition_occurrence', 'condition_status_concept_id', 5, 'condition_occurrence.condition_status_concept_id is 0 (no standard concept)'),
    ('is_foreign_key', 'conformance', 'condition_occurrence', 'condition_type_concept_id', 0, 'condition_occurrence.condition_type_concept_id names a concept that is not in the vocabulary'),
    ('is_standard_valid_concept', 'conformance', 'condition_occurrence', 'condition_type_concept_id', 0, 'condition_occurrence.condition_type_concept_id holds a concept that is not standard and valid'),
    ('standard_concept_record_completeness', 'completeness', 'condition_occurrence', 'condition_type_concept_id', 0, 'condition_occurrence.condition_type_concept_id is 0 (no standard concept)'),
    ('plausible_value_low', 'plausibility', 'drug_exposure', 'days_supply', 1, 'drug_exposure.days_supply below 1'),
    ('plausible_value_high', 'plausibility', 'drug_exposure', 'days_supply', 1, 'drug_exposure.days_supply above 365'),
    ('is_required', 'conformance', 'drug_exposure', 'drug_concept_id', 0, 'drug_exposure.drug_concept_id is required and empty'),
    ('is_required', 'conformance', 'drug_exposure', 'drug_exposure_end_date', 0, 'drug_exposure.drug_exposure_end_date is required and empty'),
    ('plausible_value_low', 'plausibility', 'drug_exposure', 'drug_exposure_end_date', 1, 'drug_exposure.drug_exposure_end_date below ''19500101'''),
    ('plausible_value_high', 'plausibility', 'drug_exposure', 'drug_exposure_end_date', 1, 'drug_exposure.drug_exposure_end_date above DATEADD(dd,1,GETDATE())'),
    ('plausible_after_birth', 'plausibility', 'drug_exposure', 'drug_exposure_end_date', 1, 'drug_exposure.drug_exposure_end_date before the person''s birth'),
    ('plausible_before_death', 'plausibility', 'drug_exposure', 'drug_exposure_end_date', 1, 'drug_exposure.drug_exposure_end_date more than 60 days after the person''s death'),
    ('plausible_value_low', 'plausibility', 'drug_exposure', 'drug_exposure_end_datetime', 1, 'drug_exposure.drug_exposure_end_datetime below ''19500101'''),
    ('plausible_value_high', 'plausibility', 'drug_exposure', 'drug_exposure_end_datetime', 1, 'drug_exposure.drug_exposure_end_datetime above DATEADD(dd,1,GETDATE())'),
    ('plausible_after_birth', 'plausibility', 'drug_exposure', 'drug_exposure_end_datetime', 1, 'drug_exposure.drug_exposure_end_datetime before the person''s birth'),
    ('plausible_before_death', 'plausibility', 'drug_exposure', 'drug_exposure_end_datetime', 1, 'drug_exposure.drug_exposure_end_datetime more than 60 days after the person''s death'),
    ('is_required', 'conformance', 'drug_exposure', 'drug_exposure_id', 0, 'drug_exposure.drug_exposure_id is required and empty'),
    ('is_primary_key', 'conformance', 'drug_exposure', 'drug_exposure_id', 0, 'drug_exposure.drug_exposure_id repeats a primary key value'),
    ('is_required', 'conformance', 'drug_exposure', 'drug_exposure_start_date', 0, 'drug_exposure.drug_exposure_start_date is required and empty'),
    ('plausible_value_low', 'plausibility', 'drug_exposure', 'drug_exposure_start_date', 1, 'drug_exposure.drug_exposure_start_date below ''19500101'''),
    ('plausible_value_high', 'plausibility', 'drug_exposure', 'drug_exposure_start_date', 1, 'drug_exposure.drug_exposure_start_date above DATEADD(dd,1,GETDATE())'),
    ('plausible_start_before_end', 'plausibility', 'drug_exposure', 'drug_exposure_start_date', 1, 'drug_exposure.drug_exposure_start_date after drug_exposure_end_date'),
    ('plausible_after_birth', 'plausibility', 'drug_exposure', 'drug_exposure_start_date', 1, 'drug_exposure.drug_exposure_start_date before the person''s birth'),
    ('plausible_before_death', 'plausibility', 'drug_exposure', 'drug_exposure_start_date', 1, 'drug_exposure.drug_exposure_start_date more than 60 days after the person''s death'),
    ('within_visit_dates', 'plausibility', 'drug_exposure', 'drug_exposure_start_date', 5, 'drug_exposure.drug_exposure_start_date more than a week outside its visit'),
    ('plausible_value_low', 'plausibility', 'drug_exposure', 'drug_exposure_start_datetime', 1, 'drug_exposure.drug_exposure_start_datetime below ''19500101'''),
    ('plausible_value_high', 'plausibility', 'drug_exposure', 'drug_exposure_start_datetime', 1, 'drug_exposure.drug_exposure_start_datetime above DATEADD(dd,1,GETDATE())'),
    ('plausible_start_before_end', 'plausibility', 'drug_exposure', 'drug_exposure_start_datetime', 1, 'drug_exposure.drug_exposure_start_datetime after drug_exposure_end_datetime'),
    ('plausible_after_birth', 'plausibility', 'drug_exposure', 'drug_exposure_start_datetime', 1, 'drug_exposure.drug_exposure_start_datetime before the person''s birth'),
    ('plausible_before_death', 'plausibility', 'drug_exposure', 'drug_exposure_start_datetime', 1, 'drug_exposure.drug_exposure_start_datetime more than 60 days after the person''s death'),
    ('is_required', 'conformance', 'drug_exposure', 'drug_type_concept_id', 0, 'drug_exposure.drug_type_concept_id is required and empty'),
    ('is_required', 'conformance', 'drug_exposure', 'person_id', 0, 'drug_exposure.person_id is required and empty'),
    ('is_foreign_key', 'conformance', 'drug_exposure', 'person_id', 0, 'drug_exposure.person_id names a person that does not exist'),
    ('is_foreign_key', 'conformance', 'drug_exposure', 'provider_id', 0, 'drug_exposure.provider_id names a provider that does not exist'),
    ('plausible_value_low', 'plausibility', 'drug_exposure', 'quantity', 1, 'drug_exposure.quantity below 0.0000001'),
    ('plausible_value_low', 'plausibility', 'drug_exposure', 'refills', 1, 'drug_exposure.refills below 0'),
    ('plausible_value_high', 'plausibility', 'drug_exposure', 'refills', 1, 'drug_exposure.refills above 24'),
    ('plausible_value_low', 'plausibility', 'drug_exposure', 'verbatim_end_date', 1, 'drug_exposure.verbatim_end_date below ''19500101'''),
    ('plausible_value_high', 'plausibility', 'drug_exposure', 'verbatim_end_date', 1, 'drug_exposure.verbatim_end_date above DATEADD(dd,1,GETDATE())'),
    ('plausible_after_birth', 'plausibility', 'drug_exposure', 'verbatim_end_date', 1, 'drug_exposure.verbatim_end_date before the person''s birth'),
    ('plausible_before_death', 'plausibility', 'drug_exposure', 'verbatim_end_date', 1, 'drug_exposure.verbatim_end_date more than 60 days after the person''s death'),
    ('is_foreign_key', 'conformance', 'drug_exposure', 'visit_detail_id', 0, 'drug_exposure.visit_detail_id names a visit_detail that does not exist'),
    ('is_foreign_key', 'conformance', 'drug_exposure', 'visit_occurrence_id', 0, 'drug_exposure.visit_occurrence_id names a visit_occurrence that does not exist'),
    ('within_observation_period', 'plausibility', 'drug_exposure', 'drug_exposure_start_date', 5, 'drug_exposure.drug_exposure_start_date outside every observation period of the person'),
    ('is_foreign_key', 'conformance', 'drug_exposure', 'drug_concept_id', 0, 'drug_exposure.drug_concept_id names a concept that is not in the vocabulary'),
    ('is_standard_valid_concept', 'conformance', 'drug_exposure', 'drug_concept_id', 0, 'drug_exposure.drug_concept_id holds a concept that is not standard and valid'),
    ('standard_concept_record_completeness', 'completeness', 'drug_exposure', 'drug_concept_id', 5, 'drug_exposure.drug_concept_id is 0 (no standard concept)'),
    ('is_foreign_key', 'conformance', 'drug_exposure', 'drug_source_concept_id', 0, 'drug_exposure.drug_source_concept_id names a concept that is not in the vocabulary'),
    ('is_foreign_key', 'conformance', 'drug_exposure', 'drug_type_concept_id', 0, 'drug_exposure.drug_type_concept_id names a concept that is not in the vocabulary'),
    ('is_standard_valid_concept', 'conformance', 'drug_exposure', 'drug_type_concept_id', 0, 'drug_exposure.drug_type_concept_id holds a concept that is not standard and valid'),
    ('standard_concept_record_completeness', 'completeness', 'drug_exposure', 'drug_type_concept_id', 0, 'drug_exposure.drug_type_concept_id is 0 (no standard concept)'),
    ('is_foreign_key', 'conformance', 'drug_exposure', 'route_concept_id', 0, 'drug_exposure.route_concept_id names a concept that is not in the vocabulary'),
    ('is_standard_valid_concept', 'conformance', 'drug_exposure', 'route_concept_id', 0, 'drug_exposure.route_concept_id holds a concept that is not standard and valid'),
    ('standard_concept_record_completeness', 'completeness', 'drug_exposure', 'route_concept_id', 100, 'drug_exposure.route_concept_id is 0 (no standard concept)'),
    ('is_required', 'conformance', 'procedure_occurrence', 'person_id', 0, 'procedure_occurrence.person_id is required and empty'),
    ('is_foreign_key', 'conformance', 'procedure_occurrence', 'person_id', 0, 'procedure_occurrence.person_id names a person that does not exist'),
    ('is_required', 'conformance', 'procedure_occurrence', 'procedure_concept_id', 0, 'procedure_occurrence.procedure_concept_id is required and empty'),
    ('is_required', 'conformance', 'procedure_occurrence', 'procedure_date', 0, 'procedure_occurrence.procedure_date is required and empty'),
    ('plausible_value_low', 'plausibility', 'procedure_occurrence', 'procedure_date', 1, 'procedure_occurrence.procedure_date below ''19500101'''),
    ('plausible_value_high', 'plausibility', 'procedure_occurrence', 'procedure_date', 1, 'procedure_occurrence.procedure_date above DATEADD(dd,1,GETDATE())'),
    ('plausible_start_before_end', 'plausibility', 'procedure_occurrence', 'procedure_date', 1, 'procedure_occurrence.procedure_date after procedure_end_date'),
    ('plausible_after_birth', 'plausibility', 'procedure_occurrence', 'procedure_date', 1, 'procedure_occurrence.procedure_date before the person''s birth'),
    ('plausible_before_death', 'plausibility', 'procedure_occurrence', 'procedure_date', 1, 'procedure_occurrence.procedure_date more than 60 days after the person''s death'),
    ('within_visit_dates', 'plausibility', 'procedure_occurrence', 'procedure_date', 5, 'procedure_occurrence.procedure_date more than a week outside its visit'),
    ('plausible_value_low', 'plausibility', 'procedure_occurrence', 'procedure_datetime', 1, 'procedure_occurrence.procedure_datetime below ''19500101'''),
    ('plausible_value_high', 'plausibility', 'procedure_occurrence', 'procedure_datetime', 1, 'procedure_occurrence.procedure_datetime above DATEADD(dd,1,GETDATE())'),
    ('plausible_start_before_end', 'plausibility', 'procedure_occurrence', 'procedure_datetime', 1, 'procedure_occurrence.procedure_datetime after procedure_end_datetime'),
    ('plausible_after_birth', 'plausibility', 'procedure_occurrence', 'procedure_datetime', 1, 'procedure_occurrence.procedure_datetime before the person''s birth'),
    ('plausible_before_death', 'plausibility', 'procedure_occurrence', 'procedure_datetime', 1, 'procedure_occurrence.procedure_datetime more than 60 days after the person''s death'),
    ('plausible_value_low', 'plausibility', 'procedure_occurrence', 'procedure_end_date', 1, 'procedure_occurrence.procedure_end_date below ''19500101'''),
    ('plausible_value_high', 'plausibility', 'procedure_occurrence', 'procedure_end_date', 1, 'procedure_occurrence.procedure_end_date above DATEADD(dd,1,GETDATE())'),
    ('plausible_after_birth', 'plausibility', 'procedure_occurrence', 'procedure_end_date', 1, 'procedure_occurrence.procedure_end_date before the person''s birth'),
    ('plausible_before_death', 'plausibility', 'procedure_occurrence', 'procedure_end_date', 1, 'procedure_occurrence.procedure_end_date more than 60 days after the person''s death'),
    ('plausible_value_low', 'plausibility', 'procedure_occurrence', 'procedure_end_datetime', 1, 'procedure_occurrence.procedure_end_datetime below ''19500101'''),
    ('plausible_value_high', 'plausibility', 'procedure_occurrence', 'procedure_end_datetime', 1, 'procedure_occurrence.procedure_end_datetime above DATEADD(dd,1,GETDATE())'),
    ('plausible_after_birth', 'plausibility', 'procedure_occurrence', 'procedure_end_datetime', 1, 'procedure_occurrence.procedure_end_datetime before the person''s birth'),
    ('plausible_before_death', 'plausibility', 'procedure_occurrence', 'procedure_end_datetime', 1, 'procedure_occurrence.procedure_end_datetime more than 60 days after the person''s death'),
    ('is_required', 'conformance', 'procedure_occurrence', 'procedure_occurrence_id', 0, 'procedure_occurrence.procedure_occurrence_id is required and empty'),
    ('is_primary_key', 'conformance', 'procedure_occurrence', 'procedure_occurrence_id', 0, 'procedure_occurrence.procedure_occurrence_id repeats a primary key value'),
    ('is_required', 'conformance', 'procedure_occurrence', 'procedure_type_concept_id', 0, 'procedure_occurrence.procedure_type_concept_id is required and empty'),
    ('is_foreign_key', 'conformance', 'procedure_occurrence', 'provider_id', 0, 'procedure_occurrence.provider_id names a provider that does not exist'),
    ('plausible_value_low', 'plausibility', 'procedure_occurrence', 'quantity', 1, 'procedure_occurrence.quantity below 1'),
    ('is_foreign_key', 'conformance', 'procedure_occurrence', 'visit_detail_id', 0, 'procedure_occurrence.visit_detail_id names a visit_detail that does not exist'),
    ('is_foreign_key', 'conformance', 'procedure_occurrence', 'visit_occurrence_id', 0, 'procedure_occurrence.visit_occurrence_id names a visit_occurrence that does not exist'),
    ('within_observation_period', 'plausibility', 'procedure_occurrence', 'procedure_date', 5, 'procedure_occurrence.procedure_date outside every observation period of the person'),
    ('is_foreign_key', 'conformance', 'procedure_occurrence', 'modifier_concept_id', 0, 'procedure_occurrence.modifier_concept_id names a concept that is not in the vocabulary'),
    ('is_standard_valid_concept', 'conformance', 'procedure_occurrence', 'modifier_concept_id', 0, 'procedure_occurrence.modifier_concept_id holds a concept that is not standard and valid'),
    ('standard_concept_record_completeness', 'completeness', 'procedure_occurrence', 'modifier_concept_id', 100, 'procedure_occurrence.modifier_concept_id is 0 (no standard concept)'),
    ('is_foreign_key', 'conformance', 'procedure_occurrence', 'procedure_concept_id', 0, 'procedure_occurrence.procedure_concept_id names a concept that is not in the vocabulary'),
    ('is_standard_valid_concept', 'conformance', 'procedure_occurrence', 'procedure_concept_id', 0, 'procedure_occurrence.procedure_concept_id holds a concept that is not standard and valid'),
    ('standard_concept_record_completeness', 'completeness', 'procedure_occurrence', 'procedure_concept_id', 5, 'procedure_occurrence.procedure_concept_id is 0 (no standard concept)'),
    ('is_foreign_key', 'conformance', 'procedure_occurrence', 'procedure_source_concept_id', 0, 'procedure_occurrence.procedure_source_concept_id names a concept that is not in the vocabulary'),
    ('is_foreign_key', 'conformance', 'procedure_occurrence', 'procedure_type_concept_id', 0, 'procedure_occurrence.procedure_type_concept_id names a concept that is not in the vocabulary'),
    ('is_standard_valid_concept', 'conformance', 'procedure_occurrence', 'procedure_type_concept_id', 0, 'procedure_occurrence.procedure_type_concept_id holds a concept that is not standard and valid'),
    ('standard_concept_record_completeness', 'completeness', 'procedure_occurrence', 'procedure_type_concept_id', 0, 'procedure_occurrence.procedure_type_concept_id is 0 (no standard concept)'),
    ('is_required', 'conformance', 'measurement', 'measurement_concept_id', 0, 'measurement.measurement_concept_id is required and empty'),
    ('is_required', 'conformance', 'measurement', 'measurement_date', 0, 'measurement.measurement_date is required and empty'),
    ('plausible_value_low', 'plausibility', 'measurement', 'measurement_date', 1, 'measurement.measurement_date below ''19500101'''),
    ('plausible_value_high', 'plausibility', 'measurement', 'measurement_date', 1, 'measurement.measurement_date above DATEADD(dd,1,GETDATE())'),
    ('plausible_after_birth', 'plausibility', 'measurement', 'measurement_date', 1, 'measurement.measurement_date before the person''s birth'),
    ('plausible_before_death', 'plausibility', 'measurement', 'measurement_date', 1, 'measurement.measurement_date more than 60 days after the person''s death'),
    ('within_visit_dates', 'plausibility', 'measurement', 'measurement_date', 5, 'measurement.measurement_date more than a week outside its visit'),
    ('plausible_value_low', 'plausibility', 'measurement', 'measurement_datetime', 1, 'measurement.measurement_datetime below ''19500101'''),
    ('plausible_value_high', 'plausibility', 'measurement', 'measurement_datetime', 1, 'measurement.measurement_datetime above DATEADD(dd,1,GETDATE())'),
    ('plausible_after_birth', 'plausibility', 'measurement', 'measurement_datetime', 1, 'measurement.measurement_datetime before the person''s birth'),
    ('plausible_before_death', 'plausibility', 'measurement', 'measurement_datetime', 1, 'measurement.measurement_datetime more than 60 days after the person''s death'),
    ('is_required', 'conformance', 'measurement', 'measurement_id', 0, 'measurement.measurement_id is required and empty'),
    ('is_primary_key', 'conformance', 'measurement', 'measurement_id', 0, 'measurement.measurement_id repeats a primary key value'),
    ('is_required', 'conformance', 'measurement', 'measurement_type_concept_id', 0, 'measurement.measurement_type_concept_id is required and empty'),
    ('is_required', 'conformance', 'measurement', 'person_id', 0, 'measurement.person_id is required and empty'),
    ('is_foreign_key', 'conformance', 'measurement', 'person_id', 0, 'measurement.person_id names a person that does not exist'),
    ('is_foreign_key', 'conformance', 'measurement', 'provider_id', 0, 'measurement.provider_id names a provider that does not exist'),
    ('is_foreign_key', 'conformance', 'measurement', 'visit_detail_id', 0, 'measurement.visit_detail_id names a visit_detail that does not exist'),
    ('is_foreign_key', 'conformance', 'measurement', 'visit_occurrence_id', 0, 'measurement.visit_occurrence_id names a visit_occurrence that does not exist'),
    ('within_observation_period', 'plausibility', 'measurement', 'measurement_date', 5, 'measurement.measurement_date outside every observation period of the person'),
    ('is_foreign_key', 'conformance', 'measurement', 'meas_event_field_concept_id', 0, 'measurement.meas_event_field_concept_id names a concept that is not in the vocabulary'),
    ('is_standard_valid_concept', 'conformance', 'measurement', 'meas_event_field_concept_id', 0, 'measurement.meas_event_field_concept_id holds a concept that is not standard and valid'),
    ('is_foreign_key', 'conformance', 'measurement', 'measurement_concept_id', 0, 'measurement.measurement_concept_id names a concept that is not in the vocabulary'),
    ('is_standard_valid_concept', 'conformance', 'measurement', 'measurement_concept_id', 0, 'measurement.measurement_concept_id holds a concept that is not standard and valid'),
    ('standard_concept_record_completeness', 'completeness', 'measurement', 'measurement_concept_id', 5, 'measurement.measurement_concept_id is 0 (no standard concept)'),
    ('is_foreign_key', 'conformance', 'measurement', 'measurement_source_concept_id', 0, 'measurement.measurement_source_concept_id names a concept that is not in the vocabulary'),
    ('is_foreign_key', 'conformance', 'measurement', 'measurement_type_concept_id', 0, 'measurement.measurement_type_concept_id names a concept that is not in the vocabulary'),
    ('is_standard_valid_concept', 'conformance', 'measurement', 'measurement_type_concept_id', 0, 'measurement.measurement_type_concept_id holds a concept that is not standard and valid'),
    ('standard_concept_record_completeness', 'completeness', 'measurement', 'measurement_type_concept_id', 0, 'measurement.measurement_type_concept_id is 0 (no standard concept)'),
    ('is_foreign_key', 'conformance', 'measurement', 'operator_concept_id', 0, 'measurement.operator_concept_id names a concept that is not in the vocabulary'),
    ('is_standard_valid_concept', 'conformance', 'measurement', 'operator_concept_id', 0, 'measurement.operator_concept_id holds a concept that is not standard and valid'),
    ('is_foreign_key', 'conformance', 'measurement', 'unit_concept_id', 0, 'measurement.unit_concept_id names a concept that is not in the vocabulary'),
    ('is_standard_valid_concept', 'conformance', 'measurement', 'unit_concept_id', 0, 'measurement.unit_concept_id holds a concept that is not standard and valid'),
    ('standard_concept_record_completeness', 'completeness', 'measurement', 'unit_concept_id', 5, 'measurement.unit_concept_id is 0 (no standard concept)'),
    ('is_foreign_key', 'conformance', 'measurement', 'unit_source_concept_id', 0, 'measurement.unit_source_concept_id names a concept that is not in the vocabulary'),
    ('is_foreign_key', 'conformance', 'measurement', 'value_as_concept_id', 0, 'measurement.value_as_concept_id names a concept that is not in the vocabulary'),
    ('is_required', 'conformance', 'observation', 'observation_concept_id', 0, 'observation.observation_concept_id is required and empty'),
    ('is_required', 'conformance', 'observation', 'observation_date', 0, 'observation.observation_date is required and empty'),
    ('plausible_value_low', 'plausibility', 'observation', 'observation_date', 1, 'observation.observation_date below ''19500101'''),
    ('plausible_value_high', 'plausibility', 'observation', 'observation_date', 1, 'observation.observation_date above DATEADD(dd,1,GETDATE())'),
    ('plausible_after_birth', 'plausibility', 'observation', 'observation_date', 1, 'observation.observation_date before the person''s birth'),
    ('plausible_before_death', 'plausibility', 'observation', 'observation_date', 1, 'observation.observation_date more than 60 days after the person''s death'),
    ('within_visit_dates', 'plausibility', 'observation', 'observation_date', 5, 'observation.observation_date more than a week outside its visit'),
    ('plausible_value_low', 'plausibility', 'observation', 'observation_datetime', 1, 'observation.observation_datetime below ''19500101'''),
    ('plausible_value_high', 'plausibility', 'observation', 'observation_datetime', 1, 'observation.observation_datetime above DATEADD(dd,1,GETDATE())'),
    ('plausible_after_birth', 'plausibility', 'observation', 'observation_datetime', 1, 'observation.observation_datetime before the person''s birth'),
    ('plausible_before_death', 'plausibility', 'observation', 'observation_datetime', 1, 'observation.observation_datetime more than 60 days after the person''s death'),
    ('is_required', 'conformance', 'observation', 'observation_id', 0, 'observation.observation_id is required and empty'),
    ('is_primary_key', 'conformance', 'observation', 'observation_id', 0, 'observation.observation_id repeats a primary key value'),
    ('is_required', 'conformance', 'observation', 'observation_type_concept_id', 0, 'observation.observation_type_concept_id is required and empty'),
    ('is_required', 'conformance', 'observation', 'person_id', 0, 'observation.person_id is required and empty'),
    ('is_foreign_key', 'conformance', 'observation', 'person_id', 0, 'observation.person_id names a person that does not exist'),
    ('is_foreign_key', 'conformance', 'observation', 'provider_id', 0, 'observation.provider_id names a provider that does not exist'),
    ('is_foreign_key', 'conformance', 'observation', 'visit_detail_id', 0, 'observation.visit_detail_id names a visit_detail that does not exist'),
    ('is_foreign_key', 'conformance', 'observation', 'visit_occurrence_id', 0, 'observation.visit_occurrence_id names a visit_occurrence that does not exist'),
    ('within_observation_period', 'plausibility', 'observation', 'observation_date', 5, 'observation.observation_date outside every observation period of the person'),
    ('is_foreign_key', 'conformance', 'observation', 'obs_event_field_concept_id', 0, 'observation.obs_event_field_concept_id names a concept that is not in the vocabulary'),
    ('is_standard_valid_concept', 'conformance', 'observation', 'obs_event_field_concept_id', 0, 'observation.obs_event_field_concept_id holds a concept that is not standard and valid'),
    ('is_foreign_key', 'conformance', 'observation', 'observation_concept_id', 0, 'observation.observation_concept_id names a concept that is not in the vocabulary'),
    ('is_standard_valid_concept', 'conformance', 'observation', 'observation_concept_id', 0, 'observation.observation_concept_id holds a concept that is not standard and valid'),
    ('standard_concept_record_completeness', 'completeness', 'observation', 'observation_concept_id', 5, 'observation.observation_concept_id is 0 (no standard concept)'),
    ('is_foreign_key', 'conformance', 'observation', 'observation_source_concept_id', 0, 'observation.observation_source_concept_id names a concept that is not in the vocabulary'),
    ('is_foreign_key', 'conformance', 'observation', 'observation_type_concept_id', 0, 'observation.observation_type_concept_id names a concept that is not in the vocabulary'),
    ('is_standard_valid_concept', 'conformance', 'observation', 'observation_type_concept_id', 0, 'observation.observation_type_concept_id holds a concept that is not standard and valid'),
    ('standard_concept_record_completeness', 'completeness', 'observation', 'observation_type_concept_id', 0, 'observation.observation_type_concept_id is 0 (no standard concept)'),
    ('is_foreign_key', 'conformance', 'observation', 'qualifier_concept_id', 0, 'observation.qualifier_concept_id names a concept that is not in the vocabulary'),
    ('is_standard_valid_concept', 'conformance', 'observation', 'qualifier_concept_id', 0, 'observation.qualifier_concept_id holds a concept that is not standard and valid'),
    ('is_foreign_key', 'conformance', 'observation', 'unit_concept_id', 0, 'observation.unit_concept_id names a concept that is not in the vocabulary'),
    ('is_standard_valid_concept', 'conformance', 'observation', 'unit_concept_id', 0, 'observation.unit_concept_id holds a concept that is not standard and valid'),
    ('standard_concept_record_completeness', 'completeness', 'observation', 'unit_concept_id', 5, 'observation.unit_concept_id is 0 (no standard concept)'),
    ('is_foreign_key', 'conformance', 'observation', 'value_as_concept_id', 0, 'observation.value_as_concept_id names a concept that is not in the vocabulary'),
    ('is_required', 'conformance', 'death', 'death_date', 0, 'death.death_date is required and empty'),
    ('plausible_value_low', 'plausibility', 'death', 'death_date', 1, 'death.death_date below ''19500101'''),
    ('plausible_value_high', 'plausibility', 'death', 'death_date', 1, 'death.death_date above DATEADD(dd,1,GETDATE())'),
    ('plausible_after_birth', 'plausibility', 'death', 'death_date', 1, 'death.death_date before the person''s birth'),
    ('plausible_value_low', 'plausibility', 'death', 'death_datetime', 1, 'death.death_datetime below ''19500101'''),
    ('plausible_value_high', 'plausibility', 'death', 'death_datetime', 1, 'death.death_datetime above DATEADD(dd,1,GETDATE())'),
    ('plausible_after_birth', 'plausibility', 'death', 'death_datetime', 1, 'death.death_datetime before the person''s birth'),
    ('is_required', 'conformance', 'death', 'person_id', 0, 'death.person_id is required and empty'),
    ('is_foreign_key', 'conformance', 'death', 'person_id', 0, 'death.person_id names a person that does not exist'),
    ('is_foreign_key', 'conformance', 'death', 'cause_concept_id', 0, 'death.cause_concept_id names a concept that is not in the vocabulary'),
    ('is_standard_valid_concept', 'conformance', 'death', 'cause_concept_id', 0, 'death.cause_concept_id holds a concept that is not standard and valid'),
    ('standard_concept_record_completeness', 'completeness', 'death', 'cause_concept_id', 5, 'death.cause_concept_id is 0 (no standard concept)'),
    ('is_foreign_key', 'conformance', 'death', 'cause_source_concept_id', 0, 'death.cause_source_concept_id names a concept that is not in the vocabulary'),
    ('is_foreign_key', 'conformance', 'death', 'death_type_concept_id', 0, 'death.death_type_concept_id names a concept that is not in the vocabulary'),
    ('is_standard_valid_concept', 'conformance', 'death', 'death_type_concept_id', 0, 'death.death_type_concept_id holds a concept that is not standard and valid'),
    ('standard_concept_record_completeness', 'completeness', 'death', 'death_type_concept_id', 0, 'death.death_type_concept_id is 0 (no standard concept)'),
    ('is_required', 'conformance', 'note', 'encoding_concept_id', 0, 'note.encoding_concept_id is required and empty'),
    ('is_required', 'conformance', 'note', 'language_concept_id', 0, 'note.language_concept_id is required and empty'),
    ('is_required', 'conformance', 'note', 'note_class_concept_id', 0, 'note.note_class_concept_id is required and empty'),
    ('is_required', 'conformance', 'note', 'note_date', 0, 'note.note_date is required and empty'),
    ('plausible_value_low', 'plausibility', 'note', 'note_date', 1, 'note.note_date below ''19500101'''),
    ('plausible_value_high', 'plausibility', 'note', 'note_date', 1, 'note.note_date above DATEADD(dd,1,GETDATE())'),
    ('plausible_after_birth', 'plausibility', 'note', 'note_date', 1, 'note.note_date before the person''s birth'),
    ('plausible_before_death', 'plausibility', 'note', 'note_date', 1, 'note.note_date more than 60 days after the person''s death'),
    ('within_visit_dates', 'plausibility', 'note', 'note_date', 5, 'note.note_date more than a week outside its visit'),
    ('plausible_value_low', 'plausibility', 'note', 'note_datetime', 1, 'note.note_datetime below ''19500101'''),
    ('plausible_value_high', 'plausibility', 'note', 'note_datetime', 1, 'note.note_datetime above DATEADD(dd,1,GETDATE())'),
    ('plausible_after_birth', 'plausibility', 'note', 'note_datetime', 1, 'note.note_datetime before the person''s birth'),
    ('plausible_before_death', 'plausibility', 'note', 'note_datetime', 1, 'note.note_datetime more than 60 days after the person''s death'),
    ('is_required', 'conformance', 'note', 'note_id', 0, 'note.note_id is required and empty'),
    ('is_primary_key', 'conformance', 'note', 'note_id', 0, 'note.note_id repeats a primary key value'),
    ('is_required', 'conformance', 'note', 'note_text', 0, 'note.note_text is required and empty'),
    ('is_required', 'conformance', 'note', 'note_type_concept_id', 0, 'note.note_type_concept_id is required and empty'),
    ('is_required', 'conformance', 'note', 'person_id', 0, 'note.person_id is required and empty'),
    ('is_foreign_key', 'conformance', 'note', 'person_id', 0, 'note.person_id names a person that does not exist'),
    ('is_foreign_key', 'conformance', 'note', 'provider_id', 0, 'note.provider_id names a provider that does not exist'),
    ('is_foreign_key', 'conformance', 'note', 'visit_detail_id', 0, 'note.visit_detail_id names a visit_detail that does not exist'),
    ('is_foreign_key', 'conformance', 'note', 'visit_occurrence_id', 0, 'note.visit_occurrence_id names a visit_occurrence that does not exist'),
    ('within_observation_period', 'plausibility', 'note', 'note_date', 5, 'note.note_date outside every observation period of the person'),
    ('is_foreign_key', 'conformance', 'note', 'encoding_concept_id', 0, 'note.encoding_concept_id names a concept that is not in the vocabulary'),
    ('is_standard_valid_concept', 'conformance', 'note', 'encoding_concept_id', 0, 'note.encoding_concept_id holds a concept that is not standard and valid'),
    ('is_foreign_key', 'conformance', 'note', 'language_concept_id', 0, 'note.language_concept_id names a concept that is not in the vocabulary'),
    ('is_standard_valid_concept', 'conformance', 'note', 'language_concept_id', 0, 'note.language_concept_id holds a concept that is not standard and valid'),
    ('is_foreign_key', 'conformance', 'note', 'note_class_concept_id', 0, 'note.note_class_concept_id names a concept that is not in the vocabulary'),
    ('is_standard_valid_concept', 'conformance', 'note', 'note_class_concept_id', 0, 'note.note_class_concept_id holds a concept that is not standard and valid'),
    ('is_foreign_key', 'conformance', 'note', 'note_event_field_concept_id', 0, 'note.note_event_field_concept_id names a concept that is not in the vocabulary'),
    ('is_standard_valid_concept', 'conformance', 'note', 'note_event_field_concept_id', 0, 'note.note_event_field_concept_id holds a concept that is not standard and valid'),
    ('is_foreign_key', 'conformance', 'note', 'note_type_concept_id', 0, 'note.note_type_concept_id names a concept that is not in the vocabulary'),
    ('is_standard_valid_concept', 'conformance', 'note', 'note_type_concept_id', 0, 'note.note_type_concept_id holds a concept that is not standard and valid'),
    ('is_required', 'conformance', 'specimen', 'person_id', 0, 'specimen.person_id is required and empty'),
    ('is_foreign_key', 'conformance', 'specimen', 'person_id', 0, 'specimen.person_id names a person that does not exist'),
    ('plausible_value_low', 'plausibility', 'specimen', 'quantity', 1, 'specimen.quantity below 1'),
    ('is_required', 'conformance', 'specimen', 'specimen_concept_id', 0, 'specimen.specimen_concept_id is required and empty'),
    ('is_required', 'conformance', 'specimen', 'specimen_date', 0, 'specimen.specimen_date is required and empty'),
    ('plausible_value_low', 'plausibility', 'specimen', 'specimen_date', 1, 'specimen.specimen_date below ''19500101'''),
    ('plausible_value_high', 'plausibility', 'specimen', 'specimen_date', 1, 'specimen.specimen_date above DATEADD(dd,1,GETDATE())'),
    ('plausible_after_birth', 'plausibility', 'specimen', 'specimen_date', 1, 'specimen.specimen_date before the person''s birth'),
    ('plausible_before_death', 'plausibility', 'specimen', 'specimen_date', 1, 'specimen.specimen_date more than 60 days after the person''s death'),
    ('plausible_value_low', 'plausibility', 'specimen', 'specimen_datetime', 1, 'specimen.specimen_datetime below ''19500101'''),
    ('plausible_value_high', 'plausibility', 'specimen', 'specimen_datetime', 1, 'specimen.specimen_datetime above DATEADD(dd,1,GETDATE())'),
    ('plausible_after_birth', 'plausibility', 'specimen', 'specimen_datetime', 1, 'specimen.specimen_datetime before the person''s birth'),
    ('plausible_before_death', 'plausibility', 'specimen', 'specimen_datetime', 1, 'specimen.specimen_datetime more than 60 days after the person''s death'),
    ('is_required', 'conformance', 'specimen', 'specimen_id', 0, 'specimen.specimen_id is required and empty'),
    ('is_primary_key', 'conformance', 'specimen', 'specimen_id', 0, 'specimen.specimen_id repeats a primary key value'),
    ('is_required', 'conformance', 'specimen', 'specimen_type_concept_id', 0, 'specimen.specimen_type_concept_id is required and empty'),
    ('within_observation_period', 'plausibility', 'specimen', 'specimen_date', 5, 'specimen.specimen_date outside every observation period of the person'),
    ('is_foreign_key', 'conformance', 'specimen', 'anatomic_site_concept_id', 0, 'specimen.anatomic_site_concept_id names a concept that is not in the vocabulary'),
    ('is_standard_valid_concept', 'conformance', 'specimen', 'anatomic_site_concept_id', 0, 'specimen.anatomic_site_concept_id holds a concept that is not standard and valid'),
    ('is_foreign_key', 'conformance', 'specimen', 'disease_status_concept_id', 0, 'specimen.disease_status_concept_id names a concept that is not in the vocabulary'),
    ('is_standard_valid_concept', 'conformance', 'specimen', 'disease_status_concept_id', 0, 'specimen.disease_status_concept_id holds a concept that is not standard and valid'),
    ('is_foreign_key', 'conformance', 'specimen', 'specimen_concept_id', 0, 'specimen.specimen_concept_id names a concept that is not in the vocabulary'),
    ('is_standard_valid_concept', 'conformance', 'specimen', 'specimen_concept_id', 0, 'specimen.specimen_concept_id holds a concept that is not standard and valid'),
    ('standard_concept_record_completeness', 'completeness', 'specimen', 'specimen_concept_id', 5, 'specimen.specimen_concept_id is 0 (no standard concept)'),
    ('is_foreign_key', 'conformance', 'specimen', 'specimen_type_concept_id', 0, 'specimen.specimen_type_concept_id names a concept that is not in the vocabulary'),
    ('is_standard_valid_concept', 'conformance', 'specimen', 'specimen_type_concept_id', 0, 'specimen.specimen_type_concept_id holds a concept that is not standard and valid'),
    ('standard_concept_record_completeness', 'completeness', 'specimen', 'specimen_type_concept_id', 0, 'specimen.specimen_type_concept_id is 0 (no standard concept)'),
    ('is_foreign_key', 'conformance', 'specimen', 'unit_concept_id', 0, 'specimen.unit_concept_id names a concept that is not in the vocabulary'),
    ('is_standard_valid_concept', 'conformance', 'specimen', 'unit_concept_id', 0, 'specimen.unit_concept_id holds a concept that is not standard and valid'),
    ('standard_concept_record_completeness', 'completeness', 'specimen', 'unit_concept_id', 5, 'specimen.unit_concept_id is 0 (no standard concept)'),
    ('is_required', 'conformance', 'location', 'location_id', 0, 'location.location_id is required and empty'),
    ('is_primary_key', 'conformance', 'location', 'location_id', 0, 'location.location_id repeats a primary key value'),
    ('is_foreign_key', 'conformance', 'location', 'country_concept_id', 0, 'location.country_concept_id names a concept that is not in the vocabulary'),
    ('is_standard_valid_concept', 'conformance', 'location', 'country_concept_id', 0, 'location.country_concept_id holds a concept that is not standard and valid'),
    ('standard_concept_record_completeness', 'completeness', 'location', 'country_concept_id', 100, 'location.country_concept_id is 0 (no standard concept)'),
    ('is_required', 'conformance', 'care_site', 'care_site_id', 0, 'care_site.care_site_id is required and empty'),
    ('is_primary_key', 'conformance', 'care_site', 'care_site_id', 0, 'care_site.care_site_id repeats a primary key value'),
    ('is_foreign_key', 'conformance', 'care_site', 'location_id', 0, 'care_site.location_id names a location that does not exist'),
    ('is_foreign_key', 'conformance', 'care_site', 'place_of_service_concept_id', 0, 'care_site.place_of_service_concept_id names a concept that is not in the vocabulary'),
    ('is_standard_valid_concept', 'conformance', 'care_site', 'place_of_service_concept_id', 0, 'care_site.place_of_service_concept_id holds a concept that is not standard and valid'),
    ('standard_concept_record_completeness', 'completeness', 'care_site', 'place_of_service_concept_id', 100, 'care_site.place_of_service_concept_id is 0 (no standard concept)'),
    ('is_foreign_key', 'conformance', 'provider', 'care_site_id', 0, 'provider.care_site_id names a care_site that does not exist'),
    ('is_required', 'conformance', 'provider', 'provider_id', 0, 'provider.provider_id is required and empty'),
    ('is_primary_key', 'conformance', 'provider', 'provider_id', 0, 'provider.provider_id repeats a primary key value'),
    ('is_foreign_key', 'conformance', 'provider', 'gender_concept_id', 0, 'provider.gender_concept_id names a concept that is not in the vocabulary'),
    ('is_standard_valid_concept', 'conformance', 'provider', 'gender_concept_id', 0, 'provider.gender_concept_id holds a concept that is not standard and valid'),
    ('standard_concept_record_completeness', 'completeness', 'provider', 'gender_concept_id', 100, 'provider.gender_concept_id is 0 (no standard concept)'),
    ('is_foreign_key', 'conformance', 'provider', 'gender_source_concept_id', 0, 'provider.gender_source_concept_id names a concept that is not in the vocabulary'),
    ('is_foreign_key', 'conformance', 'provider', 'specialty_concept_id', 0, 'provider.specialty_concept_id names a concept that is not in the vocabulary'),
    ('is_standard_valid_concept', 'conformance', 'provider', 'specialty_concept_id', 0, 'provider.specialty_concept_id holds a concept that is not standard and valid'),
    ('standard_concept_record_completeness', 'completeness', 'provider', 'specialty_concept_id', 100, 'provider.specialty_concept_id is 0 (no standard concept)'),
    ('is_foreign_key', 'conformance', 'provider', 'specialty_source_concept_id', 0, 'provider.specialty_source_concept_id names a concept that is not in the vocabulary'),
    ('is_required', 'conformance', 'condition_era', 'condition_concept_id', 0, 'condition_era.condition_concept_id is required and empty'),
    ('is_required', 'conformance', 'condition_era', 'condition_era_end_date', 0, 'condition_era.condition_era_end_date is required and empty'),
    ('plausible_value_low', 'plausibility', 'condition_era', 'condition_era_end_date', 1, 'condition_era.condition_era_end_date below ''19500101'''),
    ('plausible_value_high', 'plausibility', 'condition_era', 'condition_era_end_date', 1, 'condition_era.condition_era_end_date above DATEADD(dd,1,GETDATE())'),
    ('plausible_after_birth', 'plausibility', 'condition_era', 'condition_era_end_date', 1, 'condition_era.condition_era_end_date before the person''s birth'),
    ('plausible_before_death', 'plausibility', 'condition_era', 'condition_era_end_date', 1, 'condition_era.condition_era_end_date more than 60 days after the person''s death'),
    ('is_required', 'conformance', 'condition_era', 'condition_era_id', 0, 'condition_era.condition_era_id is required and empty'),
    ('is_primary_key', 'conformance', 'condition_era', 'condition_era_id', 0, 'condition_era.condition_era_id repeats a primary key value'),
    ('is_required', 'conformance', 'condition_era', 'condition_era_start_date', 0, 'condition_era.condition_era_start_date is required and empty'),
    ('plausible_value_low', 'plausibility', 'condition_era', 'condition_era_start_date', 1, 'condition_era.condition_era_start_date below ''19500101'''),
    ('plausible_value_high', 'plausibility', 'condition_era', 'condition_era_start_date', 1, 'condition_era.condition_era_start_date above DATEADD(dd,1,GETDATE())'),
    ('plausible_start_before_end', 'plausibility', 'condition_era', 'condition_era_start_date', 1, 'condition_era.condition_era_start_date after condition_era_end_date'),
    ('plausible_after_birth', 'plausibility', 'condition_era', 'condition_era_start_date', 1, 'condition_era.condition_era_start_date before the person''s birth'),
    ('plausible_before_death', 'plausibility', 'condition_era', 'condition_era_start_date', 1, 'condition_era.condition_era_start_date more than 60 days after the person''s death'),
    ('plausible_value_low', 'plausibility', 'condition_era', 'condition_occurrence_count', 1, 'condition_era.condition_occurrence_count below 1'),
    ('is_required', 'conformance', 'condition_era', 'person_id', 0, 'condition_era.person_id is required and empty'),
    ('is_foreign_key', 'conformance', 'condition_era', 'person_id', 0, 'condition_era.person_id names a person that does not exist'),
    ('is_foreign_key', 'conformance', 'condition_era', 'condition_concept_id', 0, 'condition_era.condition_concept_id names a concept that is not in the vocabulary'),
    ('is_standard_valid_concept', 'conformance', 'condition_era', 'condition_concept_id', 0, 'condition_era.condition_concept_id holds a concept that is not standard and valid'),
    ('standard_concept_record_completeness', 'completeness', 'condition_era', 'condition_concept_id', 0, 'condition_era.condition_concept_id is 0 (no standard concept)'),
    ('is_required', 'conformance', 'drug_era', 'drug_concept_id', 0, 'drug_era.drug_concept_id is required and empty'),
    ('is_required', 'conformance', 'drug_era', 'drug_era_end_date', 0, 'drug_era.drug_era_end_date is required and empty'),
    ('plausible_value_low', 'plausibility', 'drug_era', 'drug_era_end_date', 1, 'drug_era.drug_era_end_date below ''19500101'''),
    ('plausible_value_high', 'plausibility', 'drug_era', 'drug_era_end_date', 1, 'drug_era.drug_era_end_date above DATEADD(dd,1,GETDATE())'),
    ('plausible_after_birth', 'plausibility', 'drug_era', 'drug_era_end_date', 1, 'drug_era.drug_era_end_date before the person''s birth'),
    ('plausible_before_death', 'plausibility', 'drug_era', 'drug_era_end_date', 1, 'drug_era.drug_era_end_date more than 60 days after the person''s death'),
    ('is_required', 'conformance', 'drug_era', 'drug_era_id', 0, 'drug_era.drug_era_id is required and empty'),
    ('is_primary_key', 'conformance', 'drug_era', 'drug_era_id', 0, 'drug_era.drug_era_id repeats a primary key value'),
    ('is_required', 'conformance', 'drug_era', 'drug_era_start_date', 0, 'drug_era.drug_era_start_date is required and empty'),
    ('plausible_value_low', 'plausibility', 'drug_era', 'drug_era_start_date', 1, 'drug_era.drug_era_start_date below ''19500101'''),
    ('plausible_value_high', 'plausibility', 'drug_era', 'drug_era_start_date', 1, 'drug_era.drug_era_start_date above DATEADD(dd,1,GETDATE())'),
    ('plausible_start_before_end', 'plausibility', 'drug_era', 'drug_era_start_date', 1, 'drug_era.drug_era_start_date after drug_era_end_date'),
    ('plausible_after_birth', 'plausibility', 'drug_era', 'drug_era_start_date', 1, 'drug_era.drug_era_start_date before the person''s birth'),
    ('plausible_before_death', 'plausibility', 'drug_era', 'drug_era_start_date', 1, 'drug_era.drug_era_start_date more than 60 days after the person''s death'),
    ('plausible_value_low', 'plausibility', 'drug_era', 'drug_exposure_count', 1, 'drug_era.drug_exposure_count below 1'),
    ('plausible_value_low', 'plausibility', 'drug_era', 'gap_days', 1, 'drug_era.gap_days below 0'),
    ('is_required', 'conformance', 'drug_era', 'person_id', 0, 'drug_era.person_id is required and empty'),
    ('is_foreign_key', 'conformance', 'drug_era', 'person_id', 0, 'drug_era.person_id names a person that does not exist'),
    ('is_foreign_key', 'conformance', 'drug_era', 'drug_concept_id', 0, 'drug_era.drug_concept_id names a concept that is not in the vocabulary'),
    ('is_standard_valid_concept', 'conformance', 'drug_era', 'drug_concept_id', 0, 'drug_era.drug_concept_id holds a concept that is not standard and valid'),
    ('standard_concept_record_completeness', 'completeness', 'drug_era', 'drug_concept_id', 0, 'drug_era.drug_concept_id is 0 (no standard concept)'),
    ('is_required', 'conformance', 'cdm_source', 'cdm_holder', 0, 'cdm_source.cdm_holder is required and empty'),
    ('is_required', 'conformance', 'cdm_source', 'cdm_release_date', 0, 'cdm_source.cdm_release_date is required and empty'),
    ('plausible_value_low', 'plausibility', 'cdm_source', 'cdm_release_date', 1, 'cdm_source.cdm_release_date below ''20000101'''),
    ('plausible_value_high', 'plausibility', 'cdm_source', 'cdm_release_date', 1, 'cdm_source.cdm_release_date above DATEADD(dd,1,GETDATE())'),
    ('is_required', 'conformance', 'cdm_source', 'cdm_source_abbreviation', 0, 'cdm_source.cdm_source_abbreviation is required and empty'),
    ('is_required', 'conformance', 'cdm_source', 'cdm_source_name', 0, 'cdm_source.cdm_source_name is required and empty'),
    ('is_required', 'conformance', 'cdm_source', 'cdm_version_concept_id', 0, 'cdm_source.cdm_version_concept_id is required and empty'),
    ('is_required', 'conformance', 'cdm_source', 'source_release_date', 0, 'cdm_source.source_release_date is required and empty'),
    ('plausible_value_low', 'plausibility', 'cdm_source', 'source_release_date', 1, 'cdm_source.source_release_date below ''20000101'''),
    ('plausible_value_high', 'plausibility', 'cdm_source', 'source_release_date', 1, 'cdm_source.source_release_date above DATEADD(dd,1,GETDATE())'),
    ('is_required', 'conformance', 'cdm_source', 'vocabulary_version', 0, 'cdm_source.vocabulary_version is required and empty'),
    ('is_foreign_key', 'conformance', 'cdm_source', 'cdm_version_concept_id', 0, 'cdm_source.cdm_version_concept_id names a concept that is not in the vocabulary'),
    ('is_standard_valid_concept', 'conformance', 'cdm_source', 'cdm_version_concept_id', 0, 'cdm_source.cdm_version_concept_id holds a concept that is not standard and valid')
  AS checks(check_name, category, cdm_table, cdm_field, threshold_pct, description)
), measured AS (
-- person: one scan for its row-level checks
SELECT 'person' AS cdm_table, check_name, cdm_field, violated_rows, total_rows
FROM (
  SELECT `total` AS total_rows, stack(17, 'plausible_value_low', 'birth_datetime', c0, 'plausible_value_high', 'birth_datetime', c1, 'is_foreign_key', 'care_site_id', c2, 'plausible_value_low', 'day_of_birth', c3, 'plausible_value_high', 'day_of_birth', c4, 'is_required', 'ethnicity_concept_id', c5, 'is_required', 'gender_concept_id', c6, 'is_foreign_key', 'location_id', c7, 'plausible_value_low', 'month_of_birth', c8, 'plausible_value_high', 'month_of_birth', c9, 'is_required', 'person_id', c10, 'is_primary_key', 'person_id', pk_dupes, 'is_foreign_key', 'provider_id', c12, 'is_required', 'race_concept_id', c13, 'is_required', 'year_of_birth', c14, 'plausible_value_low', 'year_of_birth', c15, 'plausible_value_high', 'year_of_birth', c16) AS (check_name, cdm_field, violated_rows)
  FROM (SELECT count(*) AS `total`, count_if(to_date(t.`birth_datetime`) < DATE '1850-01-01') AS c0, count_if(to_date(t.`birth_datetime`) > date_add(current_date(), 1)) AS c1, count_if(t.`care_site_id` IS NOT NULL AND fk_care_site_id.k IS NULL) AS c2, count_if(t.`day_of_birth` < 1) AS c3, count_if(t.`day_of_birth` > 31) AS c4, count_if(t.`ethnicity_concept_id` IS NULL) AS c5, count_if(t.`gender_concept_id` IS NULL) AS c6, count_if(t.`location_id` IS NOT NULL AND fk_location_id.k IS NULL) AS c7, count_if(t.`month_of_birth` < 1) AS c8, count_if(t.`month_of_birth` > 12) AS c9, count_if(t.`person_id` IS NULL) AS c10, count(*) - count(DISTINCT t.`person_id`) AS pk_dupes, count_if(t.`provider_id` IS NOT NULL AND fk_provider_id.k IS NULL) AS c12, count_if(t.`race_concept_id` IS NULL) AS c13, count_if(t.`year_of_birth` IS NULL) AS c14, count_if(t.`year_of_birth` < 1850) AS c15, count_if(t.`year_of_birth` > (year(current_date()) + 1)) AS c16
        FROM curated.person t
        
LEFT JOIN (SELECT DISTINCT `care_site_id` AS k FROM curated.care_site) fk_care_site_id ON fk_care_site_id.k = t.`care_site_id`        LEFT JOIN (SELECT DISTINCT `location_id` AS k FROM curated.location) fk_location_id ON fk_location_id.k = t.`location_id`        LEFT JOIN (SELECT DISTINCT `provider_id` AS k FROM curated.provider) fk_provider_id ON fk_provider_id.k = t.`provider_id`)
)
UNION ALL
-- person: its concept fields, against the vocabulary in one join
SELECT 'person' AS cdm_table, check_name, cdm_field, violated_rows, total_rows
FROM (
  SELECT v.cdm_field, sum(v.n) AS total_rows,
         sum(IF(v.concept_id IS NOT NULL AND v.concept_id <> 0 AND c.concept_id IS NULL, v.n, 0)) AS fk,
         sum(IF(v.concept_id IS NOT NULL AND v.concept_id <> 0 AND (c.standard_concept IS DISTINCT FROM 'S' OR c.invalid_reason IS NOT NULL), v.n, 0)) AS std,
         sum(IF(v.concept_id = 0, v.n, 0)) AS zero
  FROM (SELECT cdm_field, concept_id, count(*) AS n
        FROM (SELECT stack(6, 'ethnicity_concept_id', CAST(t.`ethnicity_concept_id` AS INT), 'ethnicity_source_concept_id', CAST(t.`ethnicity_source_concept_id` AS INT), 'gender_concept_id', CAST(t.`gender_concept_id` AS INT), 'gender_source_concept_id', CAST(t.`gender_source_concept_id` AS INT), 'race_concept_id', CAST(t.`race_concept_id` AS INT), 'race_source_concept_id', CAST(t.`race_source_concept_id` AS INT)) AS (cdm_field, concept_id) FROM curated.person t)
        GROUP BY cdm_field, concept_id) v
  LEFT JOIN curated.concept c ON c.concept_id = v.concept_id
  GROUP BY v.cdm_field
)
LATERAL VIEW stack(3, 'is_foreign_key', fk, 'is_standard_valid_concept', std, 'standard_concept_record_completeness', zero) s AS check_name, violated_rows
UNION ALL
-- observation_period: one scan for its row-level checks
SELECT 'observation_period' AS cdm_table, check_name, cdm_field, violated_rows, total_rows
FROM (
  SELECT `total` AS total_rows, stack(16, 'is_required', 'observation_period_end_date', c0, 'plausible_value_low', 'observation_period_end_date', c1, 'plausible_value_high', 'observation_period_end_date', c2, 'plausible_after_birth', 'observation_period_end_date', c3, 'plausible_before_death', 'observation_period_end_date', c4, 'is_required', 'observation_period_id', c5, 'is_primary_key', 'observation_period_id', pk_dupes, 'is_required', 'observation_period_start_date', c7, 'plausible_value_low', 'observation_period_start_date', c8, 'plausible_value_high', 'observation_period_start_date', c9, 'plausible_start_before_end', 'observation_period_start_date', c10, 'plausible_after_birth', 'observation_period_start_date', c11, 'plausible_before_death', 'observation_period_start_date', c12, 'is_required', 'period_type_concept_id', c13, 'is_required', 'person_id', c14, 'is_foreign_key', 'person_id', c15) AS (check_name, cdm_field, violated_rows)
  FROM (SELECT count(*) AS `total`, count_if(t.`observation_period_end_date` IS NULL) AS c0, count_if(to_date(t.`observation_period_end_date`) < DATE '1950-01-01') AS c1, count_if(to_date(t.`observation_period_end_date`) > date_add(current_date(), 1)) AS c2, count_if(to_date(t.`observation_period_end_date`) < coalesce(to_date(p.birth_datetime), make_date(p.year_of_birth, coalesce(p.month_of_birth, 1), coalesce(p.day_of_birth, 1)))) AS c3, count_if(to_date(t.`observation_period_end_date`) > date_add(dth.death_date, 60)) AS c4, count_if(t.`observation_period_id` IS NULL) AS c5, count(*) - count(DISTINCT t.`observation_period_id`) AS pk_dupes, count_if(t.`observation_period_start_date` IS NULL) AS c7, count_if(to_date(t.`observation_period_start_date`) < DATE '1950-01-01') AS c8, count_if(to_date(t.`observation_period_start_date`) > date_add(current_date(), 1)) AS c9, count_if(to_date(t.`observation_period_start_date`) > to_date(t.`observation_period_end_date`)) AS c10, count_if(to_date(t.`observation_period_start_date`) < coalesce(to_date(p.birth_datetime), make_date(p.year_of_birth, coalesce(p.month_of_birth, 1), coalesce(p.day_of_birth, 1)))) AS c11, count_if(to_date(t.`observation_period_start_date`) > date_add(dth.death_date, 60)) AS c12, count_if(t.`period_type_concept_id` IS NULL) AS c13, count_if(t.`person_id` IS NULL) AS c14, count_if(t.`person_id` IS NOT NULL AND fk_person_id.k IS NULL) AS c15
        FROM curated.observation_period t
        
LEFT JOIN (SELECT DISTINCT `person_id` AS k FROM curated.person) fk_person_id ON fk_person_id.k = t.`person_id`        LEFT JOIN curated.person p ON p.person_id = t.person_id        LEFT JOIN (SELECT person_id, min(death_date) AS death_date FROM curated.death GROUP BY person_id) dth ON dth.person_id = t.person_id)
)
UNION ALL
-- observation_period: its concept fields, against the vocabulary in one join
SELECT 'observation_period' AS cdm_table, check_name, cdm_field, violated_rows, total_rows
FROM (
  SELECT v.cdm_field, sum(v.n) AS total_rows,
         sum(IF(v.concept_id IS NOT NULL AND v.concept_id <> 0 AND c.concept_id IS NULL, v.n, 0)) AS fk,
         sum(IF(v.concept_id IS NOT NULL AND v.concept_id <> 0 AND (c.standard_concept IS DISTINCT FROM 'S' OR c.invalid_reason IS NOT NULL), v.n, 0)) AS std,
         sum(IF(v.concept_id = 0, v.n, 0)) AS zero
  FROM (SELECT cdm_field, concept_id, count(*) AS n
        FROM (SELECT stack(1, 'period_type_concept_id', CAST(t.`period_type_concept_id` AS INT)) AS (cdm_field, concept_id) FROM curated.observation_period t)
        GROUP BY cdm_field, concept_id) v
  LEFT JOIN curated.concept c ON c.concept_id = v.concept_id
  GROUP BY v.cdm_field
)
LATERAL VIEW stack(3, 'is_foreign_key', fk, 'is_standard_valid_concept', std, 'standard_concept_record_completeness', zero) s AS check_name, violated_rows
UNION ALL
-- visit_occurrence: one scan for its row-level checks
SELECT 'visit_occurrence' AS cdm_table, check_name, cdm_field, violated_rows, total_rows
FROM (
  SELECT `total` AS total_rows, stack(29, 'is_foreign_key', 'care_site_id', c0, 'is_required', 'person_id', c1, 'is_foreign_key', 'person_id', c2, 'is_foreign_key', 'provider_id', c3, 'is_required', 'visit_concept_id', c4, 'is_required', 'visit_end_date', c5, 'plausible_value_low', 'visit_end_date', c6, 'plausible_value_high', 'visit_end_date', c7, 'plausible_after_birth', 'visit_end_date', c8, 'plausible_before_death', 'visit_end_date', c9, 'plausible_value_low', 'visit_end_datetime', c10, 'plausible_value_high', 'visit_end_datetime', c11, 'plausible_after_birth', 'visit_end_datetime', c12, 'plausible_before_death', 'visit_end_datetime', c13, 'is_required', 'visit_occurrence_id', c14, 'is_primary_key', 'visit_occurrence_id', pk_dupes, 'is_required', 'visit_start_date', c16, 'plausible_value_low', 'visit_start_date', c17, 'plausible_value_high', 'visit_start_date', c18, 'plausible_start_before_end', 'visit_start_date', c19, 'plausible_after_birth', 'visit_start_date', c20, 'plausible_before_death', 'visit_start_date', c21, 'plausible_value_low', 'visit_start_datetime', c22, 'plausible_value_high', 'visit_start_datetime', c23, 'plausible_start_before_end', 'visit_start_datetime', c24, 'plausible_after_birth', 'visit_start_datetime', c25, 'plausible_before_death', 'visit_start_datetime', c26, 'is_required', 'visit_type_concept_id', c27, 'within_observation_period', 'visit_start_date', c28) AS (check_name, cdm_field, violated_rows)
  FROM (SELECT count(*) AS `total`, count_if(t.`care_site_id` IS NOT NULL AND fk_care_site_id.k IS NULL) AS c0, count_if(t.`person_id` IS NULL) AS c1, count_if(t.`person_id` IS NOT NULL AND fk_person_id.k IS NULL) AS c2, count_if(t.`provider_id` IS NOT NULL AND fk_provider_id.k IS NULL) AS c3, count_if(t.`visit_concept_id` IS NULL) AS c4, count_if(t.`visit_end_date` IS NULL) AS c5, count_if(to_date(t.`visit_end_date`) < DATE '1950-01-01') AS c6, count_if(to_date(t.`visit_end_date`) > date_add(current_date(), 1)) AS c7, count_if(to_date(t.`visit_end_date`) < coalesce(to_date(p.birth_datetime), make_date(p.year_of_birth, coalesce(p.month_of_birth, 1), coalesce(p.day_of_birth, 1)))) AS c8, count_if(to_date(t.`visit_end_date`) > date_add(dth.death_date, 60)) AS c9, count_if(to_date(t.`visit_end_datetime`) < DATE '1950-01-01') AS c10, count_if(to_date(t.`visit_end_datetime`) > date_add(current_date(), 1)) AS c11, count_if(to_date(t.`visit_end_datetime`) < coalesce(to_date(p.birth_datetime), make_date(p.year_of_birth, coalesce(p.month_of_birth, 1), coalesce(p.day_of_birth, 1)))) AS c12, count_if(to_date(t.`visit_end_datetime`) > date_add(dth.death_date, 60)) AS c13, count_if(t.`visit_occurrence_id` IS NULL) AS c14, count(*) - count(DISTINCT t.`visit_occurrence_id`) AS pk_dupes, count_if(t.`visit_start_date` IS NULL) AS c16, count_if(to_date(t.`visit_start_date`) < DATE '1950-01-01') AS c17, count_if(to_date(t.`visit_start_date`) > date_add(current_date(), 1)) AS c18, count_if(to_date(t.`visit_start_date`) > to_date(t.`visit_end_date`)) AS c19, count_if(to_date(t.`visit_start_date`) < coalesce(to_date(p.birth_datetime), make_date(p.year_of_birth, coalesce(p.month_of_birth, 1), coalesce(p.day_of_birth, 1)))) AS c20, count_if(to_date(t.`visit_start_date`) > date_add(dth.death_date, 60)) AS c21, count_if(to_date(t.`visit_start_datetime`) < DATE '1950-01-01') AS c22, count_if(to_date(t.`visit_start_datetime`) > date_add(current_date(), 1)) AS c23, count_if(to_date(t.`visit_start_datetime`) > to_date(t.`visit_end_datetime`)) AS c24, count_if(to_date(t.`visit_start_datetime`) < coalesce(to_date(p.birth_datetime), make_date(p.year_of_birth, coalesce(p.month_of_birth, 1), coalesce(p.day_of_birth, 1)))) AS c25, count_if(to_date(t.`visit_start_datetime`) > date_add(dth.death_date, 60)) AS c26, count_if(t.`visit_type_concept_id` IS NULL) AS c27, count_if(op.first_day IS NULL OR to_date(t.`visit_start_date`) < op.first_day OR to_date(t.`visit_start_date`) > op.last_day) AS c28
        FROM curated.visit_occurrence t
        
LEFT JOIN (SELECT DISTINCT `care_site_id` AS k FROM curated.care_site) fk_care_site_id ON fk_care_site_id.k = t.`care_site_id`        LEFT JOIN (SELECT DISTINCT `person_id` AS k FROM curated.person) fk_person_id ON fk_person_id.k = t.`person_id`        LEFT JOIN (SELECT DISTINCT `provider_id` AS k FROM curated.provider) fk_provider_id ON fk_provider_id.k = t.`provider_id`        LEFT JOIN curated.person p ON p.person_id = t.person_id        LEFT JOIN (SELECT person_id, min(death_date) AS death_date FROM curated.death GROUP BY person_id) dth ON dth.person_id = t.person_id        LEFT JOIN (SELECT person_id, min(observation_period_start_date) AS first_day, max(observation_period_end_date) AS last_day FROM curated.observation_period GROUP BY person_id) op ON op.person_id = t.person_id)
)
UNION ALL
-- visit_occurrence: its concept fields, against the vocabulary in one join
SELECT 'visit_occurrence' AS cdm_table, check_name, cdm_field, violated_rows, total_rows
FROM (
  SELECT v.cdm_field, sum(v.n) AS total_rows,
         sum(IF(v.concept_id IS NOT NULL AND v.concept_id <> 0 AND c.concept_id IS NULL, v.n, 0)) AS fk,
         sum(IF(v.concept_id IS NOT NULL AND v.concept_id <> 0 AND (c.standard_concept IS DISTINCT FROM 'S' OR c.invalid_reason IS NOT NULL), v.n, 0)) AS std,
         sum(IF(v.concept_id = 0, v.n, 0)) AS zero
  FROM (SELECT cdm_field, concept_id, count(*) AS n
        FROM (SELECT stack(5, 'admitted_from_concept_id', CAST(t.`admitted_from_concept_id` AS INT), 'discharged_to_concept_id', CAST(t.`discharged_to_concept_id` AS INT), 'visit_concept_id', CAST(t.`visit_concept_id` AS INT), 'visit_source_concept_id', CAST(t.`visit_source_concept_id` AS INT), 'visit_type_concept_id', CAST(t.`visit_type_concept_id` AS INT)) AS (cdm_field, concept_id) FROM curated.visit_occurrence t)
        GROUP BY cdm_field, concept_id) v
  LEFT JOIN curated.concept c ON c.concept_id = v.concept_id
  GROUP BY v.cdm_field
)
LATERAL VIEW stack(3, 'is_foreign_key', fk, 'is_standard_valid_concept', std, 'standard_concept_record_completeness', zero) s AS check_name, violated_rows
UNION ALL
-- visit_detail: one scan for its row-level checks
SELECT 'visit_detail' AS cdm_table, check_name, cdm_field, violated_rows, total_rows
FROM (
  SELECT `total` AS total_rows, stack(33, 'is_foreign_key', 'care_site_id', c0, 'is_required', 'person_id', c1, 'is_foreign_key', 'person_id', c2, 'is_foreign_key', 'provider_id', c3, 'is_required', 'visit_detail_concept_id', c4, 'is_required', 'visit_detail_end_date', c5, 'plausible_value_low', 'visit_detail_end_date', c6, 'plausible_value_high', 'visit_detail_end_date', c7, 'plausible_after_birth', 'visit_detail_end_date', c8, 'plausible_before_death', 'visit_detail_end_date', c9, 'within_visit_dates', 'visit_detail_end_date', c10, 'plausible_value_low', 'visit_detail_end_datetime', c11, 'plausible_value_high', 'visit_detail_end_datetime', c12, 'plausible_after_birth', 'visit_detail_end_datetime', c13, 'plausible_before_death', 'visit_detail_end_datetime', c14, 'is_required', 'visit_detail_id', c15, 'is_primary_key', 'visit_detail_id', pk_dupes, 'is_required', 'visit_detail_start_date', c17, 'plausible_value_low', 'visit_detail_start_date', c18, 'plausible_value_high', 'visit_detail_start_date', c19, 'plausible_start_before_end', 'visit_detail_start_date', c20, 'plausible_after_birth', 'visit_detail_start_date', c21, 'plausible_before_death', 'visit_detail_start_date', c22, 'within_visit_dates', 'visit_detail_start_date', c23, 'plausible_value_low', 'visit_detail_start_datetime', c24, 'plausible_value_high', 'visit_detail_start_datetime', c25, 'plausible_start_before_end', 'visit_detail_start_datetime', c26, 'plausible_after_birth', 'visit_detail_start_datetime', c27, 'plausible_before_death', 'visit_detail_start_datetime', c28, 'is_required', 'visit_detail_type_concept_id', c29, 'is_required', 'visit_occurrence_id', c30, 'is_foreign_key', 'visit_occurrence_id', c31, 'within_observation_period', 'visit_detail_start_date', c32) AS (check_name, cdm_field, violated_rows)
  FROM (SELECT count(*) AS `total`, count_if(t.`care_site_id` IS NOT NULL AND fk_care_site_id.k IS NULL) AS c0, count_if(t.`person_id` IS NULL) AS c1, count_if(t.`person_id` IS NOT NULL AND fk_person_id.k IS NULL) AS c2, count_if(t.`provider_id` IS NOT NULL AND fk_provider_id.k IS NULL) AS c3, count_if(t.`visit_detail_concept_id` IS NULL) AS c4, count_if(t.`visit_detail_end_date` IS NULL) AS c5, count_if(to_date(t.`visit_detail_end_date`) < DATE '1950-01-01') AS c6, count_if(to_date(t.`visit_detail_end_date`) > date_add(current_date(), 1)) AS c7, count_if(to_date(t.`visit_detail_end_date`) < coalesce(to_date(p.birth_datetime), make_date(p.year_of_birth, coalesce(p.month_of_birth, 1), coalesce(p.day_of_birth, 1)))) AS c8, count_if(to_date(t.`visit_detail_end_date`) > date_add(dth.death_date, 60)) AS c9, count_if(vis.visit_start_date IS NOT NULL AND (to_date(t.`visit_detail_end_date`) < date_sub(vis.visit_start_date, 7) OR to_date(t.`visit_detail_end_date`) > date_add(vis.visit_end_date, 7))) AS c10, count_if(to_date(t.`visit_detail_end_datetime`) < DATE '1950-01-01') AS c11, count_if(to_date(t.`visit_detail_end_datetime`) > date_add(current_date(), 1)) AS c12, count_if(to_date(t.`visit_detail_end_datetime`) < coalesce(to_date(p.birth_datetime), make_date(p.year_of_birth, coalesce(p.month_of_birth, 1), coalesce(p.day_of_birth, 1)))) AS c13, count_if(to_date(t.`visit_detail_end_datetime`) > date_add(dth.death_date, 60)) AS c14, count_if(t.`visit_detail_id` IS NULL) AS c15, count(*) - count(DISTINCT t.`visit_detail_id`) AS pk_dupes, count_if(t.`visit_detail_start_date` IS NULL) AS c17, count_if(to_date(t.`visit_detail_start_date`) < DATE '1950-01-01') AS c18, count_if(to_date(t.`visit_detail_start_date`) > date_add(current_date(), 1)) AS c19, count_if(to_date(t.`visit_detail_start_date`) > to_date(t.`visit_detail_end_date`)) AS c20, count_if(to_date(t.`visit_detail_start_date`) < coalesce(to_date(p.birth_datetime), make_date(p.year_of_birth, coalesce(p.month_of_birth, 1), coalesce(p.day_of_birth, 1)))) AS c21, count_if(to_date(t.`visit_detail_start_date`) > date_add(dth.death_date, 60)) AS c22, count_if(vis.visit_start_date IS NOT NULL AND (to_date(t.`visit_detail_start_date`) < date_sub(vis.visit_start_date, 7) OR to_date(t.`visit_detail_start_date`) > date_add(vis.visit_end_date, 7))) AS c23, count_if(to_date(t.`visit_detail_start_datetime`) < DATE '1950-01-01') AS c24, count_if(to_date(t.`visit_detail_start_datetime`) > date_add(current_date(), 1)) AS c25, count_if(to_date(t.`visit_detail_start_datetime`) > to_date(t.`visit_detail_end_datetime`)) AS c26, count_if(to_date(t.`visit_detail_start_datetime`) < coalesce(to_date(p.birth_datetime), make_date(p.year_of_birth, coalesce(p.month_of_birth, 1), coalesce(p.day_of_birth, 1)))) AS c27, count_if(to_date(t.`visit_detail_start_datetime`) > date_add(dth.death_date, 60)) AS c28, count_if(t.`visit_detail_type_concept_id` IS NULL) AS c29, count_if(t.`visit_occurrence_id` IS NULL) AS c30, count_if(t.`visit_occurrence_id` IS NOT NULL AND fk_visit_occurrence_id.k IS NULL) AS c31, count_if(op.first_day IS NULL OR to_date(t.`visit_detail_start_date`) < op.first_day OR to_date(t.`visit_detail_start_date`) > op.last_day) AS c32
        FROM curated.visit_detail t
        
LEFT JOIN (SELECT DISTINCT `care_site_id` AS k FROM curated.care_site) fk_care_site_id ON fk_care_site_id.k = t.`care_site_id`        LEFT JOIN (SELECT DISTINCT `person_id` AS k FROM curated.person) fk_person_id ON fk_person_id.k = t.`person_id`        LEFT JOIN (SELECT DISTINCT `provider_id` AS k FROM curated.provider) fk_provider_id ON fk_provider_id.k = t.`provider_id`        LEFT JOIN (SELECT DISTINCT `visit_occurrence_id` AS k FROM curated.visit_occurrence) fk_visit_occurrence_id ON fk_visit_occurrence_id.k = t.`visit_occurrence_id`        LEFT JOIN curated.person p ON p.person_id = t.person_id        LEFT JOIN (SELECT person_id, min(death_date) AS death_date FROM curated.death GROUP BY person_id) dth ON dth.person_id = t.person_id        LEFT JOIN curated.visit_occurrence vis ON vis.visit_occurrence_id = t.visit_occurrence_id        LEFT JOIN (SELECT person_id, min(observation_period_start_date) AS first_day, max(observation_period_end_date) AS last_day FROM curated.observation_period GROUP BY person_id) op ON op.person_id = t.person_id)
)
UNION ALL
-- visit_detail: its concept fields, against the vocabulary in one join
SELECT 'visit_detail' AS cdm_table, check_name, cdm_field, violated_rows, total_rows
FROM (
  SELECT v.cdm_field, sum(v.n) AS total_rows,
         sum(IF(v.concept_id IS NOT NULL AND v.concept_id <> 0 AND c.concept_id IS NULL, v.n, 0)) AS fk,
         sum(IF(v.concept_id IS NOT NULL AND v.concept_id <> 0 AND (c.standard_concept IS DISTINCT FROM 'S' OR c.invalid_reason IS NOT NULL), v.n, 0)) AS std,
         sum(IF(v.concept_id = 0, v.n, 0)) AS zero
  FROM (SELECT cdm_field, concept_id, count(*) AS n
        FROM (SELECT stack(5, 'admitted_from_concept_id', CAST(t.`admitted_from_concept_id` AS INT), 'discharged_to_concept_id', CAST(t.`discharged_to_concept_id` AS INT), 'visit_detail_concept_id', CAST(t.`visit_detail_concept_id` AS INT), 'visit_detail_source_concept_id', CAST(t.`visit_detail_source_concept_id` AS INT), 'visit_detail_type_concept_id', CAST(t.`visit_detail_type_concept_id` AS INT)) AS (cdm_field, concept_id) FROM curated.visit_detail t)
        GROUP BY cdm_field, concept_id) v
  LEFT JOIN curated.concept c ON c.concept_id = v.concept_id
  GROUP BY v.cdm_field
)
LATERAL VIEW stack(3, 'is_foreign_key', fk, 'is_standard_valid_concept', std, 'standard_concept_record_completeness', zero) s AS check_name, violated_rows
UNION ALL
-- condition_occurrence: one scan for its row-level checks
SELECT 'condition_occurrence' AS cdm_table, check_name, cdm_field, violated_rows, total_rows
FROM (
  SELECT `total` AS total_rows, stack(30, 'is_required', 'condition_concept_id', c0, 'plausible_value_low', 'condition_end_date', c1, 'plausible_value_high', 'condition_end_date', c2, 'plausible_after_birth', 'condition_end_date', c3, 'plausible_before_death', 'condition_end_date', c4, 'plausible_value_low', 'condition_end_datetime', c5, 'plausible_value_high', 'condition_end_datetime', c6, 'plausible_after_birth', 'condition_end_datetime', c7, 'plausible_before_death', 'condition_end_datetime', c8, 'is_required', 'condition_occurrence_id', c9, 'is_primary_key', 'condition_occurrence_id', pk_dupes, 'is_required', 'condition_start_date', c11, 'plausible_value_low', 'condition_start_date', c12, 'plausible_value_high', 'condition_start_date', c13, 'plausible_start_before_end', 'condition_start_date', c14, 'plausible_after_birth', 'condition_start_date', c15, 'plausible_before_death', 'condition_start_date', c16, 'within_visit_dates', 'condition_start_date', c17, 'plausible_value_low', 'condition_start_datetime', c18, 'plausible_value_high', 'condition_start_datetime', c19, 'plausible_start_before_end', 'condition_start_datetime', c20, 'plausible_after_birth', 'condition_start_datetime', c21, 'plausible_before_death', 'condition_start_datetime', c22, 'is_required', 'condition_type_concept_id', c23, 'is_required', 'person_id', c24, 'is_foreign_key', 'person_id', c25, 'is_foreign_key', 'provider_id', c26, 'is_foreign_key', 'visit_detail_id', c27, 'is_foreign_key', 'visit_occurrence_id', c28, 'within_observation_period', 'condition_start_date', c29) AS (check_name, cdm_field, violated_rows)
  FROM (SELECT count(*) AS `total`, count_if(t.`condition_concept_id` IS NULL) AS c0, count_if(to_date(t.`condition_end_date`) < DATE '1950-01-01') AS c1, count_if(to_date(t.`condition_end_date`) > date_add(current_date(), 1)) AS c2, count_if(to_date(t.`condition_end_date`) < coalesce(to_date(p.birth_datetime), make_date(p.year_of_birth, coalesce(p.month_of_birth, 1), coalesce(p.day_of_birth, 1)))) AS c3, count_if(to_date(t.`condition_end_date`) > date_add(dth.death_date, 60)) AS c4, count_if(to_date(t.`condition_end_datetime`) < DATE '1950-01-01') AS c5, count_if(to_date(t.`condition_end_datetime`) > date_add(current_date(), 1)) AS c6, count_if(to_date(t.`condition_end_datetime`) < coalesce(to_date(p.birth_datetime), make_date(p.year_of_birth, coalesce(p.month_of_birth, 1), coalesce(p.day_of_birth, 1)))) AS c7, count_if(to_date(t.`condition_end_datetime`) > date_add(dth.death_date, 60)) AS c8, count_if(t.`condition_occurrence_id` IS NULL) AS c9, count(*) - count(DISTINCT t.`condition_occurrence_id`) AS pk_dupes, count_if(t.`condition_start_date` IS NULL) AS c11, count_if(to_date(t.`condition_start_date`) < DATE '1950-01-01') AS c12, count_if(to_date(t.`condition_start_date`) > date_add(current_date(), 1)) AS c13, count_if(to_date(t.`condition_start_date`) > to_date(t.`condition_end_date`)) AS c14, count_if(to_date(t.`condition_start_date`) < coalesce(to_date(p.birth_datetime), make_date(p.year_of_birth, coalesce(p.month_of_birth, 1), coalesce(p.day_of_birth, 1)))) AS c15, count_if(to_date(t.`condition_start_date`) > date_add(dth.death_date, 60)) AS c16, count_if(vis.visit_start_date IS NOT NULL AND (to_date(t.`condition_start_date`) < date_sub(vis.visit_start_date, 7) OR to_date(t.`condition_start_date`) > date_add(vis.visit_end_date, 7))) AS c17, count_if(to_date(t.`condition_start_datetime`) < DATE '1950-01-01') AS c18, count_if(to_date(t.`condition_start_datetime`) > date_add(current_date(), 1)) AS c19, count_if(to_date(t.`condition_start_datetime`) > to_date(t.`condition_end_datetime`)) AS c20, count_if(to_date(t.`condition_start_datetime`) < coalesce(to_date(p.birth_datetime), make_date(p.year_of_birth, coalesce(p.month_of_birth, 1), coalesce(p.day_of_birth, 1)))) AS c21, count_if(to_date(t.`condition_start_datetime`) > date_add(dth.death_date, 60)) AS c22, count_if(t.`condition_type_concept_id` IS NULL) AS c23, count_if(t.`person_id` IS NULL) AS c24, count_if(t.`person_id` IS NOT NULL AND fk_person_id.k IS NULL) AS c25, count_if(t.`provider_id` IS NOT NULL AND fk_provider_id.k IS NULL) AS c26, count_if(t.`visit_detail_id` IS NOT NULL AND fk_visit_detail_id.k IS NULL) AS c27, count_if(t.`visit_occurrence_id` IS NOT NULL AND fk_visit_occurrence_id.k IS NULL) AS c28, count_if(op.first_day IS NULL OR to_date(t.`condition_start_date`) < op.first_day OR to_date(t.`condition_start_date`) > op.last_day) AS c29
        FROM curated.condition_occurrence t
        
LEFT JOIN (SELECT DISTINCT `person_id` AS k FROM curated.person) fk_person_id ON fk_person_id.k = t.`person_id`        LEFT JOIN (SELECT DISTINCT `provider_id` AS k FROM curated.provider) fk_provider_id ON fk_provider_id.k = t.`provider_id`        LEFT JOIN (SELECT DISTINCT `visit_detail_id` AS k FROM curated.visit_detail) fk_visit_detail_id ON fk_visit_detail_id.k = t.`visit_detail_id`        LEFT JOIN (SELECT DISTINCT `visit_occurrence_id` AS k FROM curated.visit_occurrence) fk_visit_occurrence_id ON fk_visit_occurrence_id.k = t.`visit_occurrence_id`        LEFT JOIN curated.person p ON p.person_id = t.person_id        LEFT JOIN (SELECT person_id, min(death_date) AS death_date FROM curated.death GROUP BY person_id) dth ON dth.person_id = t.person_id        LEFT JOIN curated.visit_occurrence vis ON vis.visit_occurrence_id = t.visit_occurrence_id        LEFT JOIN (SELECT person_id, min(observation_period_start_date) AS first_day, max(observation_period_end_date) AS last_day FROM curated.observation_period GROUP BY person_id) op ON op.person_id = t.person_id)
)
UNION ALL
-- condition_occurrence: its concept fields, against the vocabulary in one join
SELECT 'condition_occurrence' AS cdm_table, check_name, cdm_field, violated_rows, total_rows
FROM (
  SELECT v.cdm_field, sum(v.n) AS total_rows,
         sum(IF(v.concept_id IS NOT NULL AND v.concept_id <> 0 AND c.concept_id IS NULL, v.n, 0)) AS fk,
         sum(IF(v.concept_id IS NOT NULL AND v.concept_id <> 0 AND (c.standard_concept IS DISTINCT FROM 'S' OR c.invalid_reason IS NOT NULL), v.n, 0)) AS std,
         sum(IF(v.concept_id = 0, v.n, 0)) AS zero
  FROM (SELECT cdm_field, concept_id, count(*) AS n
        FROM (SELECT stack(4, 'condition_concept_id', CAST(t.`condition_concept_id` AS INT), 'condition_source_concept_id', CAST(t.`condition_source_concept_id` AS INT), 'condition_status_concept_id', CAST(t.`condition_status_concept_id` AS INT), 'condition_type_concept_id', CAST(t.`condition_type_concept_id` AS INT)) AS (cdm_field, concept_id) FROM curated.condition_occurrence t)
        GROUP BY cdm_field, concept_id) v
  LEFT JOIN curated.concept c ON c.concept_id = v.concept_id
  GROUP BY v.cdm_field
)
LATERAL VIEW stack(3, 'is_foreign_key', fk, 'is_standard_valid_concept', std, 'standard_concept_record_completeness', zero) s AS check_name, violated_rows
UNION ALL
-- drug_exposure: one scan for its row-level checks
SELECT 'drug_exposure' AS cdm_table, check_name, cdm_field, violated_rows, total_rows
FROM (
  SELECT `total` AS total_rows, stack(40, 'plausible_value_low', 'days_supply', c0, 'plausible_value_high', 'days_supply', c1, 'is_required', 'drug_concept_id', c2, 'is_required', 'drug_exposure_end_date', c3, 'plausible_value_low', 'drug_exposure_end_date', c4, 'plausible_value_high', 'drug_exposure_end_date', c5, 'plausible_after_birth', 'drug_exposure_end_date', c6, 'plausible_before_death', 'drug_exposure_end_date', c7, 'plausible_value_low', 'drug_exposure_end_datetime', c8, 'plausible_value_high', 'drug_exposure_end_datetime', c9, 'plausible_after_birth', 'drug_exposure_end_datetime', c10, 'plausible_before_death', 'drug_exposure_end_datetime', c11, 'is_required', 'drug_exposure_id', c12, 'is_primary_key', 'drug_exposure_id', pk_dupes, 'is_required', 'drug_exposure_start_date', c14, 'plausible_value_low', 'drug_exposure_start_date', c15, 'plausible_value_high', 'drug_exposure_start_date', c16, 'plausible_start_before_end', 'drug_exposure_start_date', c17, 'plausible_after_birth', 'drug_exposure_start_date', c18, 'plausible_before_death', 'drug_exposure_start_date', c19, 'within_visit_dates', 'drug_exposure_start_date', c20, 'plausible_value_low', 'drug_exposure_start_datetime', c21, 'plausible_value_high', 'drug_exposure_start_datetime', c22, 'plausible_start_before_end', 'drug_exposure_start_datetime', c23, 'plausible_after_birth', 'drug_exposure_start_datetime', c24, 'plausible_before_death', 'drug_exposure_start_datetime', c25, 'is_required', 'drug_type_concept_id', c26, 'is_required', 'person_id', c27, 'is_foreign_key', 'person_id', c28, 'is_foreign_key', 'provider_id', c29, 'plausible_value_low', 'quantity', c30, 'plausible_value_low', 'refills', c31, 'plausible_value_high', 'refills', c32, 'plausible_value_low', 'verbatim_end_date', c33, 'plausible_value_high', 'verbatim_end_date', c34, 'plausible_after_birth', 'verbatim_end_date', c35, 'plausible_before_death', 'verbatim_end_date', c36, 'is_foreign_key', 'visit_detail_id', c37, 'is_foreign_key', 'visit_occurrence_id', c38, 'within_observation_period', 'drug_exposure_start_date', c39) AS (check_name, cdm_field, violated_rows)
  FROM (SELECT count(*) AS `total`, count_if(t.`days_supply` < 1) AS c0, count_if(t.`days_supply` > 365) AS c1, count_if(t.`drug_concept_id` IS NULL) AS c2, count_if(t.`drug_exposure_end_date` IS NULL) AS c3, count_if(to_date(t.`drug_exposure_end_date`) < DATE '1950-01-01') AS c4, count_if(to_date(t.`drug_exposure_end_date`) > date_add(current_date(), 1)) AS c5, count_if(to_date(t.`drug_exposure_end_date`) < coalesce(to_date(p.birth_datetime), make_date(p.year_of_birth, coalesce(p.month_of_birth, 1), coalesce(p.day_of_birth, 1)))) AS c6, count_if(to_date(t.`drug_exposure_end_date`) > date_add(dth.death_date, 60)) AS c7, count_if(to_date(t.`drug_exposure_end_datetime`) < DATE '1950-01-01') AS c8, count_if(to_date(t.`drug_exposure_end_datetime`) > date_add(current_date(), 1)) AS c9, count_if(to_date(t.`drug_exposure_end_datetime`) < coalesce(to_date(p.birth_datetime), make_date(p.year_of_birth, coalesce(p.month_of_birth, 1), coalesce(p.day_of_birth, 1)))) AS c10, count_if(to_date(t.`drug_exposure_end_datetime`) > date_add(dth.death_date, 60)) AS c11, count_if(t.`drug_exposure_id` IS NULL) AS c12, count(*) - count(DISTINCT t.`drug_exposure_id`) AS pk_dupes, count_if(t.`drug_exposure_start_date` IS NULL) AS c14, count_if(to_date(t.`drug_exposure_start_date`) < DATE '1950-01-01') AS c15, count_if(to_date(t.`drug_exposure_start_date`) > date_add(current_date(), 1)) AS c16, count_if(to_date(t.`drug_exposure_start_date`) > to_date(t.`drug_exposure_end_date`)) AS c17, count_if(to_date(t.`drug_exposure_start_date`) < coalesce(to_date(p.birth_datetime), make_date(p.year_of_birth, coalesce(p.month_of_birth, 1), coalesce(p.day_of_birth, 1)))) AS c18, count_if(to_date(t.`drug_exposure_start_date`) > date_add(dth.death_date, 60)) AS c19, count_if(vis.visit_start_date IS NOT NULL AND (to_date(t.`drug_exposure_start_date`) < date_sub(vis.visit_start_date, 7) OR to_date(t.`drug_exposure_start_date`) > date_add(vis.visit_end_date, 7))) AS c20, count_if(to_date(t.`drug_exposure_start_datetime`) < DATE '1950-01-01') AS c21, count_if(to_date(t.`drug_exposure_start_datetime`) > date_add(current_date(), 1)) AS c22, count_if(to_date(t.`drug_exposure_start_datetime`) > to_date(t.`drug_exposure_end_datetime`)) AS c23, count_if(to_date(t.`drug_exposure_start_datetime`) < coalesce(to_date(p.birth_datetime), make_date(p.year_of_birth, coalesce(p.month_of_birth, 1), coalesce(p.day_of_birth, 1)))) AS c24, count_if(to_date(t.`drug_exposure_start_datetime`) > date_add(dth.death_date, 60)) AS c25, count_if(t.`drug_type_concept_id` IS NULL) AS c26, count_if(t.`person_id` IS NULL) AS c27, count_if(t.`person_id` IS NOT NULL AND fk_person_id.k IS NULL) AS c28, count_if(t.`provider_id` IS NOT NULL AND fk_provider_id.k IS NULL) AS c29, count_if(t.`quantity` < 0.0000001) AS c30, count_if(t.`refills` < 0) AS c31, count_if(t.`refills` > 24) AS c32, count_if(to_date(t.`verbatim_end_date`) < DATE '1950-01-01') AS c33, count_if(to_date(t.`verbatim_end_date`) > date_add(current_date(), 1)) AS c34, count_if(to_date(t.`verbatim_end_date`) < coalesce(to_date(p.birth_datetime), make_date(p.year_of_birth, coalesce(p.month_of_birth, 1), coalesce(p.day_of_birth, 1)))) AS c35, count_if(to_date(t.`verbatim_end_date`) > date_add(dth.death_date, 60)) AS c36, count_if(t.`visit_detail_id` IS NOT NULL AND fk_visit_detail_id.k IS NULL) AS c37, count_if(t.`visit_occurrence_id` IS NOT NULL AND fk_visit_occurrence_id.k IS NULL) AS c38, count_if(op.first_day IS NULL OR to_date(t.`drug_exposure_start_date`) < op.first_day OR to_date(t.`drug_exposure_start_date`) > op.last_day) AS c39
        FROM curated.drug_exposure t
        
LEFT JOIN (SELECT DISTINCT `person_id` AS k FROM curated.person) fk_person_id ON fk_person_id.k = t.`person_id`        LEFT JOIN (SELECT DISTINCT `provider_id` AS k FROM curated.provider) fk_provider_id ON fk_provider_id.k = t.`provider_id`        LEFT JOIN (SELECT DISTINCT `visit_detail_id` AS k FROM curated.visit_detail) fk_visit_detail_id ON fk_visit_detail_id.k = t.`visit_detail_id`        LEFT JOIN (SELECT DISTINCT `visit_occurrence_id` AS k FROM curated.visit_occurrence) fk_visit_occurrence_id ON fk_visit_occurrence_id.k = t.`visit_occurrence_id`        LEFT JOIN curated.person p ON p.person_id = t.person_id        LEFT JOIN (SELECT person_id, min(death_date) AS death_date FROM curated.death GROUP BY person_id) dth ON dth.person_id = t.person_id        LEFT JOIN curated.visit_occurrence vis ON vis.visit_occurrence_id = t.visit_occurrence_id        LEFT JOIN (SELECT person_id, min(observation_period_start_date) AS first_day, max(observation_period_end_date) AS last_day FROM curated.observation_period GROUP BY person_id) op ON op.person_id = t.person_id)
)
UNION ALL
-- drug_exposure: its concept fields, against the vocabulary in one join
SELECT 'drug_exposure' AS cdm_table, check_name, cdm_field, violated_rows, total_rows
FROM (
  SELECT v.cdm_field, sum(v.n) AS total_rows,
         sum(IF(v.concept_id IS NOT NULL AND v.concept_id <> 0 AND c.concept_id IS NULL, v.n, 0)) AS fk,
         sum(IF(v.concept_id IS NOT NULL AND v.concept_id <> 0 AND (c.standard_concept IS DISTINCT FROM 'S' OR c.invalid_reason IS NOT NULL), v.n, 0)) AS std,
         sum(IF(v.concept_id = 0, v.n, 0)) AS zero
  FROM (SELECT cdm_field, concept_id, count(*) AS n
        FROM (SELECT stack(4, 'drug_concept_id', CAST(t.`drug_concept_id` AS INT), 'drug_source_concept_id', CAST(t.`drug_source_concept_id` AS INT), 'drug_type_concept_id', CAST(t.`drug_type_concept_id` AS INT), 'route_concept_id', CAST(t.`route_concept_id` AS INT)) AS (cdm_field, concept_id) FROM curated.drug_exposure t)
        GROUP BY cdm_field, concept_id) v
  LEFT JOIN curated.concept c ON c.concept_id = v.concept_id
  GROUP BY v.cdm_field
)
LATERAL VIEW stack(3, 'is_foreign_key', fk, 'is_standard_valid_concept', std, 'standard_concept_record_completeness', zero) s AS check_name, violated_rows
UNION ALL
-- procedure_occurrence: one scan for its row-level checks
SELECT 'procedure_occurrence' AS cdm_table, check_name, cdm_field, violated_rows, total_rows
FROM (
  SELECT `total` AS total_rows, stack(31, 'is_required', 'person_id', c0, 'is_foreign_key', 'person_id', c1, 'is_required', 'procedure_concept_id', c2, 'is_required', 'procedure_date', c3, 'plausible_value_low', 'procedure_date', c4, 'plausible_value_high', 'procedure_date', c5, 'plausible_start_before_end', 'procedure_date', c6, 'plausible_after_birth', 'procedure_date', c7, 'plausible_before_death', 'procedure_date', c8, 'within_visit_dates', 'procedure_date', c9, 'plausible_value_low', 'procedure_datetime', c10, 'plausible_value_high', 'procedure_datetime', c11, 'plausible_start_before_end', 'procedure_datetime', c12, 'plausible_after_birth', 'procedure_datetime', c13, 'plausible_before_death', 'procedure_datetime', c14, 'plausible_value_low', 'procedure_end_date', c15, 'plausible_value_high', 'procedure_end_date', c16, 'plausible_after_birth', 'procedure_end_date', c17, 'plausible_before_death', 'procedure_end_date', c18, 'plausible_value_low', 'procedure_end_datetime', c19, 'plausible_value_high', 'procedure_end_datetime', c20, 'plausible_after_birth', 'procedure_end_datetime', c21, 'plausible_before_death', 'procedure_end_datetime', c22, 'is_required', 'procedure_occurrence_id', c23, 'is_primary_key', 'procedure_occurrence_id', pk_dupes, 'is_required', 'procedure_type_concept_id', c25, 'is_foreign_key', 'provider_id', c26, 'plausible_value_low', 'quantity', c27, 'is_foreign_key', 'visit_detail_id', c28, 'is_foreign_key', 'visit_occurrence_id', c29, 'within_observation_period', 'procedure_date', c30) AS (check_name, cdm_field, violated_rows)
  FROM (SELECT count(*) AS `total`, count_if(t.`person_id` IS NULL) AS c0, count_if(t.`person_id` IS NOT NULL AND fk_person_id.k IS NULL) AS c1, count_if(t.`procedure_concept_id` IS NULL) AS c2, count_if(t.`procedure_date` IS NULL) AS c3, count_if(to_date(t.`procedure_date`) < DATE '1950-01-01') AS c4, count_if(to_date(t.`procedure_date`) > date_add(current_date(), 1)) AS c5, count_if(to_date(t.`procedure_date`) > to_date(t.`procedure_end_date`)) AS c6, count_if(to_date(t.`procedure_date`) < coalesce(to_date(p.birth_datetime), make_date(p.year_of_birth, coalesce(p.month_of_birth, 1), coalesce(p.day_of_birth, 1)))) AS c7, count_if(to_date(t.`procedure_date`) > date_add(dth.death_date, 60)) AS c8, count_if(vis.visit_start_date IS NOT NULL AND (to_date(t.`procedure_date`) < date_sub(vis.visit_start_date, 7) OR to_date(t.`procedure_date`) > date_add(vis.visit_end_date, 7))) AS c9, count_if(to_date(t.`procedure_datetime`) < DATE '1950-01-01') AS c10, count_if(to_date(t.`procedure_datetime`) > date_add(current_date(), 1)) AS c11, count_if(to_date(t.`procedure_datetime`) > to_date(t.`procedure_end_datetime`)) AS c12, count_if(to_date(t.`procedure_datetime`) < coalesce(to_date(p.birth_datetime), make_date(p.year_of_birth, coalesce(p.month_of_birth, 1), coalesce(p.day_of_birth, 1)))) AS c13, count_if(to_date(t.`procedure_datetime`) > date_add(dth.death_date, 60)) AS c14, count_if(to_date(t.`procedure_end_date`) < DATE '1950-01-01') AS c15, count_if(to_date(t.`procedure_end_date`) > date_add(current_date(), 1)) AS c16, count_if(to_date(t.`procedure_end_date`) < coalesce(to_date(p.birth_datetime), make_date(p.year_of_birth, coalesce(p.month_of_birth, 1), coalesce(p.day_of_birth, 1)))) AS c17, count_if(to_date(t.`procedure_end_date`) > date_add(dth.death_date, 60)) AS c18, count_if(to_date(t.`procedure_end_datetime`) < DATE '1950-01-01') AS c19, count_if(to_date(t.`procedure_end_datetime`) > date_add(current_date(), 1)) AS c20, count_if(to_date(t.`procedure_end_datetime`) < coalesce(to_date(p.birth_datetime), make_date(p.year_of_birth, coalesce(p.month_of_birth, 1), coalesce(p.day_of_birth, 1)))) AS c21, count_if(to_date(t.`procedure_end_datetime`) > date_add(dth.death_date, 60)) AS c22, count_if(t.`procedure_occurrence_id` IS NULL) AS c23, count(*) - count(DISTINCT t.`procedure_occurrence_id`) AS pk_dupes, count_if(t.`procedure_type_concept_id` IS NULL) AS c25, count_if(t.`provider_id` IS NOT NULL AND fk_provider_id.k IS NULL) AS c26, count_if(t.`quantity` < 1) AS c27, count_if(t.`visit_detail_id` IS NOT NULL AND fk_visit_detail_id.k IS NULL) AS c28, count_if(t.`visit_occurrence_id` IS NOT NULL AND fk_visit_occurrence_id.k IS NULL) AS c29, count_if(op.first_day IS NULL OR to_date(t.`procedure_date`) < op.first_day OR to_date(t.`procedure_date`) > op.last_day) AS c30
        FROM curated.procedure_occurrence t
        
LEFT JOIN (SELECT DISTINCT `person_id` AS k FROM curated.person) fk_person_id ON fk_person_id.k = t.`person_id`        LEFT JOIN (SELECT DISTINCT `provider_id` AS k FROM curated.provider) fk_provider_id ON fk_provider_id.k = t.`provider_id`        LEFT JOIN (SELECT DISTINCT `visit_detail_id` AS k FROM curated.visit_detail) fk_visit_detail_id ON fk_visit_detail_id.k = t.`visit_detail_id`        LEFT JOIN (SELECT DISTINCT `visit_occurrence_id` AS k FROM curated.visit_occurrence) fk_visit_occurrence_id ON fk_visit_occurrence_id.k = t.`visit_occurrence_id`        LEFT JOIN curated.person p ON p.person_id = t.person_id        LEFT JOIN (SELECT person_id, min(death_date) AS death_date FROM curated.death GROUP BY person_id) dth ON dth.person_id = t.person_id        LEFT JOIN curated.visit_occurrence vis ON vis.visit_occurrence_id = t.visit_occurrence_id        LEFT JOIN (SELECT person_id, min(observation_period_start_date) AS first_day, max(observation_period_end_date) AS last_day FROM curated.observation_period GROUP BY person_id) op ON op.person_id = t.person_id)
)
UNION ALL
-- procedure_occurrence: its concept fields, against the vocabulary in one join
SELECT 'procedure_occurrence' AS cdm_table, check_name, cdm_field, violated_rows, total_rows
FROM (
  SELECT v.cdm_field, sum(v.n) AS total_rows,
         sum(IF(v.concept_id IS NOT NULL AND v.concept_id <> 0 AND c.concept_id IS NULL, v.n, 0)) AS fk,
         sum(IF(v.concept_id IS NOT NULL AND v.concept_id <> 0 AND (c.standard_concept IS DISTINCT FROM 'S' OR c.invalid_reason IS NOT NULL), v.n, 0)) AS std,
         sum(IF(v.concept_id = 0, v.n, 0)) AS zero
  FROM (SELECT cdm_field, concept_id, count(*) AS n
        FROM (SELECT stack(4, 'modifier_concept_id', CAST(t.`modifier_concept_id` AS INT), 'procedure_concept_id', CAST(t.`procedure_concept_id` AS INT), 'procedure_source_concept_id', CAST(t.`procedure_source_concept_id` AS INT), 'procedure_type_concept_id', CAST(t.`procedure_type_concept_id` AS INT)) AS (cdm_field, concept_id) FROM curated.procedure_occurrence t)
        GROUP BY cdm_field, concept_id) v
  LEFT JOIN curated.concept c ON c.concept_id = v.concept_id
  GROUP BY v.cdm_field
)
LATERAL VIEW stack(3, 'is_foreign_key', fk, 'is_standard_valid_concept', std, 'standard_concept_record_completeness', zero) s AS check_name, violated_rows
UNION ALL
-- measurement: one scan for its row-level checks
SELECT 'measurement' AS cdm_table, check_name, cdm_field, violated_rows, total_rows
FROM (
  SELECT `total` AS total_rows, stack(20, 'is_required', 'measurement_concept_id', c0, 'is_required', 'measurement_date', c1, 'plausible_value_low', 'measurement_date', c2, 'plausible_value_high', 'measurement_date', c3, 'plausible_after_birth', 'measurement_date', c4, 'plausible_before_death', 'measurement_date', c5, 'within_visit_dates', 'measurement_date', c6, 'plausible_value_low', 'measurement_datetime', c7, 'plausible_value_high', 'measurement_datetime', c8, 'plausible_after_birth', 'measurement_datetime', c9, 'plausible_before_death', 'measurement_datetime', c10, 'is_required', 'measurement_id', c11, 'is_primary_key', 'measurement_id', pk_dupes, 'is_required', 'measurement_type_concept_id', c13, 'is_required', 'person_id', c14, 'is_foreign_key', 'person_id', c15, 'is_foreign_key', 'provider_id', c16, 'is_foreign_key', 'visit_detail_id', c17, 'is_foreign_key', 'visit_occurrence_id', c18, 'within_observation_period', 'measurement_date', c19) AS (check_name, cdm_field, violated_rows)
  FROM (SELECT count(*) AS `total`, count_if(t.`measurement_concept_id` IS NULL) AS c0, count_if(t.`measurement_date` IS NULL) AS c1, count_if(to_date(t.`measurement_date`) < DATE '1950-01-01') AS c2, count_if(to_date(t.`measurement_date`) > date_add(current_date(), 1)) AS c3, count_if(to_date(t.`measurement_date`) < coalesce(to_date(p.birth_datetime), make_date(p.year_of_birth, coalesce(p.month_of_birth, 1), coalesce(p.day_of_birth, 1)))) AS c4, count_if(to_date(t.`measurement_date`) > date_add(dth.death_date, 60)) AS c5, count_if(vis.visit_start_date IS NOT NULL AND (to_date(t.`measurement_date`) < date_sub(vis.visit_start_date, 7) OR to_date(t.`measurement_date`) > date_add(vis.visit_end_date, 7))) AS c6, count_if(to_date(t.`measurement_datetime`) < DATE '1950-01-01') AS c7, count_if(to_date(t.`measurement_datetime`) > date_add(current_date(), 1)) AS c8, count_if(to_date(t.`measurement_datetime`) < coalesce(to_date(p.birth_datetime), make_date(p.year_of_birth, coalesce(p.month_of_birth, 1), coalesce(p.day_of_birth, 1)))) AS c9, count_if(to_date(t.`measurement_datetime`) > date_add(dth.death_date, 60)) AS c10, count_if(t.`measurement_id` IS NULL) AS c11, count(*) - count(DISTINCT t.`measurement_id`) AS pk_dupes, count_if(t.`measurement_type_concept_id` IS NULL) AS c13, count_if(t.`person_id` IS NULL) AS c14, count_if(t.`person_id` IS NOT NULL AND fk_person_id.k IS NULL) AS c15, count_if(t.`provider_id` IS NOT NULL AND fk_provider_id.k IS NULL) AS c16, count_if(t.`visit_detail_id` IS NOT NULL AND fk_visit_detail_id.k IS NULL) AS c17, count_if(t.`visit_occurrence_id` IS NOT NULL AND fk_visit_occurrence_id.k IS NULL) AS c18, count_if(op.first_day IS NULL OR to_date(t.`measurement_date`) < op.first_day OR to_date(t.`measurement_date`) > op.last_day) AS c19
        FROM curated.measurement t
        
LEFT JOIN (SELECT DISTINCT `person_id` AS k FROM curated.person) fk_person_id ON fk_person_id.k = t.`person_id`        LEFT JOIN (SELECT DISTINCT `provider_id` AS k FROM curated.provider) fk_provider_id ON fk_provider_id.k = t.`provider_id`        LEFT JOIN (SELECT DISTINCT `visit_detail_id` AS k FROM curated.visit_detail) fk_visit_detail_id ON fk_visit_detail_id.k = t.`visit_detail_id`        LEFT JOIN (SELECT DISTINCT `visit_occurrence_id` AS k FROM curated.visit_occurrence) fk_visit_occurrence_id ON fk_visit_occurrence_id.k = t.`visit_occurrence_id`        LEFT JOIN curated.person p ON p.person_id = t.person_id        LEFT JOIN (SELECT person_id, min(death_date) AS death_date FROM curated.death GROUP BY person_id) dth ON dth.person_id = t.person_id        LEFT JOIN curated.visit_occurrence vis ON vis.visit_occurrence_id = t.visit_occurrence_id        LEFT JOIN (SELECT person_id, min(observation_period_start_date) AS first_day, max(observation_period_end_date) AS last_day FROM curated.observation_period GROUP BY person_id) op ON op.person_id = t.person_id)
)
UNION ALL
-- measurement: its concept fields, against the vocabulary in one join
SELECT 'measurement' AS cdm_table, check_name, cdm_field, violated_rows, total_rows
FROM (
  SELECT v.cdm_field, sum(v.n) AS total_rows,
         sum(IF(v.concept_id IS NOT NULL AND v.concept_id <> 0 AND c.concept_id IS NULL, v.n, 0)) AS fk,
         sum(IF(v.concept_id IS NOT NULL AND v.concept_id <> 0 AND (c.standard_concept IS DISTINCT FROM 'S' OR c.invalid_reason IS NOT NULL), v.n, 0)) AS std,
         sum(IF(v.concept_id = 0, v.n, 0)) AS zero
  FROM (SELECT cdm_field, concept_id, count(*) AS n
        FROM (SELECT stack(8, 'meas_event_field_concept_id', CAST(t.`meas_event_field_concept_id` AS INT), 'measurement_concept_id', CAST(t.`measurement_concept_id` AS INT), 'measurement_source_concept_id', CAST(t.`measurement_source_concept_id` AS INT), 'measurement_type_concept_id', CAST(t.`measurement_type_concept_id` AS INT), 'operator_concept_id', CAST(t.`operator_concept_id` AS INT), 'unit_concept_id', CAST(t.`unit_concept_id` AS INT), 'unit_source_concept_id', CAST(t.`unit_source_concept_id` AS INT), 'value_as_concept_id', CAST(t.`value_as_concept_id` AS INT)) AS (cdm_field, concept_id) FROM curated.measurement t)
        GROUP BY cdm_field, concept_id) v
  LEFT JOIN curated.concept c ON c.concept_id = v.concept_id
  GROUP BY v.cdm_field
)
LATERAL VIEW stack(3, 'is_foreign_key', fk, 'is_standard_valid_concept', std, 'standard_concept_record_completeness', zero) s AS check_name, violated_rows
UNION ALL
-- observation: one scan for its row-level checks
SELECT 'observation' AS cdm_table, check_name, cdm_field, violated_rows, total_rows
FROM (
  SELECT `total` AS total_rows, stack(20, 'is_required', 'observation_concept_id', c0, 'is_required', 'observation_date', c1, 'plausible_value_low', 'observation_date', c2, 'plausible_value_high', 'observation_date', c3, 'plausible_after_birth', 'observation_date', c4, 'plausible_before_death', 'observation_date', c5, 'within_visit_dates', 'observation_date', c6, 'plausible_value_low', 'observation_datetime', c7, 'plausible_value_high', 'observation_datetime', c8, 'plausible_after_birth', 'observation_datetime', c9, 'plausible_before_death', 'observation_datetime', c10, 'is_required', 'observation_id', c11, 'is_primary_key', 'observation_id', pk_dupes, 'is_required', 'observation_type_concept_id', c13, 'is_required', 'person_id', c14, 'is_foreign_key', 'person_id', c15, 'is_foreign_key', 'provider_id', c16, 'is_foreign_key', 'visit_detail_id', c17, 'is_foreign_key', 'visit_occurrence_id', c18, 'within_observation_period', 'observation_date', c19) AS (check_name, cdm_field, violated_rows)
  FROM (SELECT count(*) AS `total`, count_if(t.`observation_concept_id` IS NULL) AS c0, count_if(t.`observation_date` IS NULL) AS c1, count_if(to_date(t.`observation_date`) < DATE '1950-01-01') AS c2, count_if(to_date(t.`observation_date`) > date_add(current_date(), 1)) AS c3, count_if(to_date(t.`observation_date`) < coalesce(to_date(p.birth_datetime), make_date(p.year_of_birth, coalesce(p.month_of_birth, 1), coalesce(p.day_of_birth, 1)))) AS c4, count_if(to_date(t.`observation_date`) > date_add(dth.death_date, 60)) AS c5, count_if(vis.visit_start_date IS NOT NULL AND (to_date(t.`observation_date`) < date_sub(vis.visit_start_date, 7) OR to_date(t.`observation_date`) > date_add(vis.visit_end_date, 7))) AS c6, count_if(to_date(t.`observation_datetime`) < DATE '1950-01-01') AS c7, count_if(to_date(t.`observation_datetime`) > date_add(current_date(), 1)) AS c8, count_if(to_date(t.`observation_datetime`) < coalesce(to_date(p.birth_datetime), make_date(p.year_of_birth, coalesce(p.month_of_birth, 1), coalesce(p.day_of_birth, 1)))) AS c9, count_if(to_date(t.`observation_datetime`) > date_add(dth.death_date, 60)) AS c10, count_if(t.`observation_id` IS NULL) AS c11, count(*) - count(DISTINCT t.`observation_id`) AS pk_dupes, count_if(t.`observation_type_concept_id` IS NULL) AS c13, count_if(t.`person_id` IS NULL) AS c14, count_if(t.`person_id` IS NOT NULL AND fk_person_id.k IS NULL) AS c15, count_if(t.`provider_id` IS NOT NULL AND fk_provider_id.k IS NULL) AS c16, count_if(t.`visit_detail_id` IS NOT NULL AND fk_visit_detail_id.k IS NULL) AS c17, count_if(t.`visit_occurrence_id` IS NOT NULL AND fk_visit_occurrence_id.k IS NULL) AS c18, count_if(op.first_day IS NULL OR to_date(t.`observation_date`) < op.first_day OR to_date(t.`observation_date`) > op.last_day) AS c19
        FROM curated.observation t
        
LEFT JOIN (SELECT DISTINCT `person_id` AS k FROM curated.person) fk_person_id ON fk_person_id.k = t.`person_id`        LEFT JOIN (SELECT DISTINCT `provider_id` AS k FROM curated.provider) fk_provider_id ON fk_provider_id.k = t.`provider_id`        LEFT JOIN (SELECT DISTINCT `visit_detail_id` AS k FROM curated.visit_detail) fk_visit_detail_id ON fk_visit_detail_id.k = t.`visit_detail_id`        LEFT JOIN (SELECT DISTINCT `visit_occurrence_id` AS k FROM curated.visit_occurrence) fk_visit_occurrence_id ON fk_visit_occurrence_id.k = t.`visit_occurrence_id`        LEFT JOIN curated.person p ON p.person_id = t.person_id        LEFT JOIN (SELECT person_id, min(death_date) AS death_date FROM curated.death GROUP BY person_id) dth ON dth.person_id = t.person_id        LEFT JOIN curated.visit_occurrence vis ON vis.visit_occurrence_id = t.visit_occurrence_id        LEFT JOIN (SELECT person_id, min(observation_period_start_date) AS first_day, max(observation_period_end_date) AS last_day FROM curated.observation_period GROUP BY person_id) op ON op.person_id = t.person_id)
)
UNION ALL
-- observation: its concept fields, against the vocabulary in one join
SELECT 'observation' AS cdm_table, check_name, cdm_field, violated_rows, total_rows
FROM (
  SELECT v.cdm_field, sum(v.n) AS total_rows,
         sum(IF(v.concept_id IS NOT NULL AND v.concept_id <> 0 AND c.concept_id IS NULL, v.n, 0)) AS fk,
         sum(IF(v.concept_id IS NOT NULL AND v.concept_id <> 0 AND (c.standard_concept IS DISTINCT FROM 'S' OR c.invalid_reason IS NOT NULL), v.n, 0)) AS std,
         sum(IF(v.concept_id = 0, v.n, 0)) AS zero
  FROM (SELECT cdm_field, concept_id, count(*) AS n
        FROM (SELECT stack(7, 'obs_event_field_concept_id', CAST(t.`obs_event_field_concept_id` AS INT), 'observation_concept_id', CAST(t.`observation_concept_id` AS INT), 'observation_source_concept_id', CAST(t.`observation_source_concept_id` AS INT), 'observation_type_concept_id', CAST(t.`observation_type_concept_id` AS INT), 'qualifier_concept_id', CAST(t.`qualifier_concept_id` AS INT), 'unit_concept_id', CAST(t.`unit_concept_id` AS INT), 'value_as_concept_id', CAST(t.`value_as_concept_id` AS INT)) AS (cdm_field, concept_id) FROM curated.observation t)
        GROUP BY cdm_field, concept_id) v
  LEFT JOIN curated.concept c ON c.concept_id = v.concept_id
  GROUP BY v.cdm_field
)
LATERAL VIEW stack(3, 'is_foreign_key', fk, 'is_standard_valid_concept', std, 'standard_concept_record_completeness', zero) s AS check_name, violated_rows
UNION ALL
-- death: one scan for its row-level checks
SELECT 'death' AS cdm_table, check_name, cdm_field, violated_rows, total_rows
FROM (
  SELECT `total` AS total_rows, stack(9, 'is_required', 'death_date', c0, 'plausible_value_low', 'death_date', c1, 'plausible_value_high', 'death_date', c2, 'plausible_after_birth', 'death_date', c3, 'plausible_value_low', 'death_datetime', c4, 'plausible_value_high', 'death_datetime', c5, 'plausible_after_birth', 'death_datetime', c6, 'is_required', 'person_id', c7, 'is_foreign_key', 'person_id', c8) AS (check_name, cdm_field, violated_rows)
  FROM (SELECT count(*) AS `total`, count_if(t.`death_date` IS NULL) AS c0, count_if(to_date(t.`death_date`) < DATE '1950-01-01') AS c1, count_if(to_date(t.`death_date`) > date_add(current_date(), 1)) AS c2, count_if(to_date(t.`death_date`) < coalesce(to_date(p.birth_datetime), make_date(p.year_of_birth, coalesce(p.month_of_birth, 1), coalesce(p.day_of_birth, 1)))) AS c3, count_if(to_date(t.`death_datetime`) < DATE '1950-01-01') AS c4, count_if(to_date(t.`death_datetime`) > date_add(current_date(), 1)) AS c5, count_if(to_date(t.`death_datetime`) < coalesce(to_date(p.birth_datetime), make_date(p.year_of_birth, coalesce(p.month_of_birth, 1), coalesce(p.day_of_birth, 1)))) AS c6, count_if(t.`person_id` IS NULL) AS c7, count_if(t.`person_id` IS NOT NULL AND fk_person_id.k IS NULL) AS c8
        FROM curated.death t
        
LEFT JOIN (SELECT DISTINCT `person_id` AS k FROM curated.person) fk_person_id ON fk_person_id.k = t.`person_id`        LEFT JOIN curated.person p ON p.person_id = t.person_id)
)
UNION ALL
-- death: its concept fields, against the vocabulary in one join
SELECT 'death' AS cdm_table, check_name, cdm_field, violated_rows, total_rows
FROM (
  SELECT v.cdm_field, sum(v.n) AS total_rows,
         sum(IF(v.concept_id IS NOT NULL AND v.concept_id <> 0 AND c.concept_id IS NULL, v.n, 0)) AS fk,
         sum(IF(v.concept_id IS NOT NULL AND v.concept_id <> 0 AND (c.standard_concept IS DISTINCT FROM 'S' OR c.invalid_reason IS NOT NULL), v.n, 0)) AS std,
         sum(IF(v.concept_id = 0, v.n, 0)) AS zero
  FROM (SELECT cdm_field, concept_id, count(*) AS n
        FROM (SELECT stack(3, 'cause_concept_id', CAST(t.`cause_concept_id` AS INT), 'cause_source_concept_id', CAST(t.`cause_source_concept_id` AS INT), 'death_type_concept_id', CAST(t.`death_type_concept_id` AS INT)) AS (cdm_field, concept_id) FROM curated.death t)
        GROUP BY cdm_field, concept_id) v
  LEFT JOIN curated.concept c ON c.concept_id = v.concept_id
  GROUP BY v.cdm_field
)
LATERAL VIEW stack(3, 'is_foreign_key', fk, 'is_standard_valid_concept', std, 'standard_concept_record_completeness', zero) s AS check_name, violated_rows
UNION ALL
-- note: one scan for its row-level checks
SELECT 'note' AS cdm_table, check_name, cdm_field, violated_rows, total_rows
FROM (
  SELECT `total` AS total_rows, stack(23, 'is_required', 'encoding_concept_id', c0, 'is_required', 'language_concept_id', c1, 'is_required', 'note_class_concept_id', c2, 'is_required', 'note_date', c3, 'plausible_value_low', 'note_date', c4, 'plausible_value_high', 'note_date', c5, 'plausible_after_birth', 'note_date', c6, 'plausible_before_death', 'note_date', c7, 'within_visit_dates', 'note_date', c8, 'plausible_value_low', 'note_datetime', c9, 'plausible_value_high', 'note_datetime', c10, 'plausible_after_birth', 'note_datetime', c11, 'plausible_before_death', 'note_datetime', c12, 'is_required', 'note_id', c13, 'is_primary_key', 'note_id', pk_dupes, 'is_required', 'note_text', c15, 'is_required', 'note_type_concept_id', c16, 'is_required', 'person_id', c17, 'is_foreign_key', 'person_id', c18, 'is_foreign_key', 'provider_id', c19, 'is_foreign_key', 'visit_detail_id', c20, 'is_foreign_key', 'visit_occurrence_id', c21, 'within_observation_period', 'note_date', c22) AS (check_name, cdm_field, violated_rows)
  FROM (SELECT count(*) AS `total`, count_if(t.`encoding_concept_id` IS NULL) AS c0, count_if(t.`language_concept_id` IS NULL) AS c1, count_if(t.`note_class_concept_id` IS NULL) AS c2, count_if(t.`note_date` IS NULL) AS c3, count_if(to_date(t.`note_date`) < DATE '1950-01-01') AS c4, count_if(to_date(t.`note_date`) > date_add(current_date(), 1)) AS c5, count_if(to_date(t.`note_date`) < coalesce(to_date(p.birth_datetime), make_date(p.year_of_birth, coalesce(p.month_of_birth, 1), coalesce(p.day_of_birth, 1)))) AS c6, count_if(to_date(t.`note_date`) > date_add(dth.death_date, 60)) AS c7, count_if(vis.visit_start_date IS NOT NULL AND (to_date(t.`note_date`) < date_sub(vis.visit_start_date, 7) OR to_date(t.`note_date`) > date_add(vis.visit_end_date, 7))) AS c8, count_if(to_date(t.`note_datetime`) < DATE '1950-01-01') AS c9, count_if(to_date(t.`note_datetime`) > date_add(current_date(), 1)) AS c10, count_if(to_date(t.`note_datetime`) < coalesce(to_date(p.birth_datetime), make_date(p.year_of_birth, coalesce(p.month_of_birth, 1), coalesce(p.day_of_birth, 1)))) AS c11, count_if(to_date(t.`note_datetime`) > date_add(dth.death_date, 60)) AS c12, count_if(t.`note_id` IS NULL) AS c13, count(*) - count(DISTINCT t.`note_id`) AS pk_dupes, count_if(t.`note_text` IS NULL) AS c15, count_if(t.`note_type_concept_id` IS NULL) AS c16, count_if(t.`person_id` IS NULL) AS c17, count_if(t.`person_id` IS NOT NULL AND fk_person_id.k IS NULL) AS c18, count_if(t.`provider_id` IS NOT NULL AND fk_provider_id.k IS NULL) AS c19, count_if(t.`visit_detail_id` IS NOT NULL AND fk_visit_detail_id.k IS NULL) AS c20, count_if(t.`visit_occurrence_id` IS NOT NULL AND fk_visit_occurrence_id.k IS NULL) AS c21, count_if(op.first_day IS NULL OR to_date(t.`note_date`) < op.first_day OR to_date(t.`note_date`) > op.last_day) AS c22
        FROM curated.note t
        
LEFT JOIN (SELECT DISTINCT `person_id` AS k FROM curated.person) fk_person_id ON fk_person_id.k = t.`person_id`        LEFT JOIN (SELECT DISTINCT `provider_id` AS k FROM curated.provider) fk_provider_id ON fk_provider_id.k = t.`provider_id`        LEFT JOIN (SELECT DISTINCT `visit_detail_id` AS k FROM curated.visit_detail) fk_visit_detail_id ON fk_visit_detail_id.k = t.`visit_detail_id`        LEFT JOIN (SELECT DISTINCT `visit_occurrence_id` AS k FROM curated.visit_occurrence) fk_visit_occurrence_id ON fk_visit_occurrence_id.k = t.`visit_occurrence_id`        LEFT JOIN curated.person p ON p.person_id = t.person_id        LEFT JOIN (SELECT person_id, min(death_date) AS death_date FROM curated.death GROUP BY person_id) dth ON dth.person_id = t.person_id        LEFT JOIN curated.visit_occurrence vis ON vis.visit_occurrence_id = t.visit_occurrence_id        LEFT JOIN (SELECT person_id, min(observation_period_start_date) AS first_day, max(observation_period_end_date) AS last_day FROM curated.observation_period GROUP BY person_id) op ON op.person_id = t.person_id)
)
UNION ALL
-- note: its concept fields, against the vocabulary in one join
SELECT 'note' AS cdm_table, check_name, cdm_field, violated_rows, total_rows
FROM (
  SELECT v.cdm_field, sum(v.n) AS total_rows,
         sum(IF(v.concept_id IS NOT NULL AND v.concept_id <> 0 AND c.concept_id IS NULL, v.n, 0)) AS fk,
         sum(IF(v.concept_id IS NOT NULL AND v.concept_id <> 0 AND (c.standard_concept IS DISTINCT FROM 'S' OR c.invalid_reason IS NOT NULL), v.n, 0)) AS std,
         sum(IF(v.concept_id = 0, v.n, 0)) AS zero
  FROM (SELECT cdm_field, concept_id, count(*) AS n
        FROM (SELECT stack(5, 'encoding_concept_id', CAST(t.`encoding_concept_id` AS INT), 'language_concept_id', CAST(t.`language_concept_id` AS INT), 'note_class_concept_id', CAST(t.`note_class_concept_id` AS INT), 'note_event_field_concept_id', CAST(t.`note_event_field_concept_id` AS INT), 'note_type_concept_id', CAST(t.`note_type_concept_id` AS INT)) AS (cdm_field, concept_id) FROM curated.note t)
        GROUP BY cdm_field, concept_id) v
  LEFT JOIN curated.concept c ON c.concept_id = v.concept_id
  GROUP BY v.cdm_field
)
LATERAL VIEW stack(3, 'is_foreign_key', fk, 'is_standard_valid_concept', std, 'standard_concept_record_completeness', zero) s AS check_name, violated_rows
UNION ALL
-- specimen: one scan for its row-level checks
SELECT 'specimen' AS cdm_table, check_name, cdm_field, violated_rows, total_rows
FROM (
  SELECT `total` AS total_rows, stack(17, 'is_required', 'person_id', c0, 'is_foreign_key', 'person_id', c1, 'plausible_value_low', 'quantity', c2, 'is_required', 'specimen_concept_id', c3, 'is_required', 'specimen_date', c4, 'plausible_value_low', 'specimen_date', c5, 'plausible_value_high', 'specimen_date', c6, 'plausible_after_birth', 'specimen_date', c7, 'plausible_before_death', 'specimen_date', c8, 'plausible_value_low', 'specimen_datetime', c9, 'plausible_value_high', 'specimen_datetime', c10, 'plausible_after_birth', 'specimen_datetime', c11, 'plausible_before_death', 'specimen_datetime', c12, 'is_required', 'specimen_id', c13, 'is_primary_key', 'specimen_id', pk_dupes, 'is_required', 'specimen_type_concept_id', c15, 'within_observation_period', 'specimen_date', c16) AS (check_name, cdm_field, violated_rows)
  FROM (SELECT count(*) AS `total`, count_if(t.`person_id` IS NULL) AS c0, count_if(t.`person_id` IS NOT NULL AND fk_person_id.k IS NULL) AS c1, count_if(t.`quantity` < 1) AS c2, count_if(t.`specimen_concept_id` IS NULL) AS c3, count_if(t.`specimen_date` IS NULL) AS c4, count_if(to_date(t.`specimen_date`) < DATE '1950-01-01') AS c5, count_if(to_date(t.`specimen_date`) > date_add(current_date(), 1)) AS c6, count_if(to_date(t.`specimen_date`) < coalesce(to_date(p.birth_datetime), make_date(p.year_of_birth, coalesce(p.month_of_birth, 1), coalesce(p.day_of_birth, 1)))) AS c7, count_if(to_date(t.`specimen_date`) > date_add(dth.death_date, 60)) AS c8, count_if(to_date(t.`specimen_datetime`) < DATE '1950-01-01') AS c9, count_if(to_date(t.`specimen_datetime`) > date_add(current_date(), 1)) AS c10, count_if(to_date(t.`specimen_datetime`) < coalesce(to_date(p.birth_datetime), make_date(p.year_of_birth, coalesce(p.month_of_birth, 1), coalesce(p.day_of_birth, 1)))) AS c11, count_if(to_date(t.`specimen_datetime`) > date_add(dth.death_date, 60)) AS c12, count_if(t.`specimen_id` IS NULL) AS c13, count(*) - count(DISTINCT t.`specimen_id`) AS pk_dupes, count_if(t.`specimen_type_concept_id` IS NULL) AS c15, count_if(op.first_day IS NULL OR to_date(t.`specimen_date`) < op.first_day OR to_date(t.`specimen_date`) > op.last_day) AS c16
        FROM curated.specimen t
        
LEFT JOIN (SELECT DISTINCT `person_id` AS k FROM curated.person) fk_person_id ON fk_person_id.k = t.`person_id`        LEFT JOIN curated.person p ON p.person_id = t.person_id        LEFT JOIN (SELECT person_id, min(death_date) AS death_date FROM curated.death GROUP BY person_id) dth ON dth.person_id = t.person_id        LEFT JOIN (SELECT person_id, min(observation_period_start_date) AS first_day, max(observation_period_end_date) AS last_day FROM curated.observation_period GROUP BY person_id) op ON op.person_id = t.person_id)
)
UNION ALL
-- specimen: its concept fields, against the vocabulary in one join
SELECT 'specimen' AS cdm_table, check_name, cdm_field, violated_rows, total_rows
FROM (
  SELECT v.cdm_field, sum(v.n) AS total_rows,
         sum(IF(v.concept_id IS NOT NULL AND v.concept_id <> 0 AND c.concept_id IS NULL, v.n, 0)) AS fk,
         sum(IF(v.concept_id IS NOT NULL AND v.concept_id <> 0 AND (c.standard_concept IS DISTINCT FROM 'S' OR c.invalid_reason IS NOT NULL), v.n, 0)) AS std,
         sum(IF(v.concept_id = 0, v.n, 0)) AS zero
  FROM (SELECT cdm_field, concept_id, count(*) AS n
        FROM (SELECT stack(5, 'anatomic_site_concept_id', CAST(t.`anatomic_site_concept_id` AS INT), 'disease_status_concept_id', CAST(t.`disease_status_concept_id` AS INT), 'specimen_concept_id', CAST(t.`specimen_concept_id` AS INT), 'specimen_type_concept_id', CAST(t.`specimen_type_concept_id` AS INT), 'unit_concept_id', CAST(t.`unit_concept_id` AS INT)) AS (cdm_field, concept_id) FROM curated.specimen t)
        GROUP BY cdm_field, concept_id) v
  LEFT JOIN curated.concept c ON c.concept_id = v.concept_id
  GROUP BY v.cdm_field
)
LATERAL VIEW stack(3, 'is_foreign_key', fk, 'is_standard_valid_concept', std, 'standard_concept_record_completeness', zero) s AS check_name, violated_rows
UNION ALL
-- location: one scan for its row-level checks
SELECT 'location' AS cdm_table, check_name, cdm_field, violated_rows, total_rows
FROM (
  SELECT `total` AS total_rows, stack(2, 'is_required', 'location_id', c0, 'is_primary_key', 'location_id', pk_dupes) AS (check_name, cdm_field, violated_rows)
  FROM (SELECT count(*) AS `total`, count_if(t.`location_id` IS NULL) AS c0, count(*) - count(DISTINCT t.`location_id`) AS pk_dupes
        FROM curated.location t
        )
)
UNION ALL
-- location: its concept fields, against the vocabulary in one join
SELECT 'location' AS cdm_table, check_name, cdm_field, violated_rows, total_rows
FROM (
  SELECT v.cdm_field, sum(v.n) AS total_rows,
         sum(IF(v.concept_id IS NOT NULL AND v.concept_id <> 0 AND c.concept_id IS NULL, v.n, 0)) AS fk,
         sum(IF(v.concept_id IS NOT NULL AND v.concept_id <> 0 AND (c.standard_concept IS DISTINCT FROM 'S' OR c.invalid_reason IS NOT NULL), v.n, 0)) AS std,
         sum(IF(v.concept_id = 0, v.n, 0)) AS zero
  FROM (SELECT cdm_field, concept_id, count(*) AS n
        FROM (SELECT stack(1, 'country_concept_id', CAST(t.`country_concept_id` AS INT)) AS (cdm_field, concept_id) FROM curated.location t)
        GROUP BY cdm_field, concept_id) v
  LEFT JOIN curated.concept c ON c.concept_id = v.concept_id
  GROUP BY v.cdm_field
)
LATERAL VIEW stack(3, 'is_foreign_key', fk, 'is_standard_valid_concept', std, 'standard_concept_record_completeness', zero) s AS check_name, violated_rows
UNION ALL
-- care_site: one scan for its row-level checks
SELECT 'care_site' AS cdm_table, check_name, cdm_field, violated_rows, total_rows
FROM (
  SELECT `total` AS total_rows, stack(3, 'is_required', 'care_site_id', c0, 'is_primary_key', 'care_site_id', pk_dupes, 'is_foreign_key', 'location_id', c2) AS (check_name, cdm_field, violated_rows)
  FROM (SELECT count(*) AS `total`, count_if(t.`care_site_id` IS NULL) AS c0, count(*) - count(DISTINCT t.`care_site_id`) AS pk_dupes, count_if(t.`location_id` IS NOT NULL AND fk_location_id.k IS NULL) AS c2
        FROM curated.care_site t
        
LEFT JOIN (SELECT DISTINCT `location_id` AS k FROM curated.location) fk_location_id ON fk_location_id.k = t.`location_id`)
)
UNION ALL
-- care_site: its concept fields, against the vocabulary in one join
SELECT 'care_site' AS cdm_table, check_name, cdm_field, violated_rows, total_rows
FROM (
  SELECT v.cdm_field, sum(v.n) AS total_rows,
         sum(IF(v.concept_id IS NOT NULL AND v.concept_id <> 0 AND c.concept_id IS NULL, v.n, 0)) AS fk,
         sum(IF(v.concept_id IS NOT NULL AND v.concept_id <> 0 AND (c.standard_concept IS DISTINCT FROM 'S' OR c.invalid_reason IS NOT NULL), v.n, 0)) AS std,
         sum(IF(v.concept_id = 0, v.n, 0)) AS zero
  FROM (SELECT cdm_field, concept_id, count(*) AS n
        FROM (SELECT stack(1, 'place_of_service_concept_id', CAST(t.`place_of_service_concept_id` AS INT)) AS (cdm_field, concept_id) FROM curated.care_site t)
        GROUP BY cdm_field, concept_id) v
  LEFT JOIN curated.concept c ON c.concept_id = v.concept_id
  GROUP BY v.cdm_field
)
LATERAL VIEW stack(3, 'is_foreign_key', fk, 'is_standard_valid_concept', std, 'standard_concept_record_completeness', zero) s AS check_name, violated_rows
UNION ALL
-- provider: one scan for its row-level checks
SELECT 'provider' AS cdm_table, check_name, cdm_field, violated_rows, total_rows
FROM (
  SELECT `total` AS total_rows, stack(3, 'is_foreign_key', 'care_site_id', c0, 'is_required', 'provider_id', c1, 'is_primary_key', 'provider_id', pk_dupes) AS (check_name, cdm_field, violated_rows)
  FROM (SELECT count(*) AS `total`, count_if(t.`care_site_id` IS NOT NULL AND fk_care_site_id.k IS NULL) AS c0, count_if(t.`provider_id` IS NULL) AS c1, count(*) - count(DISTINCT t.`provider_id`) AS pk_dupes
        FROM curated.provider t
        
LEFT JOIN (SELECT DISTINCT `care_site_id` AS k FROM curated.care_site) fk_care_site_id ON fk_care_site_id.k = t.`care_site_id`)
)
UNION ALL
-- provider: its concept fields, against the vocabulary in one join
SELECT 'provider' AS cdm_table, check_name, cdm_field, violated_rows, total_rows
FROM (
  SELECT v.cdm_field, sum(v.n) AS total_rows,
         sum(IF(v.concept_id IS NOT NULL AND v.concept_id <> 0 AND c.concept_id IS NULL, v.n, 0)) AS fk,
         sum(IF(v.concept_id IS NOT NULL AND v.concept_id <> 0 AND (c.standard_concept IS DISTINCT FROM 'S' OR c.invalid_reason IS NOT NULL), v.n, 0)) AS std,
         sum(IF(v.concept_id = 0, v.n, 0)) AS zero
  FROM (SELECT cdm_field, concept_id, count(*) AS n
        FROM (SELECT stack(4, 'gender_concept_id', CAST(t.`gender_concept_id` AS INT), 'gender_source_concept_id', CAST(t.`gender_source_concept_id` AS INT), 'specialty_concept_id', CAST(t.`specialty_concept_id` AS INT), 'specialty_source_concept_id', CAST(t.`specialty_source_concept_id` AS INT)) AS (cdm_field, concept_id) FROM curated.provider t)
        GROUP BY cdm_field, concept_id) v
  LEFT JOIN curated.concept c ON c.concept_id = v.concept_id
  GROUP BY v.cdm_field
)
LATERAL VIEW stack(3, 'is_foreign_key', fk, 'is_standard_valid_concept', std, 'standard_concept_record_completeness', zero) s AS check_name, violated_rows
UNION ALL
-- condition_era: one scan for its row-level checks
SELECT 'condition_era' AS cdm_table, check_name, cdm_field, violated_rows, total_rows
FROM (
  SELECT `total` AS total_rows, stack(17, 'is_required', 'condition_concept_id', c0, 'is_required', 'condition_era_end_date', c1, 'plausible_value_low', 'condition_era_end_date', c2, 'plausible_value_high', 'condition_era_end_date', c3, 'plausible_after_birth', 'condition_era_end_date', c4, 'plausible_before_death', 'condition_era_end_date', c5, 'is_required', 'condition_era_id', c6, 'is_primary_key', 'condition_era_id', pk_dupes, 'is_required', 'condition_era_start_date', c8, 'plausible_value_low', 'condition_era_start_date', c9, 'plausible_value_high', 'condition_era_start_date', c10, 'plausible_start_before_end', 'condition_era_start_date', c11, 'plausible_after_birth', 'condition_era_start_date', c12, 'plausible_before_death', 'condition_era_start_date', c13, 'plausible_value_low', 'condition_occurrence_count', c14, 'is_required', 'person_id', c15, 'is_foreign_key', 'person_id', c16) AS (check_name, cdm_field, violated_rows)
  FROM (SELECT count(*) AS `total`, count_if(t.`condition_concept_id` IS NULL) AS c0, count_if(t.`condition_era_end_date` IS NULL) AS c1, count_if(to_date(t.`condition_era_end_date`) < DATE '1950-01-01') AS c2, count_if(to_date(t.`condition_era_end_date`) > date_add(current_date(), 1)) AS c3, count_if(to_date(t.`condition_era_end_date`) < coalesce(to_date(p.birth_datetime), make_date(p.year_of_birth, coalesce(p.month_of_birth, 1), coalesce(p.day_of_birth, 1)))) AS c4, count_if(to_date(t.`condition_era_end_date`) > date_add(dth.death_date, 60)) AS c5, count_if(t.`condition_era_id` IS NULL) AS c6, count(*) - count(DISTINCT t.`condition_era_id`) AS pk_dupes, count_if(t.`condition_era_start_date` IS NULL) AS c8, count_if(to_date(t.`condition_era_start_date`) < DATE '1950-01-01') AS c9, count_if(to_date(t.`condition_era_start_date`) > date_add(current_date(), 1)) AS c10, count_if(to_date(t.`condition_era_start_date`) > to_date(t.`condition_era_end_date`)) AS c11, count_if(to_date(t.`condition_era_start_date`) < coalesce(to_date(p.birth_datetime), make_date(p.year_of_birth, coalesce(p.month_of_birth, 1), coalesce(p.day_of_birth, 1)))) AS c12, count_if(to_date(t.`condition_era_start_date`) > date_add(dth.death_date, 60)) AS c13, count_if(t.`condition_occurrence_count` < 1) AS c14, count_if(t.`person_id` IS NULL) AS c15, count_if(t.`person_id` IS NOT NULL AND fk_person_id.k IS NULL) AS c16
        FROM curated.condition_era t
        
LEFT JOIN (SELECT DISTINCT `person_id` AS k FROM curated.person) fk_person_id ON fk_person_id.k = t.`person_id`        LEFT JOIN curated.person p ON p.person_id = t.person_id        LEFT JOIN (SELECT person_id, min(death_date) AS death_date FROM curated.death GROUP BY person_id) dth ON dth.person_id = t.person_id)
)
UNION ALL
-- condition_era: its concept fields, against the vocabulary in one join
SELECT 'condition_era' AS cdm_table, check_name, cdm_field, violated_rows, total_rows
FROM (
  SELECT v.cdm_field, sum(v.n) AS total_rows,
         sum(IF(v.concept_id IS NOT NULL AND v.concept_id <> 0 AND c.concept_id IS NULL, v.n, 0)) AS fk,
         sum(IF(v.concept_id IS NOT NULL AND v.concept_id <> 0 AND (c.standard_concept IS DISTINCT FROM 'S' OR c.invalid_reason IS NOT NULL), v.n, 0)) AS std,
         sum(IF(v.concept_id = 0, v.n, 0)) AS zero
  FROM (SELECT cdm_field, concept_id, count(*) AS n
        FROM (SELECT stack(1, 'condition_concept_id', CAST(t.`condition_concept_id` AS INT)) AS (cdm_field, concept_id) FROM curated.condition_era t)
        GROUP BY cdm_field, concept_id) v
  LEFT JOIN curated.concept c ON c.concept_id = v.concept_id
  GROUP BY v.cdm_field
)
LATERAL VIEW stack(3, 'is_foreign_key', fk, 'is_standard_valid_concept', std, 'standard_concept_record_completeness', zero) s AS check_name, violated_rows
UNION ALL
-- drug_era: one scan for its row-level checks
SELECT 'drug_era' AS cdm_table, check_name, cdm_field, violated_rows, total_rows
FROM (
  SELECT `total` AS total_rows, stack(18, 'is_required', 'drug_concept_id', c0, 'is_required', 'drug_era_end_date', c1, 'plausible_value_low', 'drug_era_end_date', c2, 'plausible_value_high', 'drug_era_end_date', c3, 'plausible_after_birth', 'drug_era_end_date', c4, 'plausible_before_death', 'drug_era_end_date', c5, 'is_required', 'drug_era_id', c6, 'is_primary_key', 'drug_era_id', pk_dupes, 'is_required', 'drug_era_start_date', c8, 'plausible_value_low', 'drug_era_start_date', c9, 'plausible_value_high', 'drug_era_start_date', c10, 'plausible_start_before_end', 'drug_era_start_date', c11, 'plausible_after_birth', 'drug_era_start_date', c12, 'plausible_before_death', 'drug_era_start_date', c13, 'plausible_value_low', 'drug_exposure_count', c14, 'plausible_value_low', 'gap_days', c15, 'is_required', 'person_id', c16, 'is_foreign_key', 'person_id', c17) AS (check_name, cdm_field, violated_rows)
  FROM (SELECT count(*) AS `total`, count_if(t.`drug_concept_id` IS NULL) AS c0, count_if(t.`drug_era_end_date` IS NULL) AS c1, count_if(to_date(t.`drug_era_end_date`) < DATE '1950-01-01') AS c2, count_if(to_date(t.`drug_era_end_date`) > date_add(current_date(), 1)) AS c3, count_if(to_date(t.`drug_era_end_date`) < coalesce(to_date(p.birth_datetime), make_date(p.year_of_birth, coalesce(p.month_of_birth, 1), coalesce(p.day_of_birth, 1)))) AS c4, count_if(to_date(t.`drug_era_end_date`) > date_add(dth.death_date, 60)) AS c5, count_if(t.`drug_era_id` IS NULL) AS c6, count(*) - count(DISTINCT t.`drug_era_id`) AS pk_dupes, count_if(t.`drug_era_start_date` IS NULL) AS c8, count_if(to_date(t.`drug_era_start_date`) < DATE '1950-01-01') AS c9, count_if(to_date(t.`drug_era_start_date`) > date_add(current_date(), 1)) AS c10, count_if(to_date(t.`drug_era_start_date`) > to_date(t.`drug_era_end_date`)) AS c11, count_if(to_date(t.`drug_era_start_date`) < coalesce(to_date(p.birth_datetime), make_date(p.year_of_birth, coalesce(p.month_of_birth, 1), coalesce(p.day_of_birth, 1)))) AS c12, count_if(to_date(t.`drug_era_start_date`) > date_add(dth.death_date, 60)) AS c13, count_if(t.`drug_exposure_count` < 1) AS c14, count_if(t.`gap_days` < 0) AS c15, count_if(t.`person_id` IS NULL) AS c16, count_if(t.`person_id` IS NOT NULL AND fk_person_id.k IS NULL) AS c17
        FROM curated.drug_era t
        
LEFT JOIN (SELECT DISTINCT `person_id` AS k FROM curated.person) fk_person_id ON fk_person_id.k = t.`person_id`        LEFT JOIN curated.person p ON p.person_id = t.person_id        LEFT JOIN (SELECT person_id, min(death_date) AS death_date FROM curated.death GROUP BY person_id) dth ON dth.person_id = t.person_id)
)
UNION ALL
-- drug_era: its concept fields, against the vocabulary in one join
SELECT 'drug_era' AS cdm_table, check_name, cdm_field, violated_rows, total_rows
FROM (
  SELECT v.cdm_field, sum(v.n) AS total_rows,
         sum(IF(v.concept_id IS NOT NULL AND v.concept_id <> 0 AND c.concept_id IS NULL, v.n, 0)) AS fk,
         sum(IF(v.concept_id IS NOT NULL AND v.concept_id <> 0 AND (c.standard_concept IS DISTINCT FROM 'S' OR c.invalid_reason IS NOT NULL), v.n, 0)) AS std,
         sum(IF(v.concept_id = 0, v.n, 0)) AS zero
  FROM (SELECT cdm_field, concept_id, count(*) AS n
        FROM (SELECT stack(1, 'drug_concept_id', CAST(t.`drug_concept_id` AS INT)) AS (cdm_field, concept_id) FROM curated.drug_era t)
        GROUP BY cdm_field, concept_id) v
  LEFT JOIN curated.concept c ON c.concept_id = v.concept_id
  GROUP BY v.cdm_field
)
LATERAL VIEW stack(3, 'is_foreign_key', fk, 'is_standard_valid_concept', std, 'standard_concept_record_completeness', zero) s AS check_name, violated_rows
UNION ALL
-- cdm_source: one scan for its row-level checks
SELECT 'cdm_source' AS cdm_table, check_name, cdm_field, violated_rows, total_rows
FROM (
  SELECT `total` AS total_rows, stack(11, 'is_required', 'cdm_holder', c0, 'is_required', 'cdm_release_date', c1, 'plausible_value_low', 'cdm_release_date', c2, 'plausible_value_high', 'cdm_release_date', c3, 'is_required', 'cdm_source_abbreviation', c4, 'is_required', 'cdm_source_name', c5, 'is_required', 'cdm_version_concept_id', c6, 'is_required', 'source_release_date', c7, 'plausible_value_low', 'source_release_date', c8, 'plausible_value_high', 'source_release_date', c9, 'is_required', 'vocabulary_version', c10) AS (check_name, cdm_field, violated_rows)
  FROM (SELECT count(*) AS `total`, count_if(t.`cdm_holder` IS NULL) AS c0, count_if(t.`cdm_release_date` IS NULL) AS c1, count_if(to_date(t.`cdm_release_date`) < DATE '2000-01-01') AS c2, count_if(to_date(t.`cdm_release_date`) > date_add(current_date(), 1)) AS c3, count_if(t.`cdm_source_abbreviation` IS NULL) AS c4, count_if(t.`cdm_source_name` IS NULL) AS c5, count_if(t.`cdm_version_concept_id` IS NULL) AS c6, count_if(t.`source_release_date` IS NULL) AS c7, count_if(to_date(t.`source_release_date`) < DATE '2000-01-01') AS c8, count_if(to_date(t.`source_release_date`) > date_add(current_date(), 1)) AS c9, count_if(t.`vocabulary_version` IS NULL) AS c10
        FROM curated.cdm_source t
        )
)
UNION ALL
-- cdm_source: its concept fields, against the vocabulary in one join
SELECT 'cdm_source' AS cdm_table, check_name, cdm_field, violated_rows, total_rows
FROM (
  SELECT v.cdm_field, sum(v.n) AS total_rows,
         sum(IF(v.concept_id IS NOT NULL AND v.concept_id <> 0 AND c.concept_id IS NULL, v.n, 0)) AS fk,
         sum(IF(v.concept_id IS NOT NULL AND v.concept_id <> 0 AND (c.standard_concept IS DISTINCT FROM 'S' OR c.invalid_reason IS NOT NULL), v.n, 0)) AS std,
         sum(IF(v.concept_id = 0, v.n, 0)) AS zero
  FROM (SELECT cdm_field, concept_id, count(*) AS n
        FROM (SELECT stack(1, 'cdm_version_concept_id', CAST(t.`cdm_version_concept_id` AS INT)) AS (cdm_field, concept_id) FROM curated.cdm_source t)
        GROUP BY cdm_field, concept_id) v
  LEFT JOIN curated.concept c ON c.concept_id = v.concept_id
  GROUP BY v.cdm_field
)
LATERAL VIEW stack(3, 'is_foreign_key', fk, 'is_standard_valid_concept', std, 'standard_concept_record_completeness', zero) s AS check_name, violated_rows
)
SELECT c.check_name, c.category, c.cdm_table, c.cdm_field,
       CAST(m.violated_rows AS BIGINT)                                   AS violated_rows,
       CAST(m.total_rows AS BIGINT)                                      AS total_rows,
       CAST(round(IF(m.total_rows = 0, 0, 100.0 * m.violated_rows / m.total_rows), 4) AS DOUBLE) AS violated_pct,
       CAST(c.threshold_pct AS DOUBLE)                                   AS threshold_pct,
       IF(m.total_rows > 0 AND 100.0 * m.violated_rows / m.total_rows > c.threshold_pct, 'FAIL', 'PASS') AS status,
       c.description
FROM checks c
JOIN measured m ON m.cdm_table = c.cdm_table AND m.cdm_field = c.cdm_field AND m.check_name = c.check_name
