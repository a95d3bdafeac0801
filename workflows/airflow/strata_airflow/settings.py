"""The parse-time settings of Strata's DAGs: ``strata_dags.yaml`` beside the DAG files.

They say how to schedule (mode, schedule, retries, timeouts, how a run's data slice is addressed), never
where things are: deployment values are templates over the Airflow Variable, rendered when a task runs.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

import yaml

MODES = ("emr", "local")
APPLICATION_MODES = ("existing", "stop_after", "create")
STAGE_TIMEOUTS = ("ingest", "clean", "identity", "curate", "report", "publish", "load", "views", "speed")
VIEWS_BATCH_SCHEDULE = "@daily"
VIEWS_SPEED_SCHEDULE = "*/15 * * * *"
REPOSITORY_SPECS = Path(__file__).resolve().parents[3] / "etl" / "src" / "main" / "resources" / "pipelines"


class SettingsError(ValueError):
    pass


@dataclass(frozen=True)
class PipelineSchedule:
    """One pipeline's entry under ``pipelines:``."""

    name: str
    schedule: str | None
    start_date: datetime
    inputs: dict[str, str]
    variables: dict[str, str]
    report: str | None
    strict: bool
    timeouts: dict[str, int]
    tags: tuple[str, ...]
    views_batch_schedule: str = VIEWS_BATCH_SCHEDULE
    views_speed_schedule: str = VIEWS_SPEED_SCHEDULE
    views_warehouse: bool = False  # load the served views into the warehouse after the pipeline's views task


@dataclass(frozen=True)
class DagSettings:
    path: Path
    mode: str
    variable: str
    aws_conn_id: str | None
    application: str
    release_label: str
    deferrable: bool
    retries: int
    retry_delay: int
    max_retry_delay: int
    waiter_delay: int
    lock_wait: int
    max_active_tasks: int
    spec_folders: tuple[Path, ...]
    pipelines: dict[str, PipelineSchedule] = field(default_factory=dict)

    @staticmethod
    def load(path: Path | str | None = None, mode: str | None = None) -> "DagSettings":
        """Reads the settings file: ``path``, else ``$STRATA_AIRFLOW_SETTINGS``, else ``strata_dags.yaml`` in
        the DAG folder. ``mode`` (else ``$STRATA_AIRFLOW_MODE``, else the file's ``mode:``) picks EMR or local."""
        path = Path(path or os.environ.get("STRATA_AIRFLOW_SETTINGS") or _default_file())
        try:
            raw = yaml.safe_load(path.read_text()) or {}
        except FileNotFoundError as e:
            raise SettingsError(f"no DAG settings file {path}") from e
        mode = (mode or os.environ.get("STRATA_AIRFLOW_MODE") or raw.get("mode") or "emr").lower()
        if mode not in MODES:
            raise SettingsError(f"{path}: mode: {mode!r} is not one of {', '.join(MODES)}")
        application = raw.get("application", "existing")
        if application not in APPLICATION_MODES:
            raise SettingsError(f"{path}: application: {application!r} is not one of {', '.join(APPLICATION_MODES)}")
        defaults = raw.get("defaults") or {}
        timeouts = {**{s: 60 for s in STAGE_TIMEOUTS}, "speed": 15, **(defaults.get("timeouts") or {})}
        _check_timeouts(path, "defaults.timeouts", timeouts)
        folders = []
        if os.environ.get("STRATA_SPECS_DIR"):
            folders.append(Path(os.environ["STRATA_SPECS_DIR"]))
        if raw.get("specs"):
            folders.append((path.parent / raw["specs"]).resolve())
        folders.append(REPOSITORY_SPECS)
        pipelines = {}
        for name, entry in (raw.get("pipelines") or {}).items():
            entry = entry or {}
            own = {**timeouts, **(entry.get("timeouts") or {})}
            _check_timeouts(path, f"pipelines.{name}.timeouts", own)
            start = entry.get("start_date", "2024-01-01")
            start = start if isinstance(start, datetime) else datetime.fromisoformat(str(start))
            views = entry.get("views") or {}
            if not isinstance(views, dict) or set(views) - {"batch", "speed", "warehouse"}:
                raise SettingsError(f"{path}: pipelines.{name}.views: give batch: and speed: schedules and"
                                    " warehouse: true|false, nothing else")
            if not isinstance(views.get("warehouse", False), bool):
                raise SettingsError(f"{path}: pipelines.{name}.views.warehouse: true or false, not"
                                    f" {views.get('warehouse')!r}")
            pipelines[name] = PipelineSchedule(
                name=name,
                schedule=entry.get("schedule", "@daily"),
                start_date=start.replace(tzinfo=start.tzinfo or timezone.utc),
                inputs=dict(entry.get("inputs") or {}),
                variables={k: str(v) for k, v in (entry.get("variables") or {}).items()},
                report=entry.get("report"),
                strict=bool(entry.get("strict", False)),
                timeouts=own,
                tags=tuple(entry.get("tags") or ()),
                views_batch_schedule=str(views.get("batch", VIEWS_BATCH_SCHEDULE)),
                views_speed_schedule=str(views.get("speed", VIEWS_SPEED_SCHEDULE)),
                views_warehouse=views.get("warehouse", False),
            )
        return DagSettings(
            path=path,
            mode=mode,
            variable=str(raw.get("variable", "strata")),
            aws_conn_id=raw.get("aws_conn_id", "aws_default"),
            application=application,
            release_label=str(raw.get("release_label", "emr-7.8.0")),
            deferrable=bool(raw.get("deferrable", False)),
            retries=int(defaults.get("retries", 3)),
            retry_delay=int(defaults.get("retry_delay", 300)),
            max_retry_delay=int(defaults.get("max_retry_delay", 3600)),
            waiter_delay=int(defaults.get("waiter_delay", 60)),
            lock_wait=int(defaults.get("lock_wait", 900)),
            max_active_tasks=int(raw.get("max_active_tasks", 1)),
            spec_folders=tuple(folders),
            pipelines=pipelines,
        )

    def schedule_of(self, pipeline: str) -> PipelineSchedule:
        try:
            return self.pipelines[pipeline]
        except KeyError:
            raise SettingsError(f"{self.path}: pipelines: has no entry {pipeline!r}; add one") from None


def _default_file() -> Path:
    folder = os.environ.get("AIRFLOW__CORE__DAGS_FOLDER")
    candidates = [Path(folder) / "strata_dags.yaml"] if folder else []
    candidates.append(Path(__file__).resolve().parents[1] / "dags" / "strata_dags.yaml")
    candidates.append(Path(__file__).resolve().parent.parent / "strata_dags.yaml")
    for candidate in candidates:
        if candidate.is_file():
            return candidate
    return candidates[0]


def _check_timeouts(path: Path, where: str, timeouts: dict) -> None:
    for stage, minutes in timeouts.items():
        if stage not in STAGE_TIMEOUTS:
            raise SettingsError(f"{path}: {where}: unknown stage {stage!r}; stages: {', '.join(STAGE_TIMEOUTS)}")
        if not isinstance(minutes, int) or minutes < 5:
            raise SettingsError(f"{path}: {where}.{stage}: {minutes!r} must be a whole number of minutes, at least 5"
                                " (EMR Serverless's shortest job timeout)")
