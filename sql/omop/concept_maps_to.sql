-- work.concept_maps_to: every valid source concept with its standard target(s) by 'Maps to', and every
-- valid standard concept with itself (so a source code that is already standard needs no mapping row).
SELECT cr.concept_id_1 AS source_concept_id,
       c.concept_id    AS target_concept_id,
       c.domain_id     AS target_domain_id
FROM clean.vocab_concept_relationship cr
JOIN clean.vocab_concept c ON c.concept_id = cr.concept_id_2
WHERE cr.relationship_id = 'Maps to'
  AND cr.invalid_reason IS NULL
  AND c.invalid_reason IS NULL
  AND c.standard_concept = 'S'
UNION
SELECT concept_id, concept_id, domain_id
FROM clean.vocab_concept
WHERE standard_concept = 'S' AND invalid_reason IS NULL
