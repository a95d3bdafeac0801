-- person: one row per MIMIC-III patient; person_id is SUBJECT_ID.
-- MIMIC-III shifts the birth date of patients older than 89 so that they appear about 300 years old; for
-- them the year of birth becomes the year of the first admission minus 91 (the median age MIMIC reports
-- for that group) and month, day and birth time are left empty rather than invented.
-- Race and ethnicity come from the ethnicity recorded at the first admission.
WITH first_admission AS (
  SELECT subject_id, admittime, ethnicity
  FROM (SELECT subject_id, admittime, ethnicity,
               row_number() OVER (PARTITION BY subject_id ORDER BY admittime, hadm_id) AS n
        FROM clean.mimic_admissions)
  WHERE n = 1
), born AS (
  SELECT p.*, f.admittime AS first_admittime, f.ethnicity,
         (f.admittime IS NOT NULL AND year(f.admittime) - year(p.dob) > 120) AS age_masked
  FROM clean.mimic_patients p
  LEFT JOIN first_admission f ON f.subject_id = p.subject_id
)
SELECT CAST(b.subject_id AS BIGINT)                                     AS person_id,
       CAST(coalesce(g.concept_id, 0) AS INT)                          AS gender_concept_id,
       CAST(IF(b.age_masked, year(b.first_admittime) - 91, year(b.dob)) AS INT) AS year_of_birth,
       CAST(IF(b.age_masked, NULL, month(b.dob)) AS INT)               AS month_of_birth,
       CAST(IF(b.age_masked, NULL, day(b.dob)) AS INT)                 AS day_of_birth,
       CAST(IF(b.age_masked, NULL, b.dob) AS TIMESTAMP)                AS birth_datetime,
       CAST(coalesce(r.concept_id, 0) AS INT)                          AS race_concept_id,
       CAST(coalesce(e.concept_id, 0) AS INT)                          AS ethnicity_concept_id,
       CAST(NULL AS BIGINT)                                            AS location_id,
       CAST(NULL AS BIGINT)                                            AS provider_id,
       CAST(NULL AS BIGINT)                                            AS care_site_id,
       CAST(b.subject_id AS STRING)                                    AS person_source_value,
       b.gender                                                        AS gender_source_value,
       CAST(0 AS INT)                                                  AS gender_source_concept_id,
       b.ethnicity                                                     AS race_source_value,
       CAST(0 AS INT)                                                  AS race_source_concept_id,
       b.ethnicity                                                     AS ethnicity_source_value,
       CAST(0 AS INT)                                                  AS ethnicity_source_concept_id
FROM born b
LEFT JOIN work.local_map g ON g.vocabulary = 'MIMIC_GENDER' AND g.code = upper(trim(b.gender))
LEFT JOIN work.local_map r ON r.vocabulary = 'MIMIC_RACE' AND r.code = upper(trim(b.ethnicity))
LEFT JOIN work.local_map e ON e.vocabulary = 'MIMIC_ETHNICITY' AND e.code = upper(trim(b.ethnicity))
