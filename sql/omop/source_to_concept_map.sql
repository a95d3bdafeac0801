-- source_to_concept_map: the local mappings this conversion used (MIMIC itemids, units, admission types,
-- care units, ...), in the CDM's own table for them. Local codes have no source concept (0).
SELECT source_code,
       CAST(0 AS INT)          AS source_concept_id,
       source_vocabulary_id,
       source_code_description,
       target_concept_id,
       coalesce(target_vocabulary_id, 'None') AS target_vocabulary_id,
       coalesce(valid_start_date, DATE '1970-01-01') AS valid_start_date,
       coalesce(valid_end_date, DATE '2099-12-31')   AS valid_end_date,
       invalid_reason
FROM clean.mimic_mappings
