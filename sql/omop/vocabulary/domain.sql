-- domain: the vocabulary table as read from the Athena export, beside the CDM tables.
SELECT domain_id, domain_name, domain_concept_id
FROM clean.vocab_domain
