-- work.local_map: the local mapping tables (source_to_concept_map style) as one lookup, one target per
-- source code: keys are upper-cased and trimmed so 'mg/dL' and 'MG/DL ' find the same row.
SELECT upper(trim(source_vocabulary_id)) AS vocabulary,
       upper(trim(source_code))          AS code,
       min(target_concept_id)            AS concept_id
FROM clean.mimic_mappings
WHERE invalid_reason IS NULL
GROUP BY upper(trim(source_vocabulary_id)), upper(trim(source_code))
