"""Pack files in, a compiled `RuleSet` out: YAML loaded safely, validated against the shipped
JSON Schema, every regex compiled once, every rule's check kind built once."""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import regex

from lawlint import __version__, yamlsource
from lawlint.checks import KINDS, Element, load_kinds
from lawlint.errors import PackError

SEVERITIES = ("info", "warning", "error")
_COMMON_KEYS = {"id", "name", "severity", "kind", "message", "description", "basis", "examples"}
_REGEX_KEYS = {"pattern", "topic", "verb", "figure", "percent", "part", "whole", "require"}


@dataclass(frozen=True, slots=True)
class Rule:
    """A rule as the engine runs it: identity and wording from the pack, a built check."""

    id: str
    name: str
    severity: str
    kind: str
    message: str
    description: str
    basis: str
    check: Any = field(compare=False)
    pack: str = ""


@dataclass(frozen=True, slots=True)
class RuleSet:
    """The rules of one or more packs, with merged parameters and elements."""

    rules: tuple[Rule, ...]
    parameters: dict[str, Any]
    elements: tuple[Element, ...]
    packs: tuple[str, ...]
    digest: str

    def select(self, select: tuple[str, ...] = (), ignore: tuple[str, ...] = ()) -> RuleSet:
        """Keep rules whose id or name matches `select` (all if empty), minus `ignore`."""
        def hits(rule: Rule, keys: tuple[str, ...]) -> bool:
            return any(rule.id.startswith(key) or rule.name == key for key in keys)
        kept = tuple(r for r in self.rules if (not select or hits(r, select)) and not hits(r, ignore))
        return RuleSet(kept, self.parameters, self.elements, self.packs, self.digest)


def builtin_dir() -> Path:
    """Where the built-in packs live: inside the wheel, or `rules/` of a source checkout."""
    packaged = Path(str(resources.files("lawlint"))) / "rules"
    return packaged if packaged.is_dir() else Path(__file__).resolve().parent.parent / "rules"


def resolve(name_or_path: str) -> Path:
    """A pack given as a path, or as the name of a built-in pack ('national')."""
    path = Path(name_or_path)
    if path.suffix in (".yaml", ".yml") or path.exists():
        return path
    builtin = builtin_dir() / f"{name_or_path}.yaml"
    if builtin.is_file():
        return builtin
    known = ", ".join(sorted(p.stem for p in builtin_dir().glob("*.yaml")))
    raise PackError(f"no such pack: {name_or_path!r}", hint=f"built-in packs: {known}")


def load_ruleset(packs: tuple[str, ...] = ("national",)) -> RuleSet:
    """Load packs in order; a later pack's rule with the same id replaces the earlier one."""
    rules: dict[str, Rule] = {}
    parameters: dict[str, Any] = {}
    elements: tuple[Element, ...] = ()
    digests = []
    for name in packs:
        pack = load_pack(resolve(name))
        parameters.update(pack.parameters)
        elements = pack.elements or elements
        rules.update({rule.id: rule for rule in pack.rules})
        digests.append(pack.digest)
    digest = hashlib.sha256("".join(digests).encode()).hexdigest()
    return RuleSet(tuple(rules.values()), parameters, elements, tuple(packs), digest)


@dataclass(frozen=True, slots=True)
class Pack:
    name: str
    parameters: dict[str, Any]
    elements: tuple[Element, ...]
    rules: tuple[Rule, ...]
    digest: str


def load_pack(path: Path) -> Pack:
    """Read, validate and compile one pack file."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise PackError(f"cannot read pack: {exc}", str(path)) from None
    return _compile_pack(text, str(path))


@lru_cache(maxsize=16)
def _compile_pack(text: str, filename: str) -> Pack:
    data, lines = yamlsource.load(text, filename)
    _validate_once(text, data, lines, filename)
    load_kinds()
    elements = tuple(_element(item, index, lines, filename)
                     for index, item in enumerate(data.get("elements", ())))
    seen: dict[str, int] = {}
    rules = []
    for index, item in enumerate(data["rules"]):
        line = yamlsource.line_of(lines, ("rules", index))
        if item["id"] in seen:
            raise PackError(f"duplicate rule id (first defined on line {seen[item['id']]})",
                            filename, line, item["id"])
        seen[item["id"]] = line or 0
        rules.append(_rule(item, data["name"], lambda key: yamlsource.line_of(
            lines, ("rules", index, key)), filename))
    digest = hashlib.sha256(text.encode()).hexdigest()
    return Pack(data["name"], dict(data.get("parameters", {})), elements, tuple(rules), digest)


def _element(item: dict, index: int, lines, filename: str) -> Element:
    line = yamlsource.line_of(lines, ("elements", index, "heading"))
    return Element(item["key"], item["label"], _compile(item["heading"], filename, line, item["key"]),
                   item.get("topical_min"), item.get("short", ""))


def _rule(item: dict, pack: str, line_of, filename: str) -> Rule:
    params = {key: value for key, value in item.items() if key not in _COMMON_KEYS}
    for key, value in params.items():
        for pattern in _patterns(value) if key in _REGEX_KEYS else ():
            _compile(pattern, filename, line_of(key), f"{item['id']}.{key}")
    try:
        check = KINDS[item["kind"]](params)
    except (regex.error, KeyError, ValueError) as exc:
        raise PackError(f"invalid parameters for kind {item['kind']!r}: {exc}",
                        filename, line_of("kind"), item["id"]) from None
    return Rule(item["id"], item["name"], item["severity"], item["kind"], item["message"],
                item.get("description", ""), item["basis"], check, pack)


def _patterns(value: Any):
    """Strings in a rule parameter that are regexes (all strings of pattern-like keys)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, list):
        for item in value:
            if isinstance(item, dict) and "pattern" in item:
                yield item["pattern"]


def _compile(pattern: str, filename: str, line: int | None, key: str) -> regex.Pattern:
    try:
        return regex.compile(pattern)
    except regex.error as exc:
        raise PackError(f"invalid regular expression: {exc}", filename, line, key) from None


def cache_dir() -> Path:
    """Per-user cache (LAWLINT_CACHE_DIR, else XDG_CACHE_HOME/lawlint, else ~/.cache/lawlint)."""
    if os.environ.get("LAWLINT_CACHE_DIR"):
        return Path(os.environ["LAWLINT_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "lawlint"


def _validate_once(text: str, data: Any, lines, filename: str) -> None:
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
        if len(path) >= 2 and path[0] == "rules" and isinstance(data, dict):
            rule_id = (data["rules"][path[1]] or {}).get("id") if isinstance(data["rules"][path[1]], dict) else None
        key = ".".join(str(part) for part in path) or None
        raise PackError(f"{error.message}", filename, yamlsource.line_of(lines, path),
                        rule_id or key, hint="see docs/writing-rules.md")
