"""Pack files in, a compiled `RuleSet` out: YAML loaded safely, validated against the shipped
JSON Schema, every regex compiled once, every rule's check kind built once."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import regex

from lawlint import packschema, yamlsource
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
    packschema.validate_once(text, data, lines, filename)
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
        rules.append(_rule(item, data["name"], lines, ("rules", index), filename))
    digest = hashlib.sha256(text.encode()).hexdigest()
    return Pack(data["name"], dict(data.get("parameters", {})), elements, tuple(rules), digest)


def _element(item: dict, index: int, lines, filename: str) -> Element:
    line = yamlsource.line_of(lines, ("elements", index, "heading"))
    return Element(item["key"], item["label"], _compile(item["heading"], filename, line, item["key"]),
                   item.get("topical_min"), item.get("short", ""))


def _rule(item: dict, pack: str, lines, path: tuple, filename: str) -> Rule:
    def line_of(key: str) -> int | None:
        return yamlsource.line_of(lines, path + (key,))

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
