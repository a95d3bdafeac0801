"""Every DAG imports cleanly and without the network; each DAG's tasks, schedule, retries and arguments."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from datetime import datetime, timedelta, timezone

import pytest

from conftest import AIRFLOW_DIR, DAGS, SPECS

SERVICE_REQUEST_TABLES = ["requests_by_month", "requests_by_area", "requests_by_source", "first_call_resolution",
                          "busiest_departments", "resolution_status", "requests_by_hour", "top_types_by_neighborhood",
                          "department_dim"]


def parse_in_a_fresh_interpreter(mode: str) -> dict:
    """Parses the DAG folder in a new Python with every socket and every Variable lookup refused."""
    script = textwrap.dedent("""
        import json, socket, sys, time
        def refuse(*args, **kwargs):
            raise RuntimeError("network at parse time: %r" % (args,))
        socket.socket.connect = refuse
        socket.create_connection = refuse
        socket.getaddrinfo = refuse
        import airflow.sdk
        def no_variable(*args, **kwargs):
            raise RuntimeError("Variable.get at parse time")
        airflow.sdk.Variable.get = staticmethod(no_variable)
        from airflow.dag_processing.dagbag import DagBag
        started = time.monotonic()
        bag = DagBag(dag_folder=sys.argv[1])
        print(json.dumps({"errors": {k: str(v) for k, v in bag.import_errors.items()},
                          "dags": sorted(bag.dag_ids), "seconds": time.monotonic() - started,
                          "boto3": "boto3" in sys.modules, "pyspark": "pyspark" in sys.modules}))
    """)
    env = {**os.environ, "STRATA_AIRFLOW_MODE": mode, "PYTHONPATH": str(AIRFLOW_DIR)}
    out = subprocess.run([sys.executable, "-c", script, str(DAGS)], capture_output=True, text=True, env=env,
                         check=True, timeout=120).stdout
    return json.loads(out.strip().splitlines()[-1])


def expected_dag_ids() -> list[str]:
    """One DAG per bundled spec, and two more for a spec with views."""
    from strata_airflow.specs import PipelineSpec

    ids = []
    for path in SPECS.glob("*.yaml"):
        spec = PipelineSpec.read(path)
        ids.append(f"strata_{spec.name}")
        if spec.has_views:
            ids += [f"strata_{spec.name}_views_batch", f"strata_{spec.name}_views_speed"]
    return sorted(ids)


@pytest.mark.parametrize("mode", ["emr", "local"])
def test_every_dag_imports_without_errors_network_or_variables(mode):
    parsed = parse_in_a_fresh_interpreter(mode)
    assert parsed["errors"] == {}
    assert parsed["dags"] == expected_dag_ids()
    assert parsed["seconds"] < 10
    assert not parsed["pyspark"]
    # local mode needs no AWS library at all; EMR mode imports the provider's operators only
    assert parsed["boto3"] == (mode == "emr")


def test_every_bundled_spec_has_a_thin_dag_file():
    specs = sorted(p.stem for p in SPECS.glob("*.yaml"))
    files = sorted(p.name for p in DAGS.glob("strata_*.py"))
    assert files == [f"strata_{s}.py" for s in specs]
    for file in files:
        code = [line for line in (DAGS / file).read_text().splitlines() if line.strip() and not line.startswith('"""')]
        assert len(code) <= 3, file


def dag_of(pipeline: str, mode: str = "emr", settings=None):
    from strata_airflow import pipeline_dag

    return pipeline_dag(pipeline, mode=mode, settings=settings)


def chain_of(dag) -> list[str]:
    """The stage tasks in order (each has one stage downstream), then the gate."""
    task = dag.get_task("ingest")
    order = [task.task_id]
    while True:
        stages = [t for t in task.downstream_list if not t.task_id.startswith(("load.", "load_views."))]
        if not stages:
            return order
        assert len(stages) == 1, [t.task_id for t in stages]
        task = stages[0]
        order.append(task.task_id)


@pytest.mark.parametrize("pipeline, stages, loads", [
    ("service_requests", ["ingest", "clean", "curate", "publish", "warehouse"], SERVICE_REQUEST_TABLES),
    ("cdp", ["ingest", "clean", "identity", "curate", "publish", "warehouse"],
     ["customer_segments", "customer_channels", "customer_xref", "customer_id_history", "customer_links",
      "customer_junk_identifiers", "customer_profile"]),
    ("mimic_omop", ["ingest", "clean", "curate", "report", "publish", "warehouse"], None),
])
def test_task_graph(pipeline, stages, loads):
    dag = dag_of(pipeline)
    assert chain_of(dag) == stages
    gate = dag.get_task("warehouse")
    load_ids = sorted(t.task_id for t in gate.downstream_list)
    assert load_ids == sorted(t.task_id for t in dag.tasks if t.task_id.startswith("load."))
    has_views = "views" in dag.task_dict  # a spec with views: ends with the views task, after every load
    for load in gate.downstream_list:
        assert load.upstream_task_ids == {"warehouse"}  # independent of each other
        assert load.downstream_task_ids == ({"views"} if has_views else set())
    if loads is not None:
        assert load_ids == sorted(f"load.{t}" for t in loads)
        assert len(dag.tasks) == len(stages) + len(loads) + (1 if has_views else 0)


def test_omop_tables_load_independently_one_task_each():
    dag = dag_of("mimic_omop")
    loads = {t.task_id.removeprefix("load."): t for t in dag.tasks if t.task_id.startswith("load.")}
    assert len(loads) == 32
    for table in ("person", "visit_occurrence", "measurement", "drug_era", "concept", "cdm_source"):
        assert loads[table].job_driver["sparkSubmit"]["entryPointArguments"][:3] == ["redshift", "load",
                                                                                      f"--table={table}"]
    # views are not tables: nothing loads them
    assert "local_map" not in loads and "omop_mapped_values" not in loads and "observation_rows" not in loads
    assert len(dag.tasks) == 38


def test_schedule_and_run_limits():
    from airflow.sdk import CronDataIntervalTimetable

    for pipeline, expression in (("service_requests", "@daily"), ("cdp", "@daily"), ("mimic_omop", "@weekly"),
                                 ("telemetry", "@daily"), ("parking_citations", "@daily")):
        dag = dag_of(pipeline)
        assert isinstance(dag.timetable, CronDataIntervalTimetable)
        assert dag.timetable.expression == {"@daily": "0 0 * * *", "@weekly": "0 0 * * 0"}[expression]
        assert dag.catchup is False and dag.max_active_runs == 1 and dag.max_active_tasks == 1
        assert dag.start_date.tzinfo is not None
        assert set(dag.tags) >= {"strata", pipeline, "emr"}


def test_retries_backoff_timeouts_and_callbacks():
    from strata_airflow import callbacks

    dag = dag_of("mimic_omop")
    for task in dag.tasks:
        assert task.retries == 3, task.task_id
        assert task.on_failure_callback == [callbacks.report_failure] or task.on_failure_callback == \
            callbacks.report_failure
    clean = dag.get_task("clean")
    assert clean.retry_exponential_backoff and clean.retry_delay == timedelta(minutes=5)
    assert clean.max_retry_delay == timedelta(hours=1)
    # mimic_omop's clean may take 180 minutes (strata_dags.yaml), plus the 15-minute lock wait
    assert clean.config["executionTimeoutMinutes"] == 195
    assert clean.waiter_delay == 60 and clean.waiter_max_attempts == 195 + 2
    assert clean.waiter_max_attempts * clean.waiter_delay >= 195 * 60 > 25 * 60
    assert clean.execution_timeout == timedelta(minutes=180, seconds=900 + 300)
    assert dag.get_task("ingest").config["executionTimeoutMinutes"] == 45


class FakeVariables:
    def __init__(self, values):
        self.values = values

    def get(self, name, default=None):
        return self.values if name == "strata" else default


def render(task, deployment: dict, day: datetime, **params):
    """The task's templated fields as a run on ``day``'s interval renders them."""
    from strata_airflow.arguments import without_unset

    context = {"params": {**{k: None for k in task.dag.params}, **params},
               "var": {"json": FakeVariables(deployment)},
               "data_interval_start": day, "data_interval_end": day + timedelta(days=1), "ti": None}
    env = task.dag.get_template_env()
    rendered = {field: task.render_template(getattr(task, field), context, env) for field in task.template_fields}
    if "job_driver" in rendered:
        rendered["job_driver"]["sparkSubmit"]["entryPointArguments"] = without_unset(
            rendered["job_driver"]["sparkSubmit"]["entryPointArguments"])
    if "arguments" in rendered:
        rendered["arguments"] = without_unset(rendered["arguments"])
    return rendered


DEPLOYMENT = {
    "application_id": "00fabc123", "execution_role_arn": "arn:aws:iam::123456789012:role/strata-emr-job",
    "jar": "s3://artifacts/strata.jar", "specs": "s3://artifacts/specs", "sql_root": "s3a://artifacts/sql/",
    "log_uri": "s3://logs/emr/", "lake": "s3a://lake/prod", "input_root": "s3a://landing",
    "glue_prefix": "prod_", "spark_submit_parameters": "--conf spark.executor.cores=4", "s3_path_style": True,
}


def test_emr_operator_arguments_render_from_the_variable():
    task = dag_of("mimic_omop").get_task("ingest")
    rendered = render(task, DEPLOYMENT, datetime(2024, 5, 5, tzinfo=timezone.utc))
    assert rendered["application_id"] == "00fabc123"
    assert rendered["execution_role_arn"] == "arn:aws:iam::123456789012:role/strata-emr-job"
    submit = rendered["job_driver"]["sparkSubmit"]
    assert submit["entryPoint"] == "s3://artifacts/strata.jar"
    assert submit["entryPointArguments"] == [
        "ingest", "--spec=s3a://artifacts/specs/mimic_omop.yaml",
        "--var=mimic=s3a://landing/mimic/2024-05-05/", "--var=vocab=s3a://landing/vocabulary/",
        "--var=mappings=s3a://landing/mimic_mappings/", "--sql-root=s3a://artifacts/sql/",
        "--lake=s3a://lake/prod", "--env=aws", "--s3-path-style", "--wait=900", "--catalog=glue",
        "--glue-prefix=prod_"]
    assert "--class dev.strata.etl.cli.Main" in submit["sparkSubmitParameters"]
    assert "spark.sql.extensions=io.delta.sql.DeltaSparkSessionExtension" in submit["sparkSubmitParameters"]
    assert submit["sparkSubmitParameters"].endswith("--conf spark.executor.cores=4")
    assert rendered["configuration_overrides"] == {
        "monitoringConfiguration": {"s3MonitoringConfiguration": {"logUri": "s3://logs/emr/"}}}
    assert rendered["name"] == "strata-mimic_omop-ingest-20240505"


def test_a_run_param_overrides_the_variable():
    task = dag_of("service_requests").get_task("curate")
    rendered = render(task, DEPLOYMENT, datetime(2024, 5, 5, tzinfo=timezone.utc), lake="s3a://lake/rerun")
    assert "--lake=s3a://lake/rerun" in rendered["job_driver"]["sparkSubmit"]["entryPointArguments"]


def test_a_missing_setting_fails_the_task_without_retries():
    from airflow.sdk.exceptions import AirflowFailException

    task = dag_of("service_requests").get_task("clean")
    with pytest.raises(AirflowFailException, match="'lake' is not set"):
        render(task, {k: v for k, v in DEPLOYMENT.items() if k != "lake"}, datetime(2024, 5, 5, tzinfo=timezone.utc))


def test_identity_and_report_commands():
    identity = render(dag_of("cdp").get_task("identity"), DEPLOYMENT, datetime(2024, 5, 5, tzinfo=timezone.utc))
    assert identity["job_driver"]["sparkSubmit"]["entryPointArguments"][:3] == [
        "identity", "resolve", "--spec=s3a://artifacts/specs/cdp.yaml"]
    report = render(dag_of("mimic_omop").get_task("report"), DEPLOYMENT, datetime(2024, 5, 5, tzinfo=timezone.utc))
    arguments = report["job_driver"]["sparkSubmit"]["entryPointArguments"]
    assert arguments[:2] == ["omop", "report"] and not any(a.startswith(("--spec", "--var")) for a in arguments)


def test_local_mode_builds_the_same_dag_running_the_same_commands():
    emr, local = dag_of("service_requests", "emr"), dag_of("service_requests", "local")
    assert sorted(local.task_ids) == sorted(emr.task_ids)
    for task_id in ("ingest", "clean", "curate", "publish", "load.department_dim"):
        emr_arguments = render(emr.get_task(task_id), DEPLOYMENT, datetime(2024, 5, 5, tzinfo=timezone.utc))[
            "job_driver"]["sparkSubmit"]["entryPointArguments"]
        local_arguments = render(local.get_task(task_id), DEPLOYMENT, datetime(2024, 5, 5, tzinfo=timezone.utc))[
            "arguments"]
        # the same command line, but Spark in this process's JVM and the lake's own catalog by default
        assert local_arguments == [a.replace("--catalog=glue", "--catalog=local") for a in emr_arguments
                                   if a != "--env=aws"]


@pytest.fixture
def settings_file(tmp_path):
    def write(**changes):
        text = "\n" + (DAGS / "strata_dags.yaml").read_text()
        for key, value in changes.items():
            assert f"\n{key}: " in text, key
            text = text.replace(f"\n{key}: ", f"\n{key}: {value}  # was: ", 1)
        path = tmp_path / "strata_dags.yaml"
        path.write_text(text)
        from strata_airflow.settings import DagSettings

        return DagSettings.load(path)

    return write


def test_application_created_for_the_run_and_deleted_however_it_ends(settings_file):
    from airflow.sdk import TriggerRule

    dag = dag_of("service_requests", settings=settings_file(application="create"))
    create, delete = dag.get_task("create_application"), dag.get_task("delete_application")
    assert create.release_label.startswith("emr-7.") and create.job_type == "SPARK"
    assert create.downstream_task_ids == {"ingest", "delete_application"}
    assert delete.is_teardown and delete.trigger_rule == TriggerRule.ALL_DONE_SETUP_SUCCESS
    last = {"views"} if "views" in dag.task_dict else {f"load.{t}" for t in SERVICE_REQUEST_TABLES}
    assert delete.upstream_task_ids >= last
    assert dag.get_task("ingest").application_id == "{{ ti.xcom_pull(task_ids='create_application') }}"


def test_existing_application_stopped_after_the_run(settings_file):
    from airflow.sdk import TriggerRule

    dag = dag_of("service_requests", settings=settings_file(application="stop_after"))
    stop = dag.get_task("stop_application")
    assert stop.is_teardown and stop.trigger_rule in (TriggerRule.ALL_DONE, TriggerRule.ALL_DONE_SETUP_SUCCESS)
    assert "create_application" not in dag.task_ids


def test_settings_mistakes_are_one_line(settings_file, monkeypatch):
    from strata_airflow.settings import SettingsError

    monkeypatch.delenv("STRATA_AIRFLOW_MODE")
    with pytest.raises(SettingsError, match="application: 'sometimes' is not one of"):
        settings_file(application="sometimes")
    with pytest.raises(SettingsError, match="mode: 'cloud' is not one of"):
        settings_file(mode="cloud")


VIEWS_SPECS = AIRFLOW_DIR / "tests" / "fixtures" / "views_specs"


@pytest.fixture
def views_dags(monkeypatch):
    """The DAGs of a service-request spec with a views: section (the fixture), in EMR mode."""
    monkeypatch.setenv("STRATA_SPECS_DIR", str(VIEWS_SPECS))
    from strata_airflow import pipeline_dags

    return pipeline_dags("service_requests", mode="emr")


def test_a_spec_with_views_gets_a_batch_and_a_speed_dag(views_dags):
    from airflow.sdk import CronDataIntervalTimetable

    assert sorted(views_dags) == ["strata_service_requests", "strata_service_requests_views_batch",
                                  "strata_service_requests_views_speed"]
    batch, speed = views_dags["strata_service_requests_views_batch"], views_dags["strata_service_requests_views_speed"]
    assert isinstance(batch.timetable, CronDataIntervalTimetable) and batch.timetable.expression == "0 0 * * *"
    assert speed.timetable.expression == "*/15 * * * *"
    for dag in (batch, speed):
        assert dag.max_active_runs == 1 and dag.catchup is False
    assert batch.task_ids == ["batch"] and speed.task_ids == ["speed"]
    # one pool of one slot for every views task of the pipeline, the pipeline DAG's own included
    pools = {task.pool for dag in views_dags.values() for task in dag.tasks if task.task_id in ("batch", "speed", "views")}
    assert pools == {"strata_views_service_requests"}
    assert {t.pool_slots for t in (batch.get_task("batch"), speed.get_task("speed"))} == {1}


def test_the_pipeline_dag_ends_with_the_views_batch(views_dags):
    dag = views_dags["strata_service_requests"]
    views = dag.get_task("views")
    assert not views.downstream_list
    assert views.upstream_task_ids == {"load.requests_by_month", "load.requests_by_area"}
    assert views.trigger_rule == "none_failed"  # runs when the gate skipped the loads, not after a failed load
    assert chain_of(dag) == ["ingest", "clean", "curate", "publish", "warehouse"]
    assert len(dag.tasks) == 5 + 2 + 1


def test_views_arguments(views_dags):
    day = datetime(2024, 5, 5, tzinfo=timezone.utc)
    batch = render(views_dags["strata_service_requests_views_batch"].get_task("batch"), DEPLOYMENT, day)
    assert batch["job_driver"]["sparkSubmit"]["entryPointArguments"] == [
        "views", "batch", "--spec=s3a://artifacts/specs/service_requests.yaml",
        "--input=service_requests=s3a://landing/service_requests/2024-05-05/", "--sql-root=s3a://artifacts/sql/",
        "--lake=s3a://lake/prod", "--env=aws", "--s3-path-style", "--wait=900", "--watermark=2024-05-06T00:00:00Z"]
    speed = render(views_dags["strata_service_requests_views_speed"].get_task("speed"), DEPLOYMENT, day)
    arguments = speed["job_driver"]["sparkSubmit"]["entryPointArguments"]
    assert arguments[:2] == ["views", "speed"] and "--wait=900" in arguments
    assert not any(a.startswith(("--watermark", "--catalog")) for a in arguments)
    assert speed["job_driver"]["sparkSubmit"]["entryPoint"] == "s3://artifacts/strata.jar"
    views = render(views_dags["strata_service_requests"].get_task("views"), DEPLOYMENT, day)
    assert views["job_driver"]["sparkSubmit"]["entryPointArguments"][:2] == ["views", "batch"]
    assert views_dags["strata_service_requests_views_speed"].get_task("speed").config["executionTimeoutMinutes"] == 15 + 15


def test_views_tasks_retry_only_service_failures_like_every_stage(views_dags):
    speed = views_dags["strata_service_requests_views_speed"].get_task("speed")
    assert speed.retries == 3 and speed.retry_exponential_backoff
    from strata_airflow.emr import StrataJobOperator

    assert isinstance(speed, StrataJobOperator)


def test_local_mode_views_dags_run_the_cli(monkeypatch):
    monkeypatch.setenv("STRATA_SPECS_DIR", str(VIEWS_SPECS))
    from strata_airflow import pipeline_dags
    from strata_airflow.local import StrataCliOperator

    dags = pipeline_dags("service_requests", mode="local")
    speed = dags["strata_service_requests_views_speed"].get_task("speed")
    assert isinstance(speed, StrataCliOperator) and speed.pool == "strata_views_service_requests"
    rendered = render(speed, DEPLOYMENT, datetime(2024, 5, 5, tzinfo=timezone.utc))
    assert rendered["arguments"][:3] == ["views", "speed", "--spec=s3a://artifacts/specs/service_requests.yaml"]


def test_a_spec_without_curated_tables_runs_its_views_after_publishing():
    from strata_airflow import pipeline_dags

    dags = pipeline_dags("telemetry", mode="emr")
    assert sorted(dags) == ["strata_telemetry", "strata_telemetry_views_batch", "strata_telemetry_views_speed"]
    dag = dags["strata_telemetry"]
    assert chain_of(dag) == ["ingest", "clean", "publish", "views"]
    assert "warehouse" not in dag.task_dict and "curate" not in dag.task_dict and len(dag.tasks) == 4
    views = dag.get_task("views")
    assert views.upstream_task_ids == {"publish"} and views.pool == "strata_views_telemetry"
    assert dags["strata_telemetry_views_speed"].timetable.expression == "*/15 * * * *"
    day = datetime(2024, 3, 10, tzinfo=timezone.utc)
    ingest = render(dag.get_task("ingest"), DEPLOYMENT, day)["job_driver"]["sparkSubmit"]["entryPointArguments"]
    assert ingest[:3] == ["ingest", "--spec=s3a://artifacts/specs/telemetry.yaml",
                          "--input=telemetry=s3a://landing/telemetry/2024-03-10/"]
    batch = render(dags["strata_telemetry_views_batch"].get_task("batch"), DEPLOYMENT, day)
    assert batch["job_driver"]["sparkSubmit"]["entryPointArguments"][-1] == "--watermark=2024-03-11T00:00:00Z"


def test_served_views_load_into_the_warehouse_after_the_views_task_when_the_schedule_says_so():
    from strata_airflow import pipeline_dags

    dags = pipeline_dags("parking_citations", mode="emr")
    assert sorted(dags) == ["strata_parking_citations", "strata_parking_citations_views_batch",
                            "strata_parking_citations_views_speed"]
    dag = dags["strata_parking_citations"]
    assert chain_of(dag) == ["ingest", "clean", "publish", "views", "views_warehouse"]
    loads = {t.task_id: t for t in dag.tasks if t.task_id.startswith("load_views.")}
    assert sorted(loads) == ["load_views.citations_daily", "load_views.citations_hourly", "load_views.violations"]
    for task_id, load in loads.items():
        assert load.upstream_task_ids == {"views_warehouse"} and not load.downstream_list
        view = task_id.removeprefix("load_views.")
        assert load.job_driver["sparkSubmit"]["entryPointArguments"][:3] == ["redshift", "load", f"--table={view}"]
    assert len(dag.tasks) == 5 + 3
    day = datetime(2024, 3, 10, tzinfo=timezone.utc)
    ingest = render(dag.get_task("ingest"), DEPLOYMENT, day)["job_driver"]["sparkSubmit"]["entryPointArguments"]
    assert "--input=parking_citations=s3a://landing/parking_citations/2024-03-10/" in ingest
    # telemetry's schedule does not ask for it: its DAG ends with the views task
    assert not pipeline_dags("telemetry", mode="emr")["strata_telemetry"].get_task("views").downstream_list


def test_a_spec_without_views_gets_no_views_dags():
    from strata_airflow import pipeline_dags

    assert sorted(pipeline_dags("cdp", mode="emr")) == ["strata_cdp"]
