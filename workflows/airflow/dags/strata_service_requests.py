"""Denver 311 service requests: ingest, clean, curate the dashboard tables, publish."""

from strata_airflow import pipeline_dags

globals().update(pipeline_dags("service_requests"))  # strata_service_requests, and its views DAGs if any
