-- relationship: the vocabulary table as read from the Athena export, beside the CDM tables.
SELECT relationship_id, relationship_name, is_hierarchical, defines_ancestry, reverse_relationship_id, relationship_concept_id
FROM clean.vocab_relationship
