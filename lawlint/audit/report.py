"""The audit as data: items, batch notes and the derived summary every renderer shares."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property

from lawlint.audit import matrix
from lawlint.audit.crosscheck import Note
from lawlint.audit.item import Item
from lawlint.pipeline.result import FileResult


@dataclass(frozen=True)
class Audit:
    items: tuple[Item, ...]
    notes: tuple[Note, ...] = ()
    rule_names: dict[str, str] = field(default_factory=dict)
    roles: matrix.Roles = field(default_factory=dict)   # what each rule is about (matrix)
    copies: dict[str, str] = field(default_factory=dict)   # path → its reviewed copy (--annotate)

    @property
    def results(self) -> list[FileResult]:
        return [item.result for item in self.items]

    def status(self, result: FileResult) -> str:
        if result.error:
            return "unsupported" if result.unsupported else "error"
        return "fail" if result.failed else "pass"

    def statuses(self) -> Counter:
        """Files by status: pass, fail, error (could not be read), unsupported (a format
        lawlint cannot read: .doc without LibreOffice, an image)."""
        return Counter(self.status(r) for r in self.results)

    def severities(self) -> Counter:
        """Unsuppressed findings by severity."""
        return Counter(d.severity for r in self.results for d in r.active)

    def by_rule(self) -> Counter:
        return Counter(d.rule_id for r in self.results for d in r.active)

    def worst(self, limit: int = 10) -> list[FileResult]:
        """Files with the most errors (then warnings), worst first."""
        ranked = [r for r in self.results if not r.error and r.count("error")]
        return sorted(ranked, key=lambda r: (-r.count("error"), -r.count("warning"), r.path))[:limit]

    def notes_for(self, path: str) -> list[Note]:
        return self._notes_by_path.get(path, [])

    @cached_property
    def _notes_by_path(self) -> dict[str, list[Note]]:
        index: dict[str, list[Note]] = {}
        for note in self.notes:
            index.setdefault(note.path, []).append(note)
        return index

    def elements(self, result: FileResult) -> dict[str, str]:
        return matrix.row(result, self.roles)
