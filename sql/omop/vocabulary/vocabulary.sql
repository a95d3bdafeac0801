-- vocabulary: the vocabulary table as read from the Athena export, beside the CDM tables.
SELECT vocabulary_id, vocabulary_name, vocabulary_reference, vocabulary_version, vocabulary_concept_id
FROM clean.vocab_vocabulary
