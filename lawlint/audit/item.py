"""The unit a worker returns: a file's result plus its text fingerprints, and their JSON form
for the results cache."""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace

from lawlint.diagnostic import Diagnostic, FileResult


@dataclass(frozen=True, slots=True)
class Item:
    result: FileResult
    fingerprints: frozenset[int] = frozenset()

    def renamed(self, path: str) -> Item:
        """The same content found under another path (a cache hit for a copied file)."""
        return replace(self, result=replace(self.result, path=path))


def to_json(item: Item) -> dict:
    return {"result": asdict(item.result), "fingerprints": sorted(item.fingerprints)}


def from_json(data: dict) -> Item:
    result = dict(data["result"])
    result["diagnostics"] = tuple(Diagnostic(**d) for d in result["diagnostics"])
    return Item(FileResult(**result), frozenset(data["fingerprints"]))
