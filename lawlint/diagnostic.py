"""The values that leave the engine: `Diagnostic` (one finding) and `FileResult` (one file)."""

from __future__ import annotations

from dataclasses import dataclass

SEVERITY_RANK = {"info": 1, "warning": 2, "error": 3}


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """A finding with its identity stamped and its place as 1-based line and code-point column."""

    rule_id: str
    name: str
    severity: str
    message: str
    basis: str
    line: int
    column: int
    end_line: int
    end_column: int
    excerpt: str
    offset: int = 0


@dataclass(frozen=True, slots=True)
class FileResult:
    """Everything lawlint says about one file: findings, or the error that stopped it."""

    path: str
    diagnostics: tuple[Diagnostic, ...] = ()
    error: str | None = None
    report_year: int | None = None
    organ: str | None = None
    encoding: str | None = None

    def count(self, severity: str) -> int:
        return sum(1 for d in self.diagnostics if d.severity == severity)


def exit_code(results: list[FileResult], fail_on: str) -> int:
    """0 clean, 1 a finding at or above `fail_on`, 2 a file could not be linted."""
    if any(result.error for result in results):
        return 2
    if fail_on == "never":
        return 0
    floor = SEVERITY_RANK[fail_on]
    failing = any(SEVERITY_RANK[d.severity] >= floor for r in results for d in r.diagnostics)
    return 1 if failing else 0
