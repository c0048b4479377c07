"""The unit a worker returns: a file's result plus its clause shingles (a sorted array of
unsigned 32-bit ints: 4 bytes each, so 20,000 files stay small) and their MinHash sketch
(similarity.py), and their JSON form for the results cache."""

from __future__ import annotations

import sys
from array import array
from dataclasses import asdict, dataclass, field, replace

from lawlint.pipeline.result import Diagnostic, FileResult, Place, Replacement


@dataclass(frozen=True, slots=True)
class Item:
    result: FileResult
    fingerprints: array = field(default_factory=lambda: array("I"))
    sketch: array = field(default_factory=lambda: array("I"))

    def renamed(self, path: str) -> Item:
        """The same content found under another path (a cache hit for a copied file)."""
        return replace(self, result=replace(self.result, path=path))

    def compact(self) -> Item:
        """Share the strings every finding of a rule repeats (they arrive unpickled as copies)."""
        shared = tuple(replace(d, rule_id=sys.intern(d.rule_id), name=sys.intern(d.name),
                               severity=sys.intern(d.severity), basis=sys.intern(d.basis))
                       for d in self.result.diagnostics)
        return replace(self, result=replace(self.result, diagnostics=shared))


def to_json(item: Item) -> dict:
    return {"result": asdict(item.result), "fingerprints": item.fingerprints.tolist(),
            "sketch": item.sketch.tolist()}


def from_json(data: dict) -> Item:
    result = dict(data["result"])
    result["diagnostics"] = tuple(_diagnostic(d) for d in result["diagnostics"])
    return Item(FileResult(**result), array("I", data["fingerprints"]), array("I", data["sketch"]))


def _diagnostic(data: dict) -> Diagnostic:
    """A cached finding: its fix and a habit's places back as the values they were (JSON
    made them lists of dicts)."""
    related = tuple(Place(**{**p, "fix": _fix(p)}) for p in data.get("related", ()))
    return Diagnostic(**{**data, "fix": _fix(data), "related": related})


def _fix(data: dict) -> tuple[Replacement, ...]:
    return tuple(Replacement(**r) for r in data.get("fix", ()))
