"""What a DAG needs to know of a pipeline spec: its stages and the tables it publishes.

The spec is the same YAML file the jar reads (``etl/src/main/resources/pipelines/<name>.yaml``, or the
copy deployed beside the DAG files). Only the structure is read here, at parse time and from a local
file: the jar reads the spec again, from S3 or its own resources, when a stage runs.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

import yaml

# The tables the identity stage writes for an entity (docs/pipeline-spec.md, "Outputs").
IDENTITY_TABLES = ("xref", "id_history", "links", "junk_identifiers", "profile")


class SpecError(ValueError):
    """A spec the factory cannot build a DAG from; says which file and what is wrong."""


@dataclass(frozen=True)
class PipelineSpec:
    """The parts of a pipeline spec that shape its DAG."""

    name: str
    description: str
    path: Path
    sha256: str
    sources: tuple[str, ...]
    variables: tuple[str, ...]
    identity_entity: str | None
    curated_tables: tuple[str, ...]
    warehouse_tables: tuple[str, ...]
    views: tuple[str, ...] = ()

    @property
    def has_views(self) -> bool:
        return bool(self.views)

    @property
    def has_identity(self) -> bool:
        return self.identity_entity is not None

    @staticmethod
    def read(path: Path) -> "PipelineSpec":
        path = Path(path)
        text = path.read_bytes()
        try:
            spec = yaml.safe_load(text)
        except yaml.YAMLError as e:
            raise SpecError(f"{path}: not YAML: {e}") from e
        if not isinstance(spec, dict) or not isinstance(spec.get("pipeline"), str):
            raise SpecError(f"{path}: pipeline: a pipeline name is required")
        sources = spec.get("sources") or []
        if not isinstance(sources, list) or not sources:
            raise SpecError(f"{path}: sources: at least one source is required")
        curated = spec.get("curated") or []
        stored = tuple(step["name"] for step in curated if step.get("mode", "merge") != "view")
        identity = spec.get("identity")
        entity = (identity.get("entity") or "customer") if isinstance(identity, dict) else None
        produced = stored + (tuple(f"{entity}_{t}" for t in IDENTITY_TABLES) if entity else ())
        return PipelineSpec(
            name=spec["pipeline"],
            description=str(spec.get("description") or "").strip(),
            path=path,
            sha256=hashlib.sha256(text).hexdigest(),
            sources=tuple(s["name"] for s in sources),
            variables=tuple((spec.get("variables") or {}).keys()),
            identity_entity=entity,
            curated_tables=produced,
            warehouse_tables=_warehouse_tables(spec, produced),
            views=_views(path, spec),
        )


def _views(path: Path, spec: dict) -> tuple[str, ...]:
    """The names of the spec's views (its ``views:`` list); the jar checks the rest of each definition."""
    views = spec.get("views") or []
    if not isinstance(views, list) or not all(isinstance(v, dict) and isinstance(v.get("name"), str) for v in views):
        raise SpecError(f"{path}: views: a list of views, each with a name")
    return tuple(v["name"] for v in views)


def _warehouse_tables(spec: dict, produced: tuple[str, ...]) -> tuple[str, ...]:
    """The curated tables a warehouse load takes, as ``strata redshift load`` decides (publish.redshift)."""
    publish = spec.get("publish") or {}
    redshift = publish.get("redshift")
    if not isinstance(redshift, dict):
        return produced
    listed = []
    for table in redshift.get("tables") or []:
        listed.append(table if isinstance(table, str) else table["name"])
    if redshift.get("load", "all") == "listed":
        return tuple(t for t in produced if t in listed)
    return produced


def find_spec(name: str, folders: list[Path]) -> PipelineSpec:
    """The spec named ``name`` in the first of ``folders`` that holds ``<name>.yaml``."""
    for folder in folders:
        candidate = Path(folder) / f"{name}.yaml"
        if candidate.is_file():
            spec = PipelineSpec.read(candidate)
            if spec.name != name:
                raise SpecError(f"{candidate}: pipeline: is {spec.name!r}, the file name says {name!r}")
            return spec
    searched = ", ".join(str(f) for f in folders) or "(no folder)"
    raise SpecError(f"no spec {name}.yaml in {searched}")


def spec_names(folders: list[Path]) -> list[str]:
    """Every pipeline spec in the folders, by name (the first folder wins)."""
    names: dict[str, None] = {}
    for folder in folders:
        for file in sorted(Path(folder).glob("*.yaml")):
            names.setdefault(file.stem, None)
    return list(names)
