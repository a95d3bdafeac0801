-- visit_occurrence: one row per hospital admission; visit_occurrence_id is HADM_ID. The admission type
-- gives the visit concept (EMERGENCY -> Emergency Room and Inpatient Visit, ELECTIVE -> Inpatient Visit).
SELECT CAST(a.hadm_id AS BIGINT)                 AS visit_occurrence_id,
       CAST(a.subject_id AS BIGINT)              AS person_id,
       CAST(coalesce(t.concept_id, 0) AS INT)    AS visit_concept_id,
       to_date(a.admittime)                      AS visit_start_date,
       a.admittime                               AS visit_start_datetime,
       to_date(a.dischtime)                      AS visit_end_date,
       a.dischtime                               AS visit_end_datetime,
       CAST(32817 AS INT)                        AS visit_type_concept_id,
       CAST(NULL AS BIGINT)                      AS provider_id,
       CAST(xxhash64('care_site', 'BIDMC') & 9223372036854775807 AS BIGINT) AS care_site_id,
       a.admission_type                          AS visit_source_value,
       CAST(0 AS INT)                            AS visit_source_concept_id,
       CAST(coalesce(f.concept_id, 0) AS INT)    AS admitted_from_concept_id,
       a.admission_location                      AS admitted_from_source_value,
       CAST(coalesce(d.concept_id, 0) AS INT)    AS discharged_to_concept_id,
       a.discharge_location                      AS discharged_to_source_value,
       CAST(lag(a.hadm_id) OVER (PARTITION BY a.subject_id ORDER BY a.admittime, a.hadm_id) AS BIGINT)
                                                 AS preceding_visit_occurrence_id
FROM clean.mimic_admissions a
JOIN clean.mimic_patients p ON p.subject_id = a.subject_id
LEFT JOIN work.local_map t ON t.vocabulary = 'MIMIC_ADMISSION_TYPE' AND t.code = upper(trim(a.admission_type))
LEFT JOIN work.local_map f ON f.vocabulary = 'MIMIC_ADMISSION_LOCATION' AND f.code = upper(trim(a.admission_location))
LEFT JOIN work.local_map d ON d.vocabulary = 'MIMIC_DISCHARGE_LOCATION' AND d.code = upper(trim(a.discharge_location))
