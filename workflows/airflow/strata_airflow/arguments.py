"""The Strata command lines of a DAG's stages, as Jinja templates over the run's settings.

Every deployment value (lake, buckets, jar, application) is read when a task renders, from the DAG run's
params or else the Airflow Variable named in ``strata_dags.yaml`` (JSON), through the ``strata_setting``
macro: never at parse time. Options are written ``--name=value`` so that one list element holds one
option; an option whose value renders empty is dropped before the command runs (:func:`without_unset`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import jinja2

# Every setting a deployment may give, with its meaning; the README's "Scheduling with Airflow" lists them.
SETTINGS = {
    "lake": "the lake root (s3a://bucket/prefix on EMR, a folder locally)",
    "input_root": "where each source's files arrive, one folder per batch date",
    "specs": "a folder or s3:// prefix holding <pipeline>.yaml (default: the specs bundled in the jar)",
    "sql_root": "curated SQL root (default: the SQL bundled in the jar)",
    "catalog": "local or glue (default: glue on EMR, local on this machine)",
    "glue_prefix": "put before every Glue database name",
    "aws_region": "the region of Glue, SNS and S3 calls",
    "aws_endpoint": "an AWS API endpoint for Glue, SNS and S3 (test servers)",
    "s3_endpoint": "an S3-compatible endpoint for the lake",
    "s3_region": "the region S3 requests are signed for",
    "s3_path_style": "true: path-style S3 addressing",
    "redshift_url": "jdbc:redshift:iam://… : load the warehouse; empty skips the load tasks",
    "redshift_user": "the warehouse user",
    "iam_role": "the role Redshift COPY reads the staged files with",
    "notify": "sns:TOPIC_ARN for one notice per published table",
    "application_id": "EMR Serverless application id (EMR mode, unless the DAG creates one)",
    "execution_role_arn": "the job runs' IAM role (EMR mode)",
    "jar": "s3:// URI of strata-etl-<version>-spark.jar (EMR mode)",
    "log_uri": "s3:// prefix for the job runs' logs (EMR mode)",
    "spark_submit_parameters": "more --conf settings for every job run (EMR mode)",
    "cli": "the command that runs Strata (local mode; default: the repository's ./strata)",
    "workdir": "the folder the CLI runs in (local mode; default: the repository root)",
    "alerts_topic": "SNS topic ARN the failure callback publishes to (optional)",
}

_REQUIRED = object()


class MissingSetting(LookupError):
    pass


@jinja2.pass_context
def strata_setting(context, name: str, default=_REQUIRED):
    """A deployment setting: the run's param, else the Variable's key, else ``default``."""
    if name not in SETTINGS:
        raise MissingSetting(f"unknown Strata setting {name!r}; settings: {', '.join(SETTINGS)}")
    params = context.get("params") or {}
    value = params.get(name)
    if value in (None, ""):
        variable = context.get("strata_variable", "strata")
        values = context["var"]["json"].get(variable, {}) or {}
        value = values.get(name)
    if value in (None, ""):
        if default is _REQUIRED:
            from airflow.sdk.exceptions import AirflowFailException

            variable = context.get("strata_variable", "strata")
            raise AirflowFailException(
                f"Strata setting {name!r} is not set: give it in the Airflow Variable {variable!r} (JSON) or as the"
                f" run's param; it is {SETTINGS[name]}")
        return default
    if isinstance(value, bool):
        return "true" if value else ""
    return str(value)


@jinja2.pass_context
def strata_spec(context, pipeline: str) -> str:
    """``--spec``: ``<specs>/<pipeline>.yaml`` when a specs location is set (s3:// read as s3a://), else the
    bundled name."""
    root = strata_setting(context, "specs", "")
    if not root:
        return pipeline
    if root.startswith("s3://"):
        root = "s3a://" + root[len("s3://"):]
    return root.rstrip("/") + f"/{pipeline}.yaml"


MACROS = {"strata_setting": strata_setting, "strata_spec": strata_spec}

BATCH_DATE = "{{ data_interval_start.strftime('%Y-%m-%d') }}"
_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")
_PLACEHOLDERS = {
    "batch_date": BATCH_DATE,
    "batch_date_nodash": "{{ data_interval_start.strftime('%Y%m%d') }}",
    "interval_end": "{{ data_interval_end.strftime('%Y-%m-%d') }}",
}


def slice_template(pattern: str) -> str:
    """``{input_root}/311/{batch_date}/`` → a Jinja template: ``{batch_date}`` is the data interval's start,
    any other ``{name}`` a setting."""

    def replace(match: re.Match) -> str:
        name = match.group(1)
        if name in _PLACEHOLDERS:
            return _PLACEHOLDERS[name]
        if name in SETTINGS:
            return "{{ strata_setting('%s') }}" % name
        raise ValueError(f"{pattern!r}: unknown placeholder {{{name}}}; use batch_date, interval_end or a setting")

    return _PLACEHOLDER.sub(replace, pattern)


def setting(name: str, default: str | None = None) -> str:
    if default is None:
        return "{{ strata_setting('%s') }}" % name
    return "{{ strata_setting('%s', '%s') }}" % (name, default)


def option(name: str, value: str) -> str:
    return f"--{name}={value}"


def flag(name: str, setting_name: str) -> str:
    """``--name`` when the setting is true, else nothing."""
    return "{{ '--%s' if strata_setting('%s', '') in ('true', 'True', '1', 'yes') else '' }}" % (name, setting_name)


def without_unset(arguments: list) -> list[str]:
    """Drops the options a template left empty (``--glue-prefix=``) and empty elements."""
    kept = []
    for argument in arguments:
        text = str(argument).strip()
        if not text or (text.startswith("--") and text.endswith("=") and "=" not in text[:-1]):
            continue
        kept.append(text)
    return kept


@dataclass(frozen=True)
class Command:
    """One stage's Strata command line: the words, then its options (templates)."""

    words: tuple[str, ...]
    options: tuple[str, ...] = field(default=())

    @property
    def name(self) -> str:
        return " ".join(self.words)

    def arguments(self) -> list[str]:
        return [*self.words, *self.options]
