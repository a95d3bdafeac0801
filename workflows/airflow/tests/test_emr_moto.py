"""EMR mode against moto's EMR Serverless API on 127.0.0.1: the job runs the DAG submits, as recorded."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

import runs
from conftest import set_variable

JAR = "s3://strata-artifacts/jars/strata-etl-0.1.0-SNAPSHOT-spark.jar"
ROLE = "arn:aws:iam::123456789012:role/strata-emr-job"
DELTA = ("--class dev.strata.etl.cli.Main --conf spark.sql.extensions=io.delta.sql.DeltaSparkSessionExtension"
         " --conf spark.sql.catalog.spark_catalog=org.apache.spark.sql.delta.catalog.DeltaCatalog")


def deployment(application_id: str | None, **more) -> dict:
    values = {
        "execution_role_arn": ROLE,
        "jar": JAR,
        "specs": "s3://strata-artifacts/specs/",
        "sql_root": "s3a://strata-artifacts/sql/",
        "log_uri": "s3://strata-logs/emr/",
        "lake": "s3a://strata-lake/lake",
        "input_root": "s3a://strata-landing/incoming",
        "aws_region": "us-east-1",
        **more,
    }
    if application_id:
        values["application_id"] = application_id
    return values


@pytest.fixture
def application(aws_connection):
    emr = aws_connection.client("emr-serverless")
    return emr, emr.create_application(name="strata", releaseLabel="emr-7.8.0", type="SPARK")["applicationId"]


def job_runs(emr, application_id: str) -> dict[str, dict]:
    """Every job run of the application, by its stage tag, with its full record."""
    result = {}
    for summary in emr.list_job_runs(applicationId=application_id)["jobRuns"]:
        job = emr.get_job_run(applicationId=application_id, jobRunId=summary["id"])["jobRun"]
        result.setdefault(job["tags"]["strata:stage"], []).append(job)
    return result


def test_the_emr_dag_submits_each_stage_and_table_load_as_a_job_run(application, monkeypatch):
    emr, application_id = application
    from airflow.sdk import DagRunState

    from strata_airflow import pipeline_dag

    set_variable(monkeypatch, deployment(application_id, redshift_url="jdbc:redshift:iam://wh.example:5439/dev",
                                         iam_role="arn:aws:iam::123456789012:role/strata-redshift-copy"))
    dag = pipeline_dag("service_requests", mode="emr")
    run = dag.test(logical_date=datetime(2024, 3, 2, tzinfo=timezone.utc))
    assert run.state == DagRunState.SUCCESS, {ti.task_id: ti.state for ti in run.get_task_instances()}

    jobs = job_runs(emr, application_id)
    assert sorted(jobs) == sorted(["ingest", "clean", "curate", "publish", "requests_by_month", "requests_by_area",
                                   "requests_by_source", "first_call_resolution", "busiest_departments",
                                   "resolution_status", "requests_by_hour", "top_types_by_neighborhood",
                                   "department_dim", "views"])
    assert all(len(j) == 1 for j in jobs.values())
    ingest = jobs["ingest"][0]
    assert ingest["executionRole"] == ROLE
    assert ingest["jobDriver"]["sparkSubmit"]["entryPoint"] == JAR
    assert ingest["jobDriver"]["sparkSubmit"]["entryPointArguments"] == [
        "ingest", "--spec=s3a://strata-artifacts/specs/service_requests.yaml",
        "--input=service_requests=s3a://strata-landing/incoming/service_requests/2024-03-01/",
        "--sql-root=s3a://strata-artifacts/sql/", "--lake=s3a://strata-lake/lake", "--env=aws", "--wait=900",
        "--catalog=glue", "--aws-region=us-east-1"]
    assert ingest["jobDriver"]["sparkSubmit"]["sparkSubmitParameters"] == DELTA
    assert ingest["configurationOverrides"]["monitoringConfiguration"]["s3MonitoringConfiguration"] == {
        "logUri": "s3://strata-logs/emr/"}
    assert ingest["executionTimeoutMinutes"] == 30 + 15
    assert ingest["name"] == "strata-service_requests-ingest-20240301"
    assert ingest["tags"]["strata:batch-date"] == "2024-03-01"
    assert jobs["clean"][0]["executionTimeoutMinutes"] == 120 + 15

    curate = jobs["curate"][0]["jobDriver"]["sparkSubmit"]["entryPointArguments"]
    assert curate[0] == "curate" and curate[1:] == ingest["jobDriver"]["sparkSubmit"]["entryPointArguments"][1:]
    load = jobs["requests_by_month"][0]["jobDriver"]["sparkSubmit"]["entryPointArguments"]
    assert load[:3] == ["redshift", "load", "--table=requests_by_month"]
    assert load[-2:] == ["--redshift-url=jdbc:redshift:iam://wh.example:5439/dev",
                         "--iam-role=arn:aws:iam::123456789012:role/strata-redshift-copy"]
    assert emr.get_application(applicationId=application_id)["application"]["state"] == "STARTED"


def test_a_backfill_of_three_days_runs_three_distinct_slices(application, monkeypatch):
    emr, application_id = application
    from airflow.sdk import DagRunState

    from strata_airflow import pipeline_dag

    set_variable(monkeypatch, deployment(application_id))
    dag = pipeline_dag("service_requests", mode="emr")
    runs.sync_dags()
    backfill = runs.backfill(dag, datetime(2024, 4, 1, tzinfo=timezone.utc), datetime(2024, 4, 3, tzinfo=timezone.utc))
    assert [(r.data_interval_start.date().isoformat(), r.data_interval_end.date().isoformat()) for r in backfill] == [
        ("2024-04-01", "2024-04-02"), ("2024-04-02", "2024-04-03"), ("2024-04-03", "2024-04-04")]
    for dag_run in backfill:
        assert runs.run(dag, dag_run.run_id).state == DagRunState.SUCCESS

    jobs = job_runs(emr, application_id)
    inputs = sorted(a for job in jobs["ingest"] for a in job["jobDriver"]["sparkSubmit"]["entryPointArguments"]
                    if a.startswith("--input="))
    assert inputs == [f"--input=service_requests=s3a://strata-landing/incoming/service_requests/2024-04-0{d}/"
                      for d in (1, 2, 3)]
    assert sorted(j["tags"]["strata:batch-date"] for j in jobs["curate"]) == ["2024-04-01", "2024-04-02", "2024-04-03"]
    # no warehouse: the loads were skipped, not submitted
    assert "requests_by_month" not in jobs
