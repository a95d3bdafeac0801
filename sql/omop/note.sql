-- note: one row per note of NOTEEVENTS not flagged as an error; note_id is ROW_ID. The note text is kept
-- only when the run sets note_text to true (`strata omop --note-text`); otherwise note_text is empty,
-- as the CDM requires a value. The category gives the note class (mapping MIMIC_NOTE_CATEGORY). A HADM_ID that
-- names no admission of the clean zone leaves visit_occurrence_id empty; the note is kept (README.md, orphans).
SELECT CAST(n.row_id AS BIGINT)                      AS note_id,
       CAST(n.subject_id AS BIGINT)                  AS person_id,
       to_date(n.chartdate)                          AS note_date,
       CAST(coalesce(n.charttime, n.chartdate) AS TIMESTAMP) AS note_datetime,
       CAST(32817 AS INT)                            AS note_type_concept_id,
       CAST(coalesce(m.concept_id, 0) AS INT)        AS note_class_concept_id,
       substr(concat_ws(': ', n.category, n.description), 1, 250) AS note_title,
       IF(${note_text}, coalesce(n.text, ''), '')    AS note_text,
       CAST(32678 AS INT)                            AS encoding_concept_id,
       CAST(4180186 AS INT)                          AS language_concept_id,
       CAST(n.cgid AS BIGINT)                        AS provider_id,
       CAST(va.hadm_id AS BIGINT)                    AS visit_occurrence_id,
       CAST(NULL AS BIGINT)                          AS visit_detail_id,
       substr(n.category, 1, 50)                     AS note_source_value,
       CAST(NULL AS BIGINT)                          AS note_event_id,
       CAST(0 AS INT)                                AS note_event_field_concept_id
FROM clean.mimic_noteevents n
JOIN clean.mimic_patients p ON p.subject_id = n.subject_id
LEFT JOIN clean.mimic_admissions va ON va.hadm_id = n.hadm_id
LEFT JOIN work.local_map m ON m.vocabulary = 'MIMIC_NOTE_CATEGORY' AND m.code = upper(trim(n.category))
WHERE n.chartdate IS NOT NULL AND coalesce(n.iserror, '') <> '1'
