"""Parking citations: ingest a day's file, clean (positions to WGS 84 and ZIP codes), publish, the views per
ZIP code, day, violation and agency, then the served views into the warehouse."""

from strata_airflow import pipeline_dags

globals().update(pipeline_dags("parking_citations"))  # strata_parking_citations and its views DAGs
