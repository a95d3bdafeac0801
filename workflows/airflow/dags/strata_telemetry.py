"""Vehicle telemetry: ingest, clean (distance derived from positions), publish, then the fleet views."""

from strata_airflow import pipeline_dags

globals().update(pipeline_dags("telemetry"))  # strata_telemetry, strata_telemetry_views_batch and _speed
