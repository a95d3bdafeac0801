-- death: patients with a date of death. An in-hospital death (DOD_HOSP, with the admission's DEATHTIME)
-- is typed EHR; a death known only from the Social Security record (DOD_SSN) is typed as a registry
-- record (32879).
WITH hospital_death AS (
  SELECT subject_id, max(deathtime) AS deathtime
  FROM clean.mimic_admissions
  WHERE deathtime IS NOT NULL
  GROUP BY subject_id
)
SELECT CAST(p.subject_id AS BIGINT)                         AS person_id,
       to_date(coalesce(p.dod, p.dod_hosp, p.dod_ssn))     AS death_date,
       CAST(h.deathtime AS TIMESTAMP)                      AS death_datetime,
       CAST(IF(p.dod_hosp IS NOT NULL OR h.deathtime IS NOT NULL, 32817, 32879) AS INT) AS death_type_concept_id,
       CAST(0 AS INT)                                      AS cause_concept_id,
       CAST(NULL AS STRING)                                AS cause_source_value,
       CAST(0 AS INT)                                      AS cause_source_concept_id
FROM clean.mimic_patients p
LEFT JOIN hospital_death h ON h.subject_id = p.subject_id
WHERE coalesce(p.dod, p.dod_hosp, p.dod_ssn) IS NOT NULL
