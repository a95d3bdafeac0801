"""Local mode: dag.test() runs the service-request pipeline for real with the Strata CLI on this machine."""

from __future__ import annotations

import csv
import json
import time
from datetime import datetime, timezone
from pathlib import Path

from conftest import REPOSITORY, set_variable, strata_cli

SAMPLE = REPOSITORY / "data-samples" / "service_requests" / "service_requests_part-00000.csv"
ROWS = 400


def small_input(folder: Path) -> int:
    """The first ROWS records of the committed sample, byte for byte (latin-1 maps each byte to one
    character, so the deliberately broken encodings stay broken; quoted line breaks stay whole)."""
    folder.mkdir(parents=True)
    with SAMPLE.open(newline="", encoding="latin-1") as source, \
            (folder / "service_requests.csv").open("w", newline="", encoding="latin-1") as target:
        reader = csv.reader(source)
        writer = csv.writer(target, lineterminator="\n")
        writer.writerow(next(reader))
        for _, record in zip(range(ROWS), reader):
            writer.writerow(record)
    return ROWS


def test_dag_test_runs_the_service_request_pipeline_end_to_end(tmp_path, monkeypatch):
    monkeypatch.setenv("STRATA_AIRFLOW_MODE", "local")
    from airflow.sdk import DagRunState, TaskInstanceState

    from strata_airflow import pipeline_dag

    lake = tmp_path / "lake"
    small_input(tmp_path / "incoming" / "service_requests" / "2024-03-01")
    set_variable(monkeypatch, {"lake": str(lake), "input_root": str(tmp_path / "incoming"), "cli": strata_cli()})

    dag = pipeline_dag("service_requests", mode="local")
    started = time.monotonic()
    run = dag.test(logical_date=datetime(2024, 3, 2, tzinfo=timezone.utc))
    seconds = time.monotonic() - started
    print(f"local dag.test() of strata_service_requests: {seconds:.1f} s")

    states = {ti.task_id: ti.state for ti in run.get_task_instances()}
    assert run.state == DagRunState.SUCCESS, states
    for stage in ("ingest", "clean", "curate", "publish"):
        assert states[stage] == TaskInstanceState.SUCCESS
    # no warehouse is configured: the gate skips every load
    assert states["warehouse"] == TaskInstanceState.SUCCESS
    loads = {task: state for task, state in states.items() if task.startswith("load.")}
    assert len(loads) == 9 and set(loads.values()) == {TaskInstanceState.SKIPPED}

    # the run's slice: the data interval's start names the input folder that was ingested
    records = [json.loads(p.read_text()) for p in sorted((lake / "_runs").glob("*.json"))]
    assert {"clean", "curate", "ingest", "publish"} <= {r["command"] for r in records}
    assert {r["outcome"] for r in records} == {"succeeded"}
    ingest = next(r for r in records if r["command"] == "ingest")
    assert any("2024-03-01" in str(i) for i in ingest["inputs"]), ingest["inputs"]
    clean = next(r for r in records if r["command"] == "clean")
    read = sum(stage["read"] for stage in clean["stages"] if stage["stage"] == "clean")
    assert read == ROWS

    # every curated table of the spec exists as a Delta table and has its catalog entry
    curated = ["requests_by_month", "requests_by_area", "requests_by_source", "first_call_resolution",
               "busiest_departments", "resolution_status", "requests_by_hour", "top_types_by_neighborhood",
               "department_dim"]
    for table in curated:
        entry = json.loads((lake / "_catalog" / "curated" / f"{table}.json").read_text())
        location = Path(entry["location"].removeprefix("file:"))
        assert (location / "_delta_log").is_dir(), entry
    clean_entry = json.loads((lake / "_catalog" / "clean" / "service_requests.json").read_text())
    assert clean_entry["format"].lower() == "delta"
