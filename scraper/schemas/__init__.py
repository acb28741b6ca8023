"""JSON Schema files for each record type: the machine-readable RECORDS.md.

Validators are built once per process (building one per item is slow).
"""
from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources

from jsonschema import Draft202012Validator, FormatChecker

RECORD_TYPES = ("article", "project", "policy", "park")


def load_schema(record_type: str) -> dict:
    text = resources.files(__name__).joinpath(f"{record_type}.schema.json").read_text(encoding="utf-8")
    return json.loads(text)


@lru_cache(maxsize=None)
def validator(record_type: str) -> Draft202012Validator:
    return Draft202012Validator(load_schema(record_type), format_checker=FormatChecker())


def validation_errors(record: dict) -> list[str]:
    """Human-readable problems with `record`; [] when it is valid."""
    record_type = record.get("type")
    if record_type not in RECORD_TYPES:
        return [f"unknown record type {record_type!r}"]
    return [
        f"{'/'.join(map(str, err.absolute_path)) or '<record>'}: {err.message}"
        for err in sorted(validator(record_type).iter_errors(record), key=lambda e: list(e.absolute_path))
    ]
