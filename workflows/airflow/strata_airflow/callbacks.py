"""What a Strata task says when it fails or is retried: one line a person or an alert rule can read."""

from __future__ import annotations

import json
import logging

log = logging.getLogger("strata_airflow")


def _summary(context, event: str) -> dict:
    ti = context.get("ti") or context.get("task_instance")
    dag_run = context.get("dag_run")
    error = context.get("exception")
    start = context.get("data_interval_start")
    return {
        "event": event,
        "dag": getattr(ti, "dag_id", None),
        "task": getattr(ti, "task_id", None),
        "run": getattr(dag_run, "run_id", None),
        "try": getattr(ti, "try_number", None),
        "batch_date": start.strftime("%Y-%m-%d") if start else None,
        "error": str(error).splitlines()[0] if error else None,
        "job_run": getattr(context.get("task"), "job_id", None),
    }


def report_failure(context) -> None:
    """Logs the failure as one JSON line and, when the ``alerts_topic`` setting names an SNS topic, sends it."""
    summary = _summary(context, "strata task failed")
    line = json.dumps(summary, default=str)
    log.error("%s", line)
    topic = _alerts_topic(context)
    if topic:
        try:
            from airflow.providers.amazon.aws.hooks.sns import SnsHook

            SnsHook(aws_conn_id=_aws_conn_id(context)).publish_to_target(
                target_arn=topic, message=line, subject=f"Strata: {summary['dag']}.{summary['task']} failed")
        except Exception:  # the alert must never hide the failure it reports
            log.exception("could not send the failure notice to %s", topic)


def report_retry(context) -> None:
    log.warning("%s", json.dumps(_summary(context, "strata task will be retried"), default=str))


def _alerts_topic(context) -> str | None:
    try:
        from airflow.sdk import Variable

        dag = context.get("dag")
        variable = (getattr(dag, "user_defined_macros", None) or {}).get("strata_variable", "strata")
        params = context.get("params") or {}
        return params.get("alerts_topic") or (Variable.get(variable, default={}, deserialize_json=True) or {}).get(
            "alerts_topic")
    except Exception:
        return None


def _aws_conn_id(context) -> str | None:
    task = context.get("task")
    return getattr(task, "aws_conn_id", None) or "aws_default"
