"""MIMIC-III to OMOP CDM v5.4: ingest, clean, curate the CDM tables, reports, publish, one warehouse load per table."""

from strata_airflow import pipeline_dag

dag = pipeline_dag("mimic_omop")
