-- CDM tables (clinical, health system, derived, metadata)
-- OMOP CDM v5.4 for Amazon Redshift, with the column names, order, types and NOT NULL of the
-- specification. Event and person ids are BIGINT (Strata builds them from MIMIC row ids); concept ids stay
-- INTEGER. Run with the target schema on the search_path; the staged Parquet loads with
--   COPY <table> FROM 's3://<bucket>/<lake>/staging/omop/<table>.manifest' IAM_ROLE '<role>' FORMAT AS PARQUET MANIFEST;

CREATE TABLE IF NOT EXISTS person (
    person_id BIGINT NOT NULL,
    gender_concept_id INTEGER NOT NULL,
    year_of_birth INTEGER NOT NULL,
    month_of_birth INTEGER,
    day_of_birth INTEGER,
    birth_datetime TIMESTAMP,
    race_concept_id INTEGER NOT NULL,
    ethnicity_concept_id INTEGER NOT NULL,
    location_id BIGINT,
    provider_id BIGINT,
    care_site_id BIGINT,
    person_source_value VARCHAR(50),
    gender_source_value VARCHAR(50),
    gender_source_concept_id INTEGER,
    race_source_value VARCHAR(50),
    race_source_concept_id INTEGER,
    ethnicity_source_value VARCHAR(50),
    ethnicity_source_concept_id INTEGER
)
DISTKEY (person_id);

CREATE TABLE IF NOT EXISTS observation_period (
    observation_period_id BIGINT NOT NULL,
    person_id BIGINT NOT NULL,
    observation_period_start_date DATE NOT NULL,
    observation_period_end_date DATE NOT NULL,
    period_type_concept_id INTEGER NOT NULL
)
DISTKEY (person_id);

CREATE TABLE IF NOT EXISTS visit_occurrence (
    visit_occurrence_id BIGINT NOT NULL,
    person_id BIGINT NOT NULL,
    visit_concept_id INTEGER NOT NULL,
    visit_start_date DATE NOT NULL,
    visit_start_datetime TIMESTAMP,
    visit_end_date DATE NOT NULL,
    visit_end_datetime TIMESTAMP,
    visit_type_concept_id INTEGER NOT NULL,
    provider_id BIGINT,
    care_site_id BIGINT,
    visit_source_value VARCHAR(50),
    visit_source_concept_id INTEGER,
    admitted_from_concept_id INTEGER,
    admitted_from_source_value VARCHAR(50),
    discharged_to_concept_id INTEGER,
    discharged_to_source_value VARCHAR(50),
    preceding_visit_occurrence_id BIGINT
)
DISTKEY (person_id);

CREATE TABLE IF NOT EXISTS visit_detail (
    visit_detail_id BIGINT NOT NULL,
    person_id BIGINT NOT NULL,
    visit_detail_concept_id INTEGER NOT NULL,
    visit_detail_start_date DATE NOT NULL,
    visit_detail_start_datetime TIMESTAMP,
    visit_detail_end_date DATE NOT NULL,
    visit_detail_end_datetime TIMESTAMP,
    visit_detail_type_concept_id INTEGER NOT NULL,
    provider_id BIGINT,
    care_site_id BIGINT,
    visit_detail_source_value VARCHAR(50),
    visit_detail_source_concept_id INTEGER,
    admitted_from_concept_id INTEGER,
    admitted_from_source_value VARCHAR(50),
    discharged_to_source_value VARCHAR(50),
    discharged_to_concept_id INTEGER,
    preceding_visit_detail_id BIGINT,
    parent_visit_detail_id BIGINT,
    visit_occurrence_id BIGINT NOT NULL
)
DISTKEY (person_id);

CREATE TABLE IF NOT EXISTS condition_occurrence (
    condition_occurrence_id BIGINT NOT NULL,
    person_id BIGINT NOT NULL,
    condition_concept_id INTEGER NOT NULL,
    condition_start_date DATE NOT NULL,
    condition_start_datetime TIMESTAMP,
    condition_end_date DATE,
    condition_end_datetime TIMESTAMP,
    condition_type_concept_id INTEGER NOT NULL,
    condition_status_concept_id INTEGER,
    stop_reason VARCHAR(20),
    provider_id BIGINT,
    visit_occurrence_id BIGINT,
    visit_detail_id BIGINT,
    condition_source_value VARCHAR(50),
    condition_source_concept_id INTEGER,
    condition_status_source_value VARCHAR(50)
)
DISTKEY (person_id);

CREATE TABLE IF NOT EXISTS drug_exposure (
    drug_exposure_id BIGINT NOT NULL,
    person_id BIGINT NOT NULL,
    drug_concept_id INTEGER NOT NULL,
    drug_exposure_start_date DATE NOT NULL,
    drug_exposure_start_datetime TIMESTAMP,
    drug_exposure_end_date DATE NOT NULL,
    drug_exposure_end_datetime TIMESTAMP,
    verbatim_end_date DATE,
    drug_type_concept_id INTEGER NOT NULL,
    stop_reason VARCHAR(20),
    refills INTEGER,
    quantity FLOAT,
    days_supply INTEGER,
    sig VARCHAR(65535),
    route_concept_id INTEGER,
    lot_number VARCHAR(50),
    provider_id BIGINT,
    visit_occurrence_id BIGINT,
    visit_detail_id BIGINT,
    drug_source_value VARCHAR(50),
    drug_source_concept_id INTEGER,
    route_source_value VARCHAR(50),
    dose_unit_source_value VARCHAR(50)
)
DISTKEY (person_id);

CREATE TABLE IF NOT EXISTS procedure_occurrence (
    procedure_occurrence_id BIGINT NOT NULL,
    person_id BIGINT NOT NULL,
    procedure_concept_id INTEGER NOT NULL,
    procedure_date DATE NOT NULL,
    procedure_datetime TIMESTAMP,
    procedure_end_date DATE,
    procedure_end_datetime TIMESTAMP,
    procedure_type_concept_id INTEGER NOT NULL,
    modifier_concept_id INTEGER,
    quantity INTEGER,
    provider_id BIGINT,
    visit_occurrence_id BIGINT,
    visit_detail_id BIGINT,
    procedure_source_value VARCHAR(50),
    procedure_source_concept_id INTEGER,
    modifier_source_value VARCHAR(50)
)
DISTKEY (person_id);

CREATE TABLE IF NOT EXISTS measurement (
    measurement_id BIGINT NOT NULL,
    person_id BIGINT NOT NULL,
    measurement_concept_id INTEGER NOT NULL,
    measurement_date DATE NOT NULL,
    measurement_datetime TIMESTAMP,
    measurement_time VARCHAR(10),
    measurement_type_concept_id INTEGER NOT NULL,
    operator_concept_id INTEGER,
    value_as_number FLOAT,
    value_as_concept_id INTEGER,
    unit_concept_id INTEGER,
    range_low FLOAT,
    range_high FLOAT,
    provider_id BIGINT,
    visit_occurrence_id BIGINT,
    visit_detail_id BIGINT,
    measurement_source_value VARCHAR(50),
    measurement_source_concept_id INTEGER,
    unit_source_value VARCHAR(50),
    unit_source_concept_id INTEGER,
    value_source_value VARCHAR(50),
    measurement_event_id BIGINT,
    meas_event_field_concept_id INTEGER
)
DISTKEY (person_id);

CREATE TABLE IF NOT EXISTS observation (
    observation_id BIGINT NOT NULL,
    person_id BIGINT NOT NULL,
    observation_concept_id INTEGER NOT NULL,
    observation_date DATE NOT NULL,
    observation_datetime TIMESTAMP,
    observation_type_concept_id INTEGER NOT NULL,
    value_as_number FLOAT,
    value_as_string VARCHAR(60),
    value_as_concept_id INTEGER,
    qualifier_concept_id INTEGER,
    unit_concept_id INTEGER,
    provider_id BIGINT,
    visit_occurrence_id BIGINT,
    visit_detail_id BIGINT,
    observation_source_value VARCHAR(50),
    observation_source_concept_id INTEGER,
    unit_source_value VARCHAR(50),
    qualifier_source_value VARCHAR(50),
    value_source_value VARCHAR(50),
    observation_event_id BIGINT,
    obs_event_field_concept_id INTEGER
)
DISTKEY (person_id);

CREATE TABLE IF NOT EXISTS death (
    person_id BIGINT NOT NULL,
    death_date DATE NOT NULL,
    death_datetime TIMESTAMP,
    death_type_concept_id INTEGER,
    cause_concept_id INTEGER,
    cause_source_value VARCHAR(50),
    cause_source_concept_id INTEGER
)
DISTKEY (person_id);

CREATE TABLE IF NOT EXISTS note (
    note_id BIGINT NOT NULL,
    person_id BIGINT NOT NULL,
    note_date DATE NOT NULL,
    note_datetime TIMESTAMP,
    note_type_concept_id INTEGER NOT NULL,
    note_class_concept_id INTEGER NOT NULL,
    note_title VARCHAR(250),
    note_text VARCHAR(65535) NOT NULL,
    encoding_concept_id INTEGER NOT NULL,
    language_concept_id INTEGER NOT NULL,
    provider_id BIGINT,
    visit_occurrence_id BIGINT,
    visit_detail_id BIGINT,
    note_source_value VARCHAR(50),
    note_event_id BIGINT,
    note_event_field_concept_id INTEGER
)
DISTKEY (person_id);

CREATE TABLE IF NOT EXISTS specimen (
    specimen_id BIGINT NOT NULL,
    person_id BIGINT NOT NULL,
    specimen_concept_id INTEGER NOT NULL,
    specimen_type_concept_id INTEGER NOT NULL,
    specimen_date DATE NOT NULL,
    specimen_datetime TIMESTAMP,
    quantity FLOAT,
    unit_concept_id INTEGER,
    anatomic_site_concept_id INTEGER,
    disease_status_concept_id INTEGER,
    specimen_source_id VARCHAR(50),
    specimen_source_value VARCHAR(50),
    unit_source_value VARCHAR(50),
    anatomic_site_source_value VARCHAR(50),
    disease_status_source_value VARCHAR(50)
)
DISTKEY (person_id);

CREATE TABLE IF NOT EXISTS location (
    location_id BIGINT NOT NULL,
    address_1 VARCHAR(50),
    address_2 VARCHAR(50),
    city VARCHAR(50),
    state VARCHAR(2),
    zip VARCHAR(9),
    county VARCHAR(20),
    location_source_value VARCHAR(50),
    country_concept_id INTEGER,
    country_source_value VARCHAR(80),
    latitude FLOAT,
    longitude FLOAT
)
DISTSTYLE ALL;

CREATE TABLE IF NOT EXISTS care_site (
    care_site_id BIGINT NOT NULL,
    care_site_name VARCHAR(255),
    place_of_service_concept_id INTEGER,
    location_id BIGINT,
    care_site_source_value VARCHAR(50),
    place_of_service_source_value VARCHAR(50)
)
DISTSTYLE ALL;

CREATE TABLE IF NOT EXISTS provider (
    provider_id BIGINT NOT NULL,
    provider_name VARCHAR(255),
    npi VARCHAR(20),
    dea VARCHAR(20),
    specialty_concept_id INTEGER,
    care_site_id BIGINT,
    year_of_birth INTEGER,
    gender_concept_id INTEGER,
    provider_source_value VARCHAR(50),
    specialty_source_value VARCHAR(50),
    specialty_source_concept_id INTEGER,
    gender_source_value VARCHAR(50),
    gender_source_concept_id INTEGER
)
DISTSTYLE ALL;

CREATE TABLE IF NOT EXISTS condition_era (
    condition_era_id BIGINT NOT NULL,
    person_id BIGINT NOT NULL,
    condition_concept_id INTEGER NOT NULL,
    condition_era_start_date DATE NOT NULL,
    condition_era_end_date DATE NOT NULL,
    condition_occurrence_count INTEGER
)
DISTKEY (person_id);

CREATE TABLE IF NOT EXISTS drug_era (
    drug_era_id BIGINT NOT NULL,
    person_id BIGINT NOT NULL,
    drug_concept_id INTEGER NOT NULL,
    drug_era_start_date DATE NOT NULL,
    drug_era_end_date DATE NOT NULL,
    drug_exposure_count INTEGER,
    gap_days INTEGER
)
DISTKEY (person_id);

CREATE TABLE IF NOT EXISTS cdm_source (
    cdm_source_name VARCHAR(255) NOT NULL,
    cdm_source_abbreviation VARCHAR(25) NOT NULL,
    cdm_holder VARCHAR(255) NOT NULL,
    source_description VARCHAR(65535),
    source_documentation_reference VARCHAR(255),
    cdm_etl_reference VARCHAR(255),
    source_release_date DATE NOT NULL,
    cdm_release_date DATE NOT NULL,
    cdm_version VARCHAR(10),
    cdm_version_concept_id INTEGER NOT NULL,
    vocabulary_version VARCHAR(20) NOT NULL
)
DISTSTYLE ALL;

CREATE TABLE IF NOT EXISTS source_to_concept_map (
    source_code VARCHAR(50) NOT NULL,
    source_concept_id INTEGER NOT NULL,
    source_vocabulary_id VARCHAR(20) NOT NULL,
    source_code_description VARCHAR(255),
    target_concept_id INTEGER NOT NULL,
    target_vocabulary_id VARCHAR(20) NOT NULL,
    valid_start_date DATE NOT NULL,
    valid_end_date DATE NOT NULL,
    invalid_reason VARCHAR(1)
)
DISTSTYLE ALL;
