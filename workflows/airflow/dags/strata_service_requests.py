"""Denver 311 service requests: ingest, clean, curate the dashboard tables, publish."""

from strata_airflow import pipeline_dag

dag = pipeline_dag("service_requests")
