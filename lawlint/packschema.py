"""Pack data in, nothing out (or a PackError): JSON Schema validation of a rule pack, with the
failing YAML line and rule id, remembered per pack text so repeat runs skip jsonschema."""

from __future__ import annotations

import hashlib
import json
import os
from importlib import resources
from pathlib import Path
from typing import Any

from lawlint import __version__, yamlsource
from lawlint.errors import PackError


def cache_dir() -> Path:
    """Per-user cache (LAWLINT_CACHE_DIR, else XDG_CACHE_HOME/lawlint, else ~/.cache/lawlint)."""
    if os.environ.get("LAWLINT_CACHE_DIR"):
        return Path(os.environ["LAWLINT_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "lawlint"


def validate_once(text: str, data: Any, lines, filename: str) -> None:
    """Schema-validate a pack unless this exact text already passed with this schema.

    jsonschema costs ~70 ms to import and run: too much for every pre-commit call."""
    schema_text = resources.files("lawlint").joinpath("schema/pack.schema.json").read_text()
    key = hashlib.sha256(f"{__version__}\0{schema_text}\0{text}".encode()).hexdigest()
    marker = cache_dir() / "validated" / key
    if marker.exists():
        return
    _validate(data, lines, filename, json.loads(schema_text))
    try:
        marker.parent.mkdir(parents=True, exist_ok=True)
        marker.touch()
    except OSError:
        pass  # a read-only home only costs speed


def _validate(data: Any, lines, filename: str, schema: dict) -> None:
    import jsonschema  # imported here, only when a pack has not been validated before

    validator = jsonschema.Draft202012Validator(schema)
    errors = sorted(validator.iter_errors(data), key=lambda e: len(e.absolute_path), reverse=True)
    if errors:
        error = errors[0]
        path = tuple(error.absolute_path)
        rule_id = None
        if len(path) >= 2 and path[0] == "rules" and isinstance(data["rules"][path[1]], dict):
            rule_id = data["rules"][path[1]].get("id")
        key = ".".join(str(part) for part in path) or None
        raise PackError(f"{error.message}", filename, yamlsource.line_of(lines, path),
                        rule_id or key, hint="see docs/writing-rules.md")
