"""Customer identity (CDP): ingest, clean, resolve identities, curate profiles and segments, publish."""

from strata_airflow import pipeline_dag

dag = pipeline_dag("cdp")
