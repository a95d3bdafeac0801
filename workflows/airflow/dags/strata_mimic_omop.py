"""MIMIC-III to OMOP CDM v5.4: ingest, clean, curate the CDM tables, reports, publish, one warehouse load per table."""

from strata_airflow import pipeline_dags

globals().update(pipeline_dags("mimic_omop"))  # strata_mimic_omop, and its views DAGs if any
