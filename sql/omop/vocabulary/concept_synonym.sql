-- concept_synonym: the vocabulary table as read from the Athena export, beside the CDM tables.
SELECT concept_id, concept_synonym_name, language_concept_id
FROM clean.vocab_concept_synonym
