"""What a failed Strata command means for a scheduler: retry it, or stop and tell someone.

Strata's CLI exits with 0 (ok), 1 (a failure of ours, with its cause), 2 (a user mistake: a bad option,
spec or missing file), 3 (a data-quality failure: an unbalanced ledger, a failed check under --strict)
or 4 (an external service failed: Glue, SNS, S3 or the warehouse). Only a service failure can heal by
itself, so only 4 is retried; 1, 2 and 3 fail the task at once (``AirflowFailException`` skips the
remaining retries). A job run that ended without an exit code of Strata's (EMR Serverless could not
schedule or start it, or its container was killed) is the platform's failure and is retried too.
"""

from __future__ import annotations

import re

OK = 0
FAILURE = 1
USER_ERROR = 2
DATA_QUALITY = 3
SERVICE = 4

_MEANING = {
    FAILURE: "a failure (see the cause in the log)",
    USER_ERROR: "a user mistake (the log's last line says what to fix)",
    DATA_QUALITY: "a data-quality failure (unbalanced ledger or failed check)",
    SERVICE: "an external service failure (Glue, SNS, S3 or the warehouse)",
}

_EXIT_CODE = re.compile(r"ExitCode:\s*(-?\d+)")


def meaning(code: int | None) -> str:
    if code is None:
        return "no exit code from Strata (the job did not run to its end)"
    return _MEANING.get(code, f"exit code {code} from outside Strata (the process was killed or crashed)")


def retryable(code: int | None) -> bool:
    """True for a service failure (4), and for a run that ended without one of Strata's codes."""
    return code is None or code == SERVICE or code not in _MEANING


def exit_code_of_job_run(state_details: str | None) -> int | None:
    """The driver's exit code in an EMR Serverless job run's ``stateDetails``
    ("Job failed, please check complete logs in configured logging destination. ExitCode: 4. ...")."""
    if not state_details:
        return None
    match = _EXIT_CODE.search(state_details)
    return int(match.group(1)) if match else None


def failure(code: int | None, what: str):
    """The exception a task raises for a failed command: one that Airflow retries, or one that it does not."""
    from airflow.sdk.exceptions import AirflowException, AirflowFailException

    message = f"{what}: {meaning(code)}"
    if retryable(code):
        return AirflowException(message + "; retrying")
    return AirflowFailException(message + "; not retried: running it again cannot help")
