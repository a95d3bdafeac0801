"""Which failures Airflow retries: only Strata's exit code 4 (a service failure), never 2 or 3."""

from __future__ import annotations

import json
import sys
import textwrap
from datetime import datetime, timezone

import pytest

from conftest import DAGS, set_variable


def test_exit_codes_in_job_run_state_details():
    from strata_airflow.outcomes import exit_code_of_job_run

    assert exit_code_of_job_run("Job failed, please check complete logs in configured logging destination. "
                                "ExitCode: 4. Last few exceptions: strata publish: service failure: Glue") == 4
    assert exit_code_of_job_run("Job failed ... ExitCode: 2. Last few exceptions: ...") == 2
    assert exit_code_of_job_run("Job run cancelled by user") is None
    assert exit_code_of_job_run(None) is None


@pytest.mark.parametrize("code, retried", [(4, True), (None, True), (137, True), (1, False), (2, False), (3, False)])
def test_only_service_failures_are_retried(code, retried):
    from airflow.sdk.exceptions import AirflowException, AirflowFailException

    from strata_airflow.outcomes import failure

    error = failure(code, "strata clean")
    assert isinstance(error, AirflowException)
    assert isinstance(error, AirflowFailException) is not retried


FAKE_CLI = textwrap.dedent("""
    import json, os, sys
    plan = json.loads(os.environ["FAKE_STRATA_PLAN"])
    calls = os.environ["FAKE_STRATA_CALLS"]
    word = sys.argv[1]
    with open(calls, "a") as f:
        f.write(json.dumps(sys.argv[1:]) + "\\n")
    made = sum(1 for line in open(calls) if json.loads(line)[0] == word)
    codes = plan.get(word, [0])
    print("strata " + word + ": fake run " + str(made))
    sys.exit(codes[min(made, len(codes)) - 1])
""")


@pytest.fixture
def fake_cli(tmp_path, monkeypatch):
    script = tmp_path / "fake_strata.py"
    script.write_text(FAKE_CLI)
    calls = tmp_path / "calls.jsonl"
    monkeypatch.setenv("FAKE_STRATA_CALLS", str(calls))
    set_variable(monkeypatch, {"lake": str(tmp_path / "lake"), "input_root": str(tmp_path / "in"),
                               "cli": f"{sys.executable} {script}", "workdir": str(tmp_path)})

    def plan(**codes):
        monkeypatch.setenv("FAKE_STRATA_PLAN", json.dumps(codes))
        return lambda: [json.loads(line) for line in calls.read_text().splitlines()] if calls.exists() else []

    return plan


@pytest.mark.parametrize("code, retried", [(2, False), (3, False), (1, False), (4, True)])
def test_local_exit_codes(fake_cli, tmp_path, code, retried):
    from airflow.sdk.exceptions import AirflowException, AirflowFailException

    from strata_airflow.local import StrataCliOperator

    calls = fake_cli(clean=[code])
    task = StrataCliOperator(task_id="clean", strata_command="clean", cli=f"{sys.executable} {tmp_path / 'fake_strata.py'}",
                             workdir=str(tmp_path), arguments=["clean", "--spec=service_requests", "--glue-prefix="])
    with pytest.raises(AirflowException) as raised:
        task.execute({})
    assert isinstance(raised.value, AirflowFailException) is not retried
    assert f"exited with {code}" in str(raised.value)
    assert calls() == [["clean", "--spec=service_requests"]]  # an option left empty is not passed


def test_dag_test_retries_a_service_failure_and_never_a_user_mistake(fake_cli, tmp_path, monkeypatch):
    """The real retry machinery, in one run: ingest fails with 4 once and is retried; clean fails with 2 and is not."""
    from airflow.sdk import DagRunState, TaskInstanceState

    from strata_airflow import pipeline_dag

    quick = tmp_path / "strata_dags.yaml"
    quick.write_text((DAGS / "strata_dags.yaml").read_text().replace("retry_delay: 300", "retry_delay: 1")
                     .replace("max_retry_delay: 3600", "max_retry_delay: 1"))
    monkeypatch.setenv("STRATA_AIRFLOW_SETTINGS", str(quick))
    monkeypatch.setenv("STRATA_AIRFLOW_MODE", "local")
    calls = fake_cli(ingest=[4, 0], clean=[2])

    dag = pipeline_dag("service_requests", mode="local")
    run = dag.test(logical_date=datetime(2024, 6, 2, tzinfo=timezone.utc))
    tis = {ti.task_id: ti for ti in run.get_task_instances()}
    assert run.state == DagRunState.FAILED
    assert tis["ingest"].state == TaskInstanceState.SUCCESS and tis["ingest"].try_number == 2
    assert tis["clean"].state == TaskInstanceState.FAILED and tis["clean"].try_number == 1
    assert tis["curate"].state == TaskInstanceState.UPSTREAM_FAILED
    assert [c[0] for c in calls()] == ["ingest", "ingest", "clean"]
    ingest = calls()[0]
    assert f"--input=service_requests={tmp_path / 'in'}/service_requests/2024-06-01/" in ingest
    assert "--env=aws" not in ingest and "--catalog=local" in ingest


class FakeEmr:
    def __init__(self, details):
        self.details = details

    def get_job_run(self, applicationId, jobRunId):
        return {"jobRun": {"state": "FAILED", "stateDetails": self.details}}


@pytest.mark.parametrize("details, retried", [
    ("Job failed, please check complete logs in configured logging destination. ExitCode: 2. Last few", False),
    ("Job failed, please check complete logs in configured logging destination. ExitCode: 3. Last few", False),
    ("Job failed, please check complete logs in configured logging destination. ExitCode: 4. Last few", True),
    ("Job failed: could not allocate workers", True),
])
def test_emr_job_run_exit_codes(monkeypatch, details, retried):
    from airflow.providers.amazon.aws.operators.emr import EmrServerlessStartJobOperator
    from airflow.sdk.exceptions import AirflowException, AirflowFailException

    from strata_airflow import pipeline_dag

    task = pipeline_dag("service_requests", mode="emr").get_task("clean")

    def failed_run(self, context, event=None):
        self.job_id = "00job"
        raise AirflowException("Serverless Job failed: Waiter encountered a terminal failure state")

    monkeypatch.setattr(EmrServerlessStartJobOperator, "execute", failed_run)
    task.__dict__["hook"] = type("Hook", (), {"conn": FakeEmr(details)})()
    with pytest.raises(AirflowException) as raised:
        task.execute({})
    assert isinstance(raised.value, AirflowFailException) is not retried
    assert "00job" in str(raised.value)


def test_emr_job_past_its_timeout_is_not_retried(monkeypatch):
    from airflow.providers.amazon.aws.operators.emr import EmrServerlessStartJobOperator
    from airflow.sdk.exceptions import AirflowException, AirflowFailException

    from strata_airflow import pipeline_dag

    task = pipeline_dag("service_requests", mode="emr").get_task("curate")

    def too_long(self, context, event=None):
        self.job_id = "00job"
        raise AirflowException("Waiter error: max attempts reached")

    monkeypatch.setattr(EmrServerlessStartJobOperator, "execute", too_long)
    with pytest.raises(AirflowFailException, match="ran past its timeout"):
        task.execute({})
