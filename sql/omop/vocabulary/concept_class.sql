-- concept_class: the vocabulary table as read from the Athena export, beside the CDM tables.
SELECT concept_class_id, concept_class_name, concept_class_concept_id
FROM clean.vocab_concept_class
