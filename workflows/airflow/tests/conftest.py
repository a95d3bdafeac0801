"""The test Airflow: a fresh AIRFLOW_HOME with a SQLite metadata database, the repository's DAG folder.

Set before Airflow is imported anywhere, so every test of the session sees the same configuration.
"""

from __future__ import annotations

import json
import os
import shlex
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

AIRFLOW_DIR = Path(__file__).resolve().parents[1]
REPOSITORY = AIRFLOW_DIR.parents[1]
DAGS = AIRFLOW_DIR / "dags"
SPECS = REPOSITORY / "etl" / "src" / "main" / "resources" / "pipelines"

_HOME = Path(tempfile.mkdtemp(prefix="strata-airflow-home-"))
os.environ.update({
    "AIRFLOW_HOME": str(_HOME),
    "AIRFLOW__CORE__DAGS_FOLDER": str(DAGS),
    "AIRFLOW__CORE__LOAD_EXAMPLES": "False",
    "AIRFLOW__DATABASE__SQL_ALCHEMY_CONN": f"sqlite:///{_HOME}/airflow.db",
    "AIRFLOW__CORE__EXECUTOR": "LocalExecutor",
    "AIRFLOW__LOGGING__LOGGING_LEVEL": "WARNING",
    "AIRFLOW__SCHEDULER__ENABLE_HEALTH_CHECK": "False",
    # no credentials of the machine's may reach a test, and no default region may be missing
    "AWS_ACCESS_KEY_ID": "testing",
    "AWS_SECRET_ACCESS_KEY": "testing",
    "AWS_DEFAULT_REGION": "us-east-1",
    "AWS_CONFIG_FILE": str(_HOME / "no-aws-config"),
    "AWS_SHARED_CREDENTIALS_FILE": str(_HOME / "no-aws-credentials"),
})
os.environ.setdefault("STRATA_AIRFLOW_MODE", "emr")
sys.path.insert(0, str(AIRFLOW_DIR))

subprocess.run([sys.executable, "-m", "airflow", "db", "migrate"], check=True, stdout=subprocess.DEVNULL,
               stderr=subprocess.DEVNULL, env=os.environ)


def strata_cli() -> str:
    """How the tests start Strata: the build's JVM command when the Maven test hands it over, else the launcher."""
    return os.environ.get("STRATA_TEST_CLI") or shlex.quote(str(REPOSITORY / "strata"))


def set_variable(monkeypatch, values: dict) -> None:
    """The Airflow Variable ``strata`` as a deployment would set it (Airflow reads AIRFLOW_VAR_* first)."""
    monkeypatch.setenv("AIRFLOW_VAR_STRATA", json.dumps(values))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Moto:
    """moto's AWS API server on 127.0.0.1 (EMR Serverless, S3, Glue), started and stopped by the tests."""

    def __init__(self) -> None:
        self.port = free_port()
        self.endpoint = f"http://127.0.0.1:{self.port}"
        self.log = open(_HOME / "moto.log", "w")
        self.process = subprocess.Popen([sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(self.port)],
                                        stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 30
        while True:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1):
                    break
            except OSError:
                if self.process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"moto did not start: {(_HOME / 'moto.log').read_text()}")
                time.sleep(0.2)

    def client(self, service: str):
        import boto3

        return boto3.client(service, endpoint_url=self.endpoint, region_name="us-east-1")

    def reset(self) -> None:
        import urllib.request

        urllib.request.urlopen(urllib.request.Request(f"{self.endpoint}/moto-api/reset", method="POST")).read()

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
        self.log.close()


@pytest.fixture(scope="session")
def moto():
    server = Moto()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def aws_connection(moto, monkeypatch):
    """The ``aws_default`` connection pointed at moto, as a deployment would point it at AWS."""
    monkeypatch.setenv("AIRFLOW_CONN_AWS_DEFAULT", json.dumps({
        "conn_type": "aws", "login": "testing", "password": "testing",
        "extra": {"endpoint_url": moto.endpoint, "region_name": "us-east-1"}}))
    moto.reset()
    return moto
