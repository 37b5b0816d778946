"""Access to the JSON Schemas in schemas/ (one per message type on every topic)."""

from __future__ import annotations

from functools import cache, lru_cache
from typing import Any

from jsonschema import Draft202012Validator
from referencing import Registry, Resource

from streams import jsonio
from streams.settings import PROJECT_DIR

SCHEMA_DIR = PROJECT_DIR / "schemas"
NAMES = ("article", "actor", "event", "article-events", "story-contribution", "story", "mention", "rejected")


@cache
def load_schema(name: str) -> dict[str, Any]:
    schema: dict[str, Any] = jsonio.loads((SCHEMA_DIR / f"{name}.schema.json").read_bytes())
    return schema


@lru_cache(maxsize=1)
def _registry() -> Registry:
    resources = [(f"{n}.schema.json", Resource.from_contents(load_schema(n))) for n in NAMES]
    resources += [(load_schema(n)["$id"], Resource.from_contents(load_schema(n))) for n in NAMES]
    return Registry().with_resources(resources)


@cache
def validator(name: str) -> Draft202012Validator:
    return Draft202012Validator(load_schema(name), registry=_registry())


def errors(name: str, message: Any) -> list[str]:
    """Schema violations of `message`, as readable strings (empty when valid)."""
    return [f"{'.'.join(map(str, e.path)) or '(root)'}: {e.message}" for e in validator(name).iter_errors(message)]
