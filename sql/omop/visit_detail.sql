-- visit_detail: one row per ICU stay; visit_detail_id is ICUSTAY_ID, inside the admission's visit. The
-- first care unit gives the concept (mapping MIMIC_CAREUNIT) and the care site.
SELECT CAST(i.icustay_id AS BIGINT)              AS visit_detail_id,
       CAST(i.subject_id AS BIGINT)              AS person_id,
       CAST(coalesce(u.concept_id, 0) AS INT)    AS visit_detail_concept_id,
       to_date(i.intime)                         AS visit_detail_start_date,
       i.intime                                  AS visit_detail_start_datetime,
       to_date(coalesce(i.outtime, a.dischtime)) AS visit_detail_end_date,
       coalesce(i.outtime, a.dischtime)          AS visit_detail_end_datetime,
       CAST(32817 AS INT)                        AS visit_detail_type_concept_id,
       CAST(NULL AS BIGINT)                      AS provider_id,
       CAST(xxhash64('care_site', i.first_careunit) & 9223372036854775807 AS BIGINT) AS care_site_id,
       i.first_careunit                          AS visit_detail_source_value,
       CAST(0 AS INT)                            AS visit_detail_source_concept_id,
       CAST(0 AS INT)                            AS admitted_from_concept_id,
       CAST(NULL AS STRING)                      AS admitted_from_source_value,
       CAST(NULL AS STRING)                      AS discharged_to_source_value,
       CAST(0 AS INT)                            AS discharged_to_concept_id,
       CAST(lag(i.icustay_id) OVER (PARTITION BY i.hadm_id ORDER BY i.intime, i.icustay_id) AS BIGINT)
                                                 AS preceding_visit_detail_id,
       CAST(NULL AS BIGINT)                      AS parent_visit_detail_id,
       CAST(i.hadm_id AS BIGINT)                 AS visit_occurrence_id
FROM clean.mimic_icustays i
JOIN clean.mimic_admissions a ON a.hadm_id = i.hadm_id
LEFT JOIN work.local_map u ON u.vocabulary = 'MIMIC_CAREUNIT' AND u.code = upper(trim(i.first_careunit))
