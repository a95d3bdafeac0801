"""Customer identity (CDP): ingest, clean, resolve identities, curate profiles and segments, publish."""

from strata_airflow import pipeline_dags

globals().update(pipeline_dags("cdp"))  # strata_cdp, and its views DAGs if any
