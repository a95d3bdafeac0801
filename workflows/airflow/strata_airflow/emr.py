"""EMR Serverless mode: each stage is a job run of the Strata jar on an EMR Serverless application.

Imported only when a DAG is built in EMR mode: the amazon provider (and boto3 under it) is then needed
to define the operators, but nothing here calls AWS before a task runs.
"""

from __future__ import annotations

from typing import Any

from airflow.providers.amazon.aws.operators.emr import (
    EmrServerlessCreateApplicationOperator,
    EmrServerlessDeleteApplicationOperator,
    EmrServerlessStartJobOperator,
    EmrServerlessStopApplicationOperator,
)
from airflow.sdk.exceptions import AirflowException, AirflowFailException

from strata_airflow import outcomes
from strata_airflow.arguments import without_unset

MAIN_CLASS = "dev.strata.etl.cli.Main"

# The jar carries Delta Lake 3.3.2, the version EMR 7.x ships; Strata sets these two itself when its session
# starts, and they are passed here as well so that the job's Spark UI and logs show them.
DELTA_SUBMIT_PARAMETERS = (
    "--conf spark.sql.extensions=io.delta.sql.DeltaSparkSessionExtension "
    "--conf spark.sql.catalog.spark_catalog=org.apache.spark.sql.delta.catalog.DeltaCatalog"
)


def spark_submit_parameters(extra: str) -> str:
    """``--class`` and the Delta settings, then the deployment's own (a template: worker sizes, log store)."""
    return f"--class {MAIN_CLASS} {DELTA_SUBMIT_PARAMETERS}" + (f" {extra}" if extra else "")


class StrataJobOperator(EmrServerlessStartJobOperator):
    """One Strata command as an EMR Serverless job run; a failure is retried only when retrying can help.

    The job's arguments are templates; an option whose value renders empty is left out, so optional
    settings (``--glue-prefix=``, ``--s3-endpoint=``) need no branches in the DAG. When the job run fails,
    its ``stateDetails`` carry the driver's exit code, which says whether Airflow retries: see
    :mod:`strata_airflow.outcomes`.
    """

    ui_color = "#f0e4d8"

    def __init__(self, *, strata_command: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.strata_command = strata_command

    def render_template_fields(self, context, jinja_env=None) -> None:
        super().render_template_fields(context, jinja_env)
        submit = self.job_driver["sparkSubmit"]
        submit["entryPointArguments"] = without_unset(submit["entryPointArguments"])
        submit["sparkSubmitParameters"] = " ".join(submit["sparkSubmitParameters"].split())

    def execute(self, context, event: dict[str, Any] | None = None):
        try:
            return super().execute(context, event)
        except AirflowFailException:
            raise
        except AirflowException as error:
            raise self._classified(error) from error

    def execute_complete(self, context, event: dict[str, Any] | None = None):
        try:
            return super().execute_complete(context, event)
        except AirflowFailException:
            raise
        except AirflowException as error:
            raise self._classified(error) from error

    def _classified(self, error: Exception) -> Exception:
        what = f"strata {self.strata_command}"
        if "max attempts reached" in str(error):
            return AirflowFailException(
                f"{what}: job run {self.job_id} ran past its timeout of {self.waiter_max_attempts * self.waiter_delay}"
                " s and was cancelled; not retried: raise the stage's timeout in strata_dags.yaml")
        if not self.job_id:
            return outcomes.failure(None, f"{what}: the job run did not start ({error})")
        run = self.hook.conn.get_job_run(applicationId=self.application_id, jobRunId=self.job_id)["jobRun"]
        state, details = run.get("state"), run.get("stateDetails", "")
        code = outcomes.exit_code_of_job_run(details)
        self.log.error("job run %s ended %s, exit code %s: %s", self.job_id, state, code, details)
        return outcomes.failure(code, f"{what}: job run {self.job_id} {state} ({details})")


def create_application(*, name: str, release_label: str, aws_conn_id: str | None, waiter_delay: int,
                       spark_defaults: dict[str, str] | None = None):
    """Creates and starts an application for this DAG run (a setup task; its id goes to XCom)."""
    return EmrServerlessCreateApplicationOperator(
        task_id="create_application",
        release_label=release_label,
        job_type="SPARK",
        config={
            "name": name,
            "autoStopConfiguration": {"enabled": True, "idleTimeoutMinutes": 15},
            "tags": {"strata:dag": name},
        },
        aws_conn_id=aws_conn_id,
        waiter_delay=waiter_delay,
        waiter_max_attempts=max(1, 1800 // max(1, waiter_delay)),
        retries=2,
    )


def stop_application(*, application_id: str, aws_conn_id: str | None, waiter_delay: int, delete: bool):
    """Stops (and, for an application the run created, deletes) the application, however the stages ended."""
    operator = EmrServerlessDeleteApplicationOperator if delete else EmrServerlessStopApplicationOperator
    return operator(
        task_id="delete_application" if delete else "stop_application",
        application_id=application_id,
        force_stop=True,
        aws_conn_id=aws_conn_id,
        waiter_delay=waiter_delay,
        waiter_max_attempts=max(1, 1800 // max(1, waiter_delay)),
        retries=2,
    )
