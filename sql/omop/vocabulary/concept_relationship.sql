-- concept_relationship: the vocabulary table as read from the Athena export, beside the CDM tables.
SELECT concept_id_1, concept_id_2, relationship_id, valid_start_date, valid_end_date, invalid_reason
FROM clean.vocab_concept_relationship
