"""A check kind's contract, declared once next to its code: the parameters it takes (name,
JSON Schema, doc, whether it holds regexes) and the placeholders its hits fill.

Everything else is generated from these declarations: the kind's part of the pack schema,
the parameters the pack loader compiles as regexes (reporting a bad one with file and
line), the check for unknown parameters, and the kinds reference in docs/writing-rules.md.
"""

from __future__ import annotations

import inspect
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

REGEX_DOC = "A regular expression (Python `regex` module syntax), matched against folded text."
_ELEMENT = {"type": "string", "pattern": "^[A-Z]$"}


@dataclass(frozen=True)
class Param:
    """One parameter. `schema` is its JSON Schema; `regex` marks a parameter whose value is
    a regex, or a list of items each with a regex under `pattern`."""

    name: str
    schema: Mapping[str, Any]
    doc: str = ""
    required: bool = True
    regex: bool = False

    def json_schema(self) -> dict[str, Any]:
        schema = dict(self.schema)
        if self.doc and "description" not in schema:
            schema["description"] = self.doc
        return schema


def regex_param(name: str, doc: str = REGEX_DOC, required: bool = True) -> Param:
    return Param(name, {"type": "string", "minLength": 1}, doc, required, regex=True)


ELEMENT_DOC = "An element key of the pack's `elements` (M measures, S shortcomings, R responsibility, P plans…)."


def element_param(name: str = "element", doc: str = ELEMENT_DOC, required: bool = True) -> Param:
    return Param(name, _ELEMENT, doc, required)


def elements_param(name: str, doc: str = "", required: bool = True, **limits: Any) -> Param:
    return Param(name, {"type": "array", "items": _ELEMENT, **limits}, doc, required)


def choice_param(name: str, values: tuple[str, ...], doc: str = "", required: bool = True) -> Param:
    return Param(name, {"enum": list(values)}, doc, required)


def pack_parameter(doc: str = "", name: str = "parameter") -> Param:
    """The name of a pack-level parameter (a threshold the pack or configuration sets)."""
    return Param(name, {"type": "string"}, doc)


@dataclass(frozen=True)
class KindSpec:
    """What a pack author needs to know about a kind, and what the loader checks."""

    name: str
    params: tuple[Param, ...] = ()
    provides: tuple[str, ...] = ()
    doc: str = field(default="", compare=False)
    absence: bool = False   # a finding means the part is not there at all (the audit's "missing")
    published: bool = False  # judges only the copy the public sees: its examples are such copies
    habit: str = ""          # the hit argument that tells habits apart (a word list's word)

    @property
    def parameter_names(self) -> frozenset[str]:
        return frozenset(param.name for param in self.params)

    @property
    def regex_names(self) -> frozenset[str]:
        return frozenset(param.name for param in self.params if param.regex)

    def json_schema(self) -> dict[str, Any]:
        """This kind's `$defs` entry in the pack schema."""
        schema: dict[str, Any] = {"type": "object",
                                  "properties": {p.name: p.json_schema() for p in self.params}}
        required = [param.name for param in self.params if param.required]
        if required:
            schema["required"] = required
        return schema


def spec_of(name: str, cls: type, params: tuple[Param, ...], provides: tuple[str, ...],
            absence: bool = False, published: bool = False, habit: str = "") -> KindSpec:
    return KindSpec(name, params, provides, inspect.cleandoc(cls.__doc__ or ""), absence, published,
                    habit)
