-- cdm_source: what this CDM instance is. The vocabulary version is the one the vocabulary itself states
-- (VOCABULARY row 'None'); the source release is MIMIC-III v1.4 (2016-09-02).
SELECT 'MIMIC-III Clinical Database v1.4'                   AS cdm_source_name,
       'MIMIC-III'                                          AS cdm_source_abbreviation,
       'MIT Laboratory for Computational Physiology'        AS cdm_holder,
       'Deidentified ICU data of Beth Israel Deaconess Medical Center, converted by Strata' AS source_description,
       'https://mimic.mit.edu/docs/iii/'                    AS source_documentation_reference,
       'sql/omop/ in the Strata repository'                 AS cdm_etl_reference,
       DATE '2016-09-02'                                    AS source_release_date,
       current_date()                                       AS cdm_release_date,
       'v5.4'                                               AS cdm_version,
       CAST(756265 AS INT)                                  AS cdm_version_concept_id,
       coalesce((SELECT max(vocabulary_version) FROM clean.vocab_vocabulary WHERE vocabulary_id = 'None'),
                'unknown')                                  AS vocabulary_version
