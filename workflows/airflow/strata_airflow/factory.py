"""Builds one DAG per pipeline spec: its stages as tasks, on EMR Serverless or on this machine.

``pipeline_dag("service_requests")`` reads the spec (the same YAML the jar reads) and
``strata_dags.yaml``, and returns a DAG whose tasks are, as the spec asks:

    ingest → clean → [identity] → curate → [report] → publish → warehouse gate → load_<table> …

One task per stage and one per warehouse table, so a table that fails to load is retried alone. A stage
is a :class:`Stage`: a task id, the Strata command and the setting that bounds its time; a later stage
(the views' batch layer, say) is one more entry in :func:`stages`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import timedelta

from airflow.sdk import DAG, Param, TaskGroup, task

from strata_airflow import callbacks
from strata_airflow.arguments import (
    MACROS,
    SETTINGS,
    Command,
    flag,
    option,
    setting,
    slice_template,
)
from strata_airflow.settings import DagSettings, PipelineSchedule
from strata_airflow.specs import PipelineSpec, find_spec


@dataclass(frozen=True)
class Stage:
    task_id: str  # in the load group for a table
    command: Command
    timeout: str  # the key of its timeout in strata_dags.yaml
    table: str | None = None


def stages(spec: PipelineSpec, schedule: PipelineSchedule, settings: DagSettings) -> list[Stage]:
    """The pipeline's stages in order, each with its full command line (templates)."""
    lake = _lake_options(settings)
    catalog = _catalog_options(settings)
    pipeline = [option("spec", "{{ strata_spec('%s') }}" % spec.name)]
    pipeline += [option("input", f"{source}={slice_template(pattern)}") for source, pattern in schedule.inputs.items()]
    pipeline += [option("var", f"{name}={slice_template(value)}") for name, value in schedule.variables.items()]
    pipeline += [option("sql-root", setting("sql_root", ""))]
    run = pipeline + lake + catalog

    result = [Stage("ingest", Command(("ingest",), tuple(run)), "ingest"),
              Stage("clean", Command(("clean",), tuple(run)), "clean")]
    if spec.has_identity:
        result.append(Stage("identity", Command(("identity", "resolve"), tuple(run)), "identity"))
    if spec.curated_tables:
        result.append(Stage("curate", Command(("curate",), tuple(run)), "curate"))
    if schedule.report == "omop":
        report = [option("sql-root", setting("sql_root", ""))] + lake + catalog
        if schedule.strict:
            report.append("--strict")
        result.append(Stage("report", Command(("omop", "report"), tuple(report)), "report"))
    elif schedule.report:
        raise ValueError(f"{settings.path}: pipelines.{spec.name}.report: {schedule.report!r} is not a report"
                         " Strata has (omop)")
    result.append(Stage("publish", Command(("publish",), tuple(run + [option("notify", setting("notify", ""))])),
                        "publish"))
    warehouse = [option("redshift-url", setting("redshift_url", "")), option("redshift-user", setting("redshift_user", "")),
                 option("iam-role", setting("iam_role", ""))]
    for table in spec.warehouse_tables:
        result.append(Stage(table, Command(("redshift", "load"),
                                                     tuple([option("table", table)] + run + warehouse)),
                            "load", table=table))
    return result


def _lake_options(settings: DagSettings) -> list[str]:
    options = [option("lake", setting("lake"))]
    if settings.mode == "emr":
        options.append(option("env", "aws"))
    options += [option("s3-endpoint", setting("s3_endpoint", "")), option("s3-region", setting("s3_region", "")),
                flag("s3-path-style", "s3_path_style"), option("wait", str(settings.lock_wait))]
    return options


def _catalog_options(settings: DagSettings) -> list[str]:
    default = "glue" if settings.mode == "emr" else "local"
    return [option("catalog", setting("catalog", default)), option("glue-prefix", setting("glue_prefix", "")),
            option("aws-endpoint", setting("aws_endpoint", "")), option("aws-region", setting("aws_region", ""))]


def pipeline_dag(pipeline: str, *, settings: DagSettings | None = None, mode: str | None = None) -> DAG:
    """The DAG of one pipeline, named ``strata_<pipeline>``."""
    settings = settings or DagSettings.load(mode=mode)
    schedule = settings.schedule_of(pipeline)
    spec = find_spec(pipeline, list(settings.spec_folders))
    plan = stages(spec, schedule, settings)

    default_args = {
        "owner": "strata",
        "retries": settings.retries,
        "retry_delay": timedelta(seconds=settings.retry_delay),
        "retry_exponential_backoff": True,
        "max_retry_delay": timedelta(seconds=settings.max_retry_delay),
        "on_failure_callback": callbacks.report_failure,
        "on_retry_callback": callbacks.report_retry,
    }
    dag = DAG(
        dag_id=f"strata_{pipeline}",
        description=spec.description or f"Strata pipeline {pipeline}",
        doc_md=_doc(spec, settings),
        schedule=_timetable(schedule.schedule),
        start_date=schedule.start_date,
        catchup=False,
        # Every stage of a pipeline holds the pipeline's lock in the lake, so two runs, or two loads of one
        # run, could only wait for each other: one at a time, in data-interval order.
        max_active_runs=1,
        max_active_tasks=settings.max_active_tasks,
        default_args=default_args,
        user_defined_macros={**MACROS, "strata_variable": settings.variable},
        params={name: Param(None, type=["null", "string"], description=text) for name, text in SETTINGS.items()},
        tags=["strata", pipeline, settings.mode, *schedule.tags],
        render_template_as_native_obj=False,
    )
    with dag:
        tasks = {}
        previous = None
        application = None
        if settings.mode == "emr":
            application = _application_tasks(settings, pipeline)
        loads = [s for s in plan if s.table]
        for stage in (s for s in plan if not s.table):
            operator = _operator(stage, settings, schedule, pipeline, application)
            tasks[stage.task_id] = operator
            if previous is not None:
                previous >> operator
            previous = operator
        if loads:
            gate = warehouse_configured.override(task_id="warehouse")(variable=settings.variable)
            previous >> gate
            with TaskGroup("load", tooltip="one warehouse load per curated table"):
                for stage in loads:
                    load = _operator(stage, settings, schedule, pipeline, application)
                    gate >> load
                    tasks[load.task_id] = load
        if application is not None:
            setup, teardown = application
            first = tasks["ingest"]
            if setup is not None:
                setup >> first
            if teardown is not None:
                leaves = [t for t in tasks.values() if not t.downstream_list]
                leaves >> teardown
                if setup is not None:
                    teardown.as_teardown(setups=setup)
                else:
                    teardown.as_teardown()
    return dag


@task.short_circuit(ignore_downstream_trigger_rules=False)
def warehouse_configured(variable: str, **context) -> bool:
    """Loads run only when the deployment names a warehouse (the ``redshift_url`` setting)."""
    from airflow.sdk import Variable

    url = (context.get("params") or {}).get("redshift_url")
    if not url:
        url = (Variable.get(variable, default={}, deserialize_json=True) or {}).get("redshift_url")
    if not url:
        print("no redshift_url setting: the warehouse loads are skipped")
    return bool(url)


def _operator(stage: Stage, settings: DagSettings, schedule: PipelineSchedule, pipeline: str, application):
    minutes = schedule.timeouts[stage.timeout]
    common = {
        "task_id": stage.task_id,
        # the task may take the lock wait, then the stage's own time
        "execution_timeout": timedelta(minutes=minutes, seconds=settings.lock_wait + 300),
        "doc_md": f"`strata {stage.command.name}` for pipeline `{pipeline}`"
                  + (f", table `{stage.table}`" if stage.table else ""),
    }
    if settings.mode == "local":
        from strata_airflow.local import StrataCliOperator

        return StrataCliOperator(arguments=stage.command.arguments(), strata_command=stage.command.name, **common)

    from strata_airflow import emr

    application_id = (
        "{{ ti.xcom_pull(task_ids='create_application') }}" if settings.application == "create"
        else setting("application_id"))
    timeout_seconds = minutes * 60 + settings.lock_wait
    return emr.StrataJobOperator(
        strata_command=stage.command.name,
        application_id=application_id,
        execution_role_arn=setting("execution_role_arn"),
        job_driver={"sparkSubmit": {
            "entryPoint": setting("jar"),
            "entryPointArguments": stage.command.arguments(),
            "sparkSubmitParameters": emr.spark_submit_parameters(setting("spark_submit_parameters", "")),
        }},
        configuration_overrides={"monitoringConfiguration": {
            "s3MonitoringConfiguration": {"logUri": setting("log_uri")}}},
        config={
            "executionTimeoutMinutes": math.ceil(timeout_seconds / 60),
            "tags": {"strata:pipeline": pipeline, "strata:stage": stage.task_id,
                     "strata:batch-date": "{{ data_interval_start.strftime('%Y-%m-%d') }}"},
        },
        name=f"strata-{pipeline}-{stage.task_id}-" + "{{ data_interval_start.strftime('%Y%m%d') }}",
        aws_conn_id=settings.aws_conn_id,
        wait_for_completion=True,
        deferrable=settings.deferrable,
        waiter_delay=settings.waiter_delay,
        # the provider's default (25 polls of 60 s) cancels a job still running after 25 minutes
        waiter_max_attempts=math.ceil(timeout_seconds / settings.waiter_delay) + 2,
        **common,
    )


def _application_tasks(settings: DagSettings, pipeline: str):
    from strata_airflow import emr

    if settings.application == "existing":
        return None
    if settings.application == "create":
        setup = emr.create_application(name=f"strata-{pipeline}", release_label=settings.release_label,
                                       aws_conn_id=settings.aws_conn_id, waiter_delay=settings.waiter_delay)
        teardown = emr.stop_application(application_id="{{ ti.xcom_pull(task_ids='create_application') }}",
                                        aws_conn_id=settings.aws_conn_id, waiter_delay=settings.waiter_delay,
                                        delete=True)
        return setup, teardown
    teardown = emr.stop_application(application_id=setting("application_id"), aws_conn_id=settings.aws_conn_id,
                                    waiter_delay=settings.waiter_delay, delete=False)
    return None, teardown


def _timetable(cron: str | None):
    """A cron schedule whose runs each cover one data interval (the run at midnight covers the day before)."""
    if cron is None:
        return None
    from airflow.sdk import CronDataIntervalTimetable

    return CronDataIntervalTimetable(cron, timezone="UTC")


def _doc(spec: PipelineSpec, settings: DagSettings) -> str:
    return (f"### Strata pipeline `{spec.name}`\n\n{spec.description}\n\n"
            f"Built from `{spec.path.name}` (sha256 `{spec.sha256[:12]}`) in {settings.mode} mode. Settings come "
            f"from the Airflow Variable `{settings.variable}` (JSON) or the run's params; see the README's "
            "*Scheduling with Airflow*.")
