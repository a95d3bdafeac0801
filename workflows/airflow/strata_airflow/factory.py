"""Builds the DAGs of each pipeline spec: its stages as tasks, on EMR Serverless or on this machine.

``pipeline_dag("service_requests")`` reads the spec (the same YAML the jar reads) and
``strata_dags.yaml``, and returns a DAG whose tasks are, as the spec asks:

    ingest → clean → [identity] → curate → [report] → publish → warehouse gate → load_<table> … → [views]
        → [views warehouse gate → load_views.<view> …]

One task per stage and one per warehouse table, so a table that fails to load is retried alone. A stage
is a :class:`Stage`: a task id, the Strata command and the setting that bounds its time.

A spec with a ``views:`` section gets two more DAGs (:func:`views_dags`): ``strata_<pipeline>_views_batch``
recomputes the batch layer once a day, ``strata_<pipeline>_views_speed`` runs the speed layer every 15
minutes. Their tasks and the pipeline DAG's ``views`` task share one pool of one slot,
``strata_views_<pipeline>``, so no two of them run at once; the jar takes the pipeline's lock in the lake as
well, and ``--wait`` makes a run wait for it rather than fail. :func:`pipeline_dags` returns all of them.
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
    pool: str | None = None  # the views' pool: one views task of a pipeline at a time
    served: bool = False  # a load of a served view, after the views task
    trigger_rule: str | None = None


def views_pool(pipeline: str) -> str:
    """The Airflow pool (one slot) every views task of a pipeline runs in."""
    return f"strata_views_{pipeline}"


WATERMARK = "{{ data_interval_end.strftime('%Y-%m-%dT%H:%M:%SZ') }}"


def views_stage(spec: PipelineSpec, schedule: PipelineSchedule, settings: DagSettings, layer: str,
                task_id: str, watermark: str | None = None) -> Stage:
    """``strata views batch|speed``: the spec and the lake's options (views take no catalog options)."""
    arguments = _pipeline_options(spec, schedule) + _lake_options(settings)
    if watermark:
        arguments.append(option("watermark", watermark))
    return Stage(task_id, Command(("views", layer), tuple(arguments)), "speed" if layer == "speed" else "views",
                 pool=views_pool(spec.name))


def stages(spec: PipelineSpec, schedule: PipelineSchedule, settings: DagSettings) -> list[Stage]:
    """The pipeline's stages in order, each with its full command line (templates)."""
    lake = _lake_options(settings)
    catalog = _catalog_options(settings)
    run = _pipeline_options(spec, schedule) + lake + catalog

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
    if spec.has_views:
        # the serving layer, once the run's batch is in: every view's batch layer again, over all the history
        result.append(views_stage(spec, schedule, settings, "batch", "views"))
        if schedule.views_warehouse:
            # then the served views into the warehouse, one task each (strata_dags.yaml: views.warehouse)
            for view in spec.views:
                result.append(Stage(view, Command(("redshift", "load"),
                                                  tuple([option("table", view)] + run + warehouse)),
                                    "load", table=view, served=True))
    return result


def _pipeline_options(spec: PipelineSpec, schedule: PipelineSchedule) -> list[str]:
    pipeline = [option("spec", "{{ strata_spec('%s') }}" % spec.name)]
    pipeline += [option("input", f"{source}={slice_template(pattern)}") for source, pattern in schedule.inputs.items()]
    pipeline += [option("var", f"{name}={slice_template(value)}") for name, value in schedule.variables.items()]
    pipeline += [option("sql-root", setting("sql_root", ""))]
    return pipeline


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


def pipeline_dags(pipeline: str, *, settings: DagSettings | None = None, mode: str | None = None) -> dict[str, DAG]:
    """Every DAG of one pipeline by id: ``strata_<pipeline>``, and its views DAGs when the spec has views.
    A DAG file puts them in its globals, where Airflow finds them."""
    settings = settings or DagSettings.load(mode=mode)
    dags = [pipeline_dag(pipeline, settings=settings)]
    dags += views_dags(pipeline, settings=settings)
    return {dag.dag_id: dag for dag in dags}


def pipeline_dag(pipeline: str, *, settings: DagSettings | None = None, mode: str | None = None) -> DAG:
    """The DAG of one pipeline, named ``strata_<pipeline>``."""
    settings = settings or DagSettings.load(mode=mode)
    schedule = settings.schedule_of(pipeline)
    spec = find_spec(pipeline, list(settings.spec_folders))
    plan = stages(spec, schedule, settings)

    dag = _dag(f"strata_{pipeline}", spec.description or f"Strata pipeline {pipeline}", schedule.schedule,
               spec, schedule, settings, tags=[pipeline])
    with dag:
        tasks = {}
        previous = None
        application = _application_tasks(settings, pipeline) if settings.mode == "emr" else None
        loads = [s for s in plan if s.table and not s.served]
        served = [s for s in plan if s.served]
        chained = [s for s in plan if not s.table and s.task_id != "views"]
        views = [s for s in plan if s.task_id == "views"]
        for stage in chained:
            operator = _operator(stage, settings, schedule, pipeline)
            tasks[stage.task_id] = operator
            if previous is not None:
                previous >> operator
            previous = operator
        if loads:
            gate = warehouse_configured.override(task_id="warehouse")(variable=settings.variable)
            previous >> gate
            previous = []
            with TaskGroup("load", tooltip="one warehouse load per curated table"):
                for stage in loads:
                    load = _operator(stage, settings, schedule, pipeline)
                    gate >> load
                    tasks[load.task_id] = load
                    previous.append(load)
        for stage in views:
            # last: after the loads, whether they ran or the gate skipped them, but not after a failed one
            operator = _operator(stage, settings, schedule, pipeline, trigger_rule="none_failed")
            tasks[stage.task_id] = operator
            previous >> operator
            previous = operator
        if served:
            gate = warehouse_configured.override(task_id="views_warehouse")(variable=settings.variable)
            previous >> gate
            with TaskGroup("load_views", tooltip="one warehouse load per served view"):
                for stage in served:
                    load = _operator(stage, settings, schedule, pipeline)
                    gate >> load
                    tasks[load.task_id] = load
        _wire_application(application, tasks)
    return dag


def views_dags(pipeline: str, *, settings: DagSettings | None = None, mode: str | None = None) -> list[DAG]:
    """The views' batch DAG (daily) and speed DAG (every 15 minutes) of a spec with views; none without.

    Both allow one run at a time and put their task in the pipeline's views pool (one slot), which the
    pipeline DAG's ``views`` task shares: a speed run never overlaps a batch run. The batch run absorbs the
    history up to its data interval's end (``--watermark``), so a rerun of a day recomputes the same rows.
    """
    settings = settings or DagSettings.load(mode=mode)
    schedule = settings.schedule_of(pipeline)
    spec = find_spec(pipeline, list(settings.spec_folders))
    if not spec.has_views:
        return []
    result = []
    for layer, cron, watermark, what in (
            ("batch", schedule.views_batch_schedule, WATERMARK, "recomputes the batch layer of"),
            ("speed", schedule.views_speed_schedule, None, "runs the speed layer of")):
        dag = _dag(f"strata_{pipeline}_views_{layer}", f"Strata {what} the views of {pipeline}", cron, spec,
                   schedule, settings, tags=[pipeline, "views", layer])
        with dag:
            tasks = {layer: _operator(views_stage(spec, schedule, settings, layer, layer, watermark), settings,
                                      schedule, pipeline)}
            # a speed run every 15 minutes leaves the application to its idle auto-stop; a created one is deleted
            if settings.mode == "emr" and (layer == "batch" or settings.application == "create"):
                _wire_application(_application_tasks(settings, f"{pipeline}-views-{layer}"), tasks)
        result.append(dag)
    return result


def _dag(dag_id: str, description: str, cron: str | None, spec: PipelineSpec, schedule: PipelineSchedule,
         settings: DagSettings, tags: list[str]) -> DAG:
    default_args = {
        "owner": "strata",
        "retries": settings.retries,
        "retry_delay": timedelta(seconds=settings.retry_delay),
        "retry_exponential_backoff": True,
        "max_retry_delay": timedelta(seconds=settings.max_retry_delay),
        "on_failure_callback": callbacks.report_failure,
        "on_retry_callback": callbacks.report_retry,
    }
    return DAG(
        dag_id=dag_id,
        description=description,
        doc_md=_doc(spec, settings),
        schedule=_timetable(cron),
        start_date=schedule.start_date,
        catchup=False,
        # Every stage of a pipeline holds the pipeline's lock in the lake, so two runs, or two loads of one
        # run, could only wait for each other: one at a time, in data-interval order.
        max_active_runs=1,
        max_active_tasks=settings.max_active_tasks,
        default_args=default_args,
        user_defined_macros={**MACROS, "strata_variable": settings.variable},
        params={name: Param(None, type=["null", "string"], description=text) for name, text in SETTINGS.items()},
        tags=["strata", *tags, settings.mode, *schedule.tags],
        render_template_as_native_obj=False,
    )


def _wire_application(application, tasks: dict) -> None:
    """Setup before the first task and teardown after the last ones, when the DAG manages the application."""
    if application is None:
        return
    setup, teardown = application
    first = next(iter(tasks.values()))
    if setup is not None:
        setup >> first
    if teardown is not None:
        leaves = [t for t in tasks.values() if not t.downstream_list]
        leaves >> teardown
        if setup is not None:
            teardown.as_teardown(setups=setup)
        else:
            teardown.as_teardown()


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


def _operator(stage: Stage, settings: DagSettings, schedule: PipelineSchedule, pipeline: str,
              trigger_rule: str | None = None):
    minutes = schedule.timeouts[stage.timeout]
    common = {
        "task_id": stage.task_id,
        # the task may take the lock wait, then the stage's own time
        "execution_timeout": timedelta(minutes=minutes, seconds=settings.lock_wait + 300),
        "doc_md": f"`strata {stage.command.name}` for pipeline `{pipeline}`"
                  + (f", table `{stage.table}`" if stage.table else ""),
    }
    if stage.pool:
        common.update(pool=stage.pool, pool_slots=1)
    if trigger_rule:
        common["trigger_rule"] = trigger_rule
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
