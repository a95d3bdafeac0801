"""Local mode: each stage runs the Strata CLI on the worker, with the same arguments as on EMR."""

from __future__ import annotations

import os
import shlex
import subprocess
from pathlib import Path

from airflow.sdk import BaseOperator

from strata_airflow import outcomes
from strata_airflow.arguments import setting, without_unset

REPOSITORY = Path(__file__).resolve().parents[3]


def default_cli() -> str:
    """The repository's launcher when this package sits in the repository, else ``strata`` on the PATH."""
    launcher = REPOSITORY / "strata"
    return shlex.quote(str(launcher)) if launcher.is_file() else "strata"


def default_workdir() -> str:
    return str(REPOSITORY) if (REPOSITORY / "strata").is_file() else "."


class StrataCliOperator(BaseOperator):
    """Runs one Strata command here; exit code 4 fails the try (Airflow retries it), 1, 2 and 3 fail the task."""

    template_fields = ("arguments", "cli", "workdir")
    ui_color = "#e4ecf7"

    def __init__(self, *, arguments: list[str], strata_command: str, cli: str | None = None,
                 workdir: str | None = None, **kwargs) -> None:
        super().__init__(**kwargs)
        self.arguments = arguments
        self.strata_command = strata_command
        self.cli = cli or setting("cli", default_cli())
        self.workdir = workdir or setting("workdir", default_workdir())
        self._process: subprocess.Popen | None = None

    def execute(self, context):
        command = [*shlex.split(self.cli), *without_unset(self.arguments)]
        self.log.info("running: %s (in %s)", shlex.join(command), self.workdir)
        self._process = subprocess.Popen(command, cwd=self.workdir, stdout=subprocess.PIPE,
                                         stderr=subprocess.STDOUT, text=True, env=dict(os.environ))
        assert self._process.stdout is not None
        for line in self._process.stdout:
            self.log.info("%s", line.rstrip())
        code = self._process.wait()
        if code != outcomes.OK:
            raise outcomes.failure(code, f"strata {self.strata_command} exited with {code}")
        return code

    def on_kill(self) -> None:
        if self._process and self._process.poll() is None:
            self._process.terminate()
