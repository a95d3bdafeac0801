-- provider: one row per caregiver (CAREGIVERS.CGID); the label (RN, MD, ...) is kept as the specialty source.
SELECT CAST(cgid AS BIGINT)       AS provider_id,
       CAST(NULL AS STRING)       AS provider_name,
       CAST(NULL AS STRING)       AS npi,
       CAST(NULL AS STRING)       AS dea,
       CAST(0 AS INT)             AS specialty_concept_id,
       CAST(NULL AS BIGINT)       AS care_site_id,
       CAST(NULL AS INT)          AS year_of_birth,
       CAST(0 AS INT)             AS gender_concept_id,
       CAST(cgid AS STRING)       AS provider_source_value,
       label                      AS specialty_source_value,
       CAST(0 AS INT)             AS specialty_source_concept_id,
       CAST(NULL AS STRING)       AS gender_source_value,
       CAST(0 AS INT)             AS gender_source_concept_id
FROM clean.mimic_caregivers
