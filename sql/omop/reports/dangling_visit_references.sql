-- omop_dangling_visit_references: per MIMIC table and column, the rows whose HADM_ID or ICUSTAY_ID names an
-- admission or ICU stay that the clean zone does not hold. Such a row is kept with an empty
-- visit_occurrence_id / visit_detail_id (README.md, orphans); this report counts them. The tables that take
-- their dates from the admission (DIAGNOSES_ICD, PROCEDURES_ICD, CPTEVENTS, DRGCODES) and ICUSTAYS are
-- quarantined instead by their referential rule, and counted in the run's ledger.
WITH admissions AS (SELECT DISTINCT hadm_id FROM clean.mimic_admissions),
icustays AS (SELECT DISTINCT icustay_id FROM clean.mimic_icustays),
refs AS (
  SELECT 'PRESCRIPTIONS' AS source_table, hadm_id, icustay_id FROM clean.mimic_prescriptions
  UNION ALL SELECT 'LABEVENTS', hadm_id, CAST(NULL AS BIGINT) FROM clean.mimic_labevents
  UNION ALL SELECT 'CHARTEVENTS', hadm_id, icustay_id FROM clean.mimic_chartevents
  UNION ALL SELECT 'MICROBIOLOGYEVENTS', hadm_id, CAST(NULL AS BIGINT) FROM clean.mimic_microbiologyevents
  UNION ALL SELECT 'INPUTEVENTS_MV', hadm_id, icustay_id FROM clean.mimic_inputevents_mv
  UNION ALL SELECT 'INPUTEVENTS_CV', hadm_id, icustay_id FROM clean.mimic_inputevents_cv
  UNION ALL SELECT 'NOTEEVENTS', hadm_id, CAST(NULL AS BIGINT) FROM clean.mimic_noteevents
  UNION ALL SELECT 'DATETIMEEVENTS', hadm_id, icustay_id FROM clean.mimic_datetimeevents
)
SELECT r.source_table,
       CAST(count(*) AS BIGINT)                                               AS rows,
       CAST(count_if(r.hadm_id IS NOT NULL AND a.hadm_id IS NULL) AS BIGINT)  AS dangling_hadm_id,
       CAST(count_if(r.icustay_id IS NOT NULL AND i.icustay_id IS NULL) AS BIGINT) AS dangling_icustay_id
FROM refs r
LEFT JOIN admissions a ON a.hadm_id = r.hadm_id
LEFT JOIN icustays i ON i.icustay_id = r.icustay_id
GROUP BY r.source_table
