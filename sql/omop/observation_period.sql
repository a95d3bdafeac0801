-- observation_period: one period per person, from the earliest to the latest day the person is seen in
-- the hospital: admissions and ICU stays, and events outside them (labs drawn before an admission).
-- period_type_concept_id is EHR; observation_period_id is the person_id.
WITH seen AS (
  SELECT person_id, visit_start_date AS first_day, visit_end_date AS last_day FROM curated.visit_occurrence
  UNION ALL SELECT person_id, visit_detail_start_date, visit_detail_end_date FROM curated.visit_detail
  UNION ALL SELECT person_id, min(measurement_date), max(measurement_date) FROM curated.measurement GROUP BY person_id
  UNION ALL SELECT person_id, min(drug_exposure_start_date), max(drug_exposure_end_date) FROM curated.drug_exposure GROUP BY person_id
  UNION ALL SELECT person_id, min(specimen_date), max(specimen_date) FROM curated.specimen GROUP BY person_id
  UNION ALL SELECT person_id, min(note_date), max(note_date) FROM curated.note GROUP BY person_id
)
SELECT CAST(s.person_id AS BIGINT)       AS observation_period_id,
       CAST(s.person_id AS BIGINT)       AS person_id,
       min(s.first_day)                  AS observation_period_start_date,
       greatest(max(s.last_day), max(s.first_day)) AS observation_period_end_date,
       CAST(32817 AS INT)                AS period_type_concept_id
FROM seen s
JOIN curated.person p ON p.person_id = s.person_id
WHERE s.first_day IS NOT NULL
GROUP BY s.person_id
