-- concept_ancestor: the vocabulary table as read from the Athena export, beside the CDM tables.
SELECT ancestor_concept_id, descendant_concept_id, min_levels_of_separation, max_levels_of_separation
FROM clean.vocab_concept_ancestor
