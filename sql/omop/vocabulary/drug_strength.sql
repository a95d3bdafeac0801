-- drug_strength: the vocabulary table as read from the Athena export, beside the CDM tables.
SELECT drug_concept_id, ingredient_concept_id, amount_value, amount_unit_concept_id, numerator_value, numerator_unit_concept_id, denominator_value, denominator_unit_concept_id, box_size, valid_start_date, valid_end_date, invalid_reason
FROM clean.vocab_drug_strength
