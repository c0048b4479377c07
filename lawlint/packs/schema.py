"""Pack or config data in, nothing out (or an error): JSON Schema validation with the failing
line and key (rule id), remembered per file text so repeat runs skip jsonschema."""

from __future__ import annotations

import hashlib
import json
from functools import lru_cache
from importlib import resources
from typing import Any

from lawlint import __version__
from lawlint.packs import yamlsource
from lawlint.errors import LawlintError, PackError
from lawlint import usercache
from lawlint.usercache import cache_dir


@lru_cache(maxsize=2)
def schema_text(name: str = "pack") -> str:
    return resources.files("lawlint.packs").joinpath(f"schemas/{name}.schema.json").read_text(encoding="utf-8")


@lru_cache(maxsize=2)
def pack_schema(name: str = "pack") -> dict:
    return json.loads(schema_text(name))


def validation_key(text: str, schema: str = "pack") -> str:
    return hashlib.sha256(f"{__version__}\0{schema_text(schema)}\0{text}".encode()).hexdigest()


@lru_cache(maxsize=1)
def shipped_keys() -> frozenset[str]:
    """Validation keys of the built-in packs, which the test suite validates before release."""
    text = resources.files("lawlint.packs").joinpath("schemas/validated-packs.txt").read_text(encoding="utf-8")
    return frozenset(line.split()[0] for line in text.splitlines() if line and not line.startswith("#"))


def validate_once(text: str, data: Any, lines, filename: str, schema: str = "pack",
                  error: type[LawlintError] = PackError) -> None:
    """Schema-validate a pack (or config) unless this exact text already passed this schema:
    shipped built-in packs, or a text validated before on this machine.

    jsonschema costs ~100 ms to import and run: too much for every pre-commit call."""
    key = validation_key(text, schema)
    marker = cache_dir() / "validated" / key
    if key in shipped_keys() or marker.exists():
        return
    validate(data, lines, filename, pack_schema(schema), error)
    if not usercache.enabled():
        return   # the cache is off: remember nothing
    try:
        marker.parent.mkdir(parents=True, exist_ok=True)
        marker.touch()
    except OSError:
        pass  # a read-only home only costs speed


def validate(data: Any, lines, filename: str, schema: dict,
             error_type: type[LawlintError] = PackError) -> None:
    """Raise `error_type` for the most specific schema violation, with its line and key."""
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
        guide = "docs/writing-rules.md" if error_type is PackError else "docs/configuration.md"
        raise error_type(_said(error), filename, yamlsource.line_of(lines, path),
                         rule_id or key, hint=f"see {guide}")


def _said(error) -> str:
    """jsonschema's message without the failing value when that is long: a registry of laws
    that lacks a key must not print its 3,000 lines back."""
    alternatives = [sorted(branch.get("required", ())) for branch in error.schema.get(error.validator, ())
                    if isinstance(branch, dict)] if error.validator in ("anyOf", "oneOf") else []
    if alternatives and all(alternatives):
        return "needs one of: " + ", ".join(" + ".join(keys) for keys in alternatives)
    message = error.message
    return message if len(message) <= 300 else message[:240] + " …"


def shipped_manifest() -> str:
    """The text of schemas/validated-packs.txt for the current built-in packs."""
    from lawlint.packs.packfile import builtin_dir

    rows = [f"{validation_key(path.read_text(encoding='utf-8'))}  {path.name}"
            for path in sorted(builtin_dir().glob("*.yaml"))]
    return ("# Validation keys of the built-in packs (sha256 of version, schema and pack text).\n"
            "# Regenerate: python -m lawlint.packs.schema > lawlint/packs/schemas/validated-packs.txt\n"
            + "\n".join(rows) + "\n")


def generated_pack_schema() -> str:
    """pack.schema.json as it must be: the hand-written frame (schemas/pack.base.json) with
    each kind's part generated from the `Param` declarations next to its code."""
    from lawlint.checks import SPECS, load_kinds

    load_kinds()
    schema = json.loads(resources.files("lawlint.packs").joinpath("schemas/pack.base.json")
                        .read_text(encoding="utf-8"))
    schema.pop("$comment", None)
    kinds = sorted(SPECS)
    rule = schema["$defs"]["rule"]
    rule["properties"]["kind"] = {"enum": kinds}
    rule["allOf"] = [{"if": {"properties": {"kind": {"const": kind}}, "required": ["kind"]},
                      "then": {"$ref": f"#/$defs/{kind}"}} for kind in kinds]
    schema["$defs"].update({kind: SPECS[kind].json_schema() for kind in kinds})
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


if __name__ == "__main__":
    import sys

    # `pack`: the pack schema from the kinds' declarations; default: the shipped-pack keys
    print(generated_pack_schema() if sys.argv[1:] == ["pack"] else shipped_manifest(), end="")
