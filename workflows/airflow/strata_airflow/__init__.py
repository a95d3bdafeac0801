"""Strata's Airflow DAG factory: one DAG per pipeline spec, on EMR Serverless or on this machine.

A DAG file is two lines::

    from strata_airflow import pipeline_dag
    dag = pipeline_dag("service_requests")
"""

from strata_airflow.factory import pipeline_dag, stages

__all__ = ["pipeline_dag", "stages"]
