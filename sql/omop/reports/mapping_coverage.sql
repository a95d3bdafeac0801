-- omop_mapping_coverage: per CDM field and source vocabulary, how many rows got a concept.
SELECT cdm_table,
       cdm_field,
       source_vocabulary,
       count(*)                                           AS rows,
       count_if(concept_id <> 0)                          AS mapped_rows,
       round(count_if(concept_id <> 0) / count(*), 4)     AS mapped_share,
       count(DISTINCT source_value)                       AS source_codes,
       count(DISTINCT IF(concept_id = 0, source_value, NULL)) AS unmapped_codes
FROM work.omop_mapped_values
GROUP BY cdm_table, cdm_field, source_vocabulary
