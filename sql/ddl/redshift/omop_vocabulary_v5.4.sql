-- Vocabulary tables
-- OMOP CDM v5.4 for Amazon Redshift, with the column names, order, types and NOT NULL of the
-- specification. Event and person ids are BIGINT (Strata builds them from MIMIC row ids); concept ids stay
-- INTEGER. Run with the target schema on the search_path; the staged Parquet loads with
--   COPY <table> FROM 's3://<bucket>/<lake>/staging/omop/<table>.manifest' IAM_ROLE '<role>' FORMAT AS PARQUET MANIFEST;

CREATE TABLE IF NOT EXISTS concept (
    concept_id INTEGER NOT NULL,
    concept_name VARCHAR(255) NOT NULL,
    domain_id VARCHAR(20) NOT NULL,
    vocabulary_id VARCHAR(20) NOT NULL,
    concept_class_id VARCHAR(20) NOT NULL,
    standard_concept VARCHAR(1),
    concept_code VARCHAR(50) NOT NULL,
    valid_start_date DATE NOT NULL,
    valid_end_date DATE NOT NULL,
    invalid_reason VARCHAR(1)
)
DISTKEY (concept_id);

CREATE TABLE IF NOT EXISTS vocabulary (
    vocabulary_id VARCHAR(20) NOT NULL,
    vocabulary_name VARCHAR(255) NOT NULL,
    vocabulary_reference VARCHAR(255),
    vocabulary_version VARCHAR(255),
    vocabulary_concept_id INTEGER NOT NULL
)
DISTSTYLE ALL;

CREATE TABLE IF NOT EXISTS domain (
    domain_id VARCHAR(20) NOT NULL,
    domain_name VARCHAR(255) NOT NULL,
    domain_concept_id INTEGER NOT NULL
)
DISTSTYLE ALL;

CREATE TABLE IF NOT EXISTS concept_class (
    concept_class_id VARCHAR(20) NOT NULL,
    concept_class_name VARCHAR(255) NOT NULL,
    concept_class_concept_id INTEGER NOT NULL
)
DISTSTYLE ALL;

CREATE TABLE IF NOT EXISTS concept_relationship (
    concept_id_1 INTEGER NOT NULL,
    concept_id_2 INTEGER NOT NULL,
    relationship_id VARCHAR(20) NOT NULL,
    valid_start_date DATE NOT NULL,
    valid_end_date DATE NOT NULL,
    invalid_reason VARCHAR(1)
)
DISTKEY (concept_id_1);

CREATE TABLE IF NOT EXISTS relationship (
    relationship_id VARCHAR(20) NOT NULL,
    relationship_name VARCHAR(255) NOT NULL,
    is_hierarchical VARCHAR(1) NOT NULL,
    defines_ancestry VARCHAR(1) NOT NULL,
    reverse_relationship_id VARCHAR(20) NOT NULL,
    relationship_concept_id INTEGER NOT NULL
)
DISTSTYLE ALL;

CREATE TABLE IF NOT EXISTS concept_synonym (
    concept_id INTEGER NOT NULL,
    concept_synonym_name VARCHAR(1000) NOT NULL,
    language_concept_id INTEGER NOT NULL
)
DISTKEY (concept_id);

CREATE TABLE IF NOT EXISTS concept_ancestor (
    ancestor_concept_id INTEGER NOT NULL,
    descendant_concept_id INTEGER NOT NULL,
    min_levels_of_separation INTEGER NOT NULL,
    max_levels_of_separation INTEGER NOT NULL
)
DISTKEY (ancestor_concept_id);

CREATE TABLE IF NOT EXISTS drug_strength (
    drug_concept_id INTEGER NOT NULL,
    ingredient_concept_id INTEGER NOT NULL,
    amount_value FLOAT,
    amount_unit_concept_id INTEGER,
    numerator_value FLOAT,
    numerator_unit_concept_id INTEGER,
    denominator_value FLOAT,
    denominator_unit_concept_id INTEGER,
    box_size INTEGER,
    valid_start_date DATE NOT NULL,
    valid_end_date DATE NOT NULL,
    invalid_reason VARCHAR(1)
)
DISTKEY (drug_concept_id);
