-- care_site: the hospital, and each care unit that ICU stays and transfers name. Ids are a 63-bit hash of
-- the name, so they do not change when units are added.
WITH units AS (
  SELECT first_careunit AS unit FROM clean.mimic_icustays WHERE first_careunit IS NOT NULL
  UNION SELECT last_careunit FROM clean.mimic_icustays WHERE last_careunit IS NOT NULL
  UNION SELECT curr_careunit FROM clean.mimic_transfers WHERE curr_careunit IS NOT NULL
)
SELECT CAST(xxhash64('care_site', 'BIDMC') & 9223372036854775807 AS BIGINT) AS care_site_id,
       'Beth Israel Deaconess Medical Center' AS care_site_name,
       CAST(8717 AS INT)                      AS place_of_service_concept_id,
       CAST(1 AS BIGINT)                      AS location_id,
       'BIDMC'                                AS care_site_source_value,
       'Inpatient Hospital'                   AS place_of_service_source_value
UNION ALL
SELECT CAST(xxhash64('care_site', u.unit) & 9223372036854775807 AS BIGINT),
       u.unit,
       CAST(coalesce(m.concept_id, 0) AS INT),
       CAST(1 AS BIGINT),
       u.unit,
       u.unit
FROM units u
LEFT JOIN work.local_map m ON m.vocabulary = 'MIMIC_CAREUNIT' AND m.code = upper(trim(u.unit))
