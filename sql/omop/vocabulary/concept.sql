-- concept: the vocabulary table as read from the Athena export, beside the CDM tables.
SELECT concept_id, concept_name, domain_id, vocabulary_id, concept_class_id, standard_concept, concept_code, valid_start_date, valid_end_date, invalid_reason
FROM clean.vocab_concept
