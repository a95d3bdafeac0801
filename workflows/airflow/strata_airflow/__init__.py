"""Strata's Airflow DAG factory: the DAGs of each pipeline spec, on EMR Serverless or on this machine.

A DAG file is two lines::

    from strata_airflow import pipeline_dags
    globals().update(pipeline_dags("service_requests"))

which define ``strata_service_requests`` and, when the spec has views, ``strata_service_requests_views_batch``
and ``strata_service_requests_views_speed``.
"""

from strata_airflow.factory import pipeline_dag, pipeline_dags, stages, views_dags, views_pool

__all__ = ["pipeline_dag", "pipeline_dags", "stages", "views_dags", "views_pool"]
