"""The values that leave the engine: `Diagnostic` (one finding, or one habit of many places),
`Place` (one of a habit's places) and `FileResult` (one file)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

SEVERITY_RANK = {"info": 1, "warning": 2, "error": 3}
# Findings that mean the file was not wholly linted, exit 2 like an unreadable file: a check
# that raised (lawlint's failure) and a suppression naming no rule (a typo, as in --select).
BROKEN_IDS = frozenset({"LL000", "LL004"})


@dataclass(frozen=True, slots=True)
class Replacement:
    """One edit of a fix, in original-text offsets and in line/column terms for editors."""

    start: int
    end: int
    text: str
    line: int
    column: int
    end_line: int
    end_column: int


@dataclass(frozen=True, slots=True)
class Place:
    """One place of a habit (pipeline/habits.py): the finding that was there, its position
    exact (1-based line, code-point column) and its own fix, so --fix edits place by place."""

    line: int
    column: int
    end_line: int
    end_column: int
    excerpt: str
    message: str
    offset: int = 0
    fix: tuple[Replacement, ...] = ()


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
    suppressed: bool = False
    justification: str = ""
    masked: bool = False           # personal data: the excerpt is masked, the source line too
    paragraph: int | None = None   # .docx: the paragraph the finding is in
    page: int | None = None        # .pdf: the page, and the line on that page
    page_line: int | None = None
    fix: tuple[Replacement, ...] = ()  # a safe fix (plain-text reports only); a habit: its places'
    related: tuple[Place, ...] = ()    # a habit: every place it stands for, this one first
    habit: str = ""                    # what tells this rule's habits apart (a miswritten word)
    whole: bool = False                # about the document as a whole (its anchor, or no text)
    context: str = ""                  # .docx: 「heading」 and the paragraph's start, for Word users

    @property
    def count(self) -> int:
        """How many places this finding stands for: 1, or a habit's places."""
        return len(self.related) or 1

    def place(self) -> str:
        """Where a user finds it: 'paragraph 12', 'page 3, line 4', or 'line 12'."""
        if self.paragraph is not None:
            return f"paragraph {self.paragraph}, col {self.column}" + (f" ({self.context})" if self.context else "")
        if self.page is not None:
            return f"page {self.page}, line {self.page_line}, col {self.column}"
        return f"{self.line}:{self.column}"


@dataclass(frozen=True, slots=True)
class FileResult:
    """Everything lawlint says about one file: findings, or the error that stopped it."""

    path: str
    diagnostics: tuple[Diagnostic, ...] = ()
    error: str | None = None
    report_year: int | None = None
    organ: str | None = None
    encoding: str | None = None
    fail_on: str = "error"
    format: str = "text"
    date: str | None = None
    text: str | None = field(default=None, repr=False)  # the (extracted) text, for snippets
    published: bool = False   # judged as the published copy (--published; .html by default)
    unsupported: bool = False  # error is that lawlint cannot read this format (.doc without LibreOffice, an image…)

    def without_fixes(self) -> FileResult:
        """The same findings without their fixes (a batch audit reports, it never rewrites)."""
        if not any(d.fix for d in self.diagnostics):
            return self
        return replace(self, diagnostics=tuple(
            replace(d, fix=(), related=tuple(replace(p, fix=()) for p in d.related)) if d.fix else d
            for d in self.diagnostics))

    @property
    def failed(self) -> bool:
        """A finding at or above this file's fail level (an unreadable file fails too)."""
        if self.error:
            return True
        if self.fail_on == "never":
            return False
        floor = SEVERITY_RANK[self.fail_on]
        return any(SEVERITY_RANK[d.severity] >= floor for d in self.active)

    @property
    def broken(self) -> bool:
        """lawlint could not lint this file as asked: unreadable, a check failed (LL000), or
        a directive names no rule (LL004)."""
        return self.error is not None or any(d.rule_id in BROKEN_IDS for d in self.diagnostics)

    @property
    def active(self) -> tuple[Diagnostic, ...]:
        """Findings that count: not suppressed in the source."""
        return tuple(d for d in self.diagnostics if not d.suppressed)

    def count(self, severity: str) -> int:
        return sum(1 for d in self.active if d.severity == severity)

    @property
    def fixable_count(self) -> int:
        """Active findings that carry a safe fix."""
        return sum(1 for d in self.active if d.fix)

    @property
    def suppressed_count(self) -> int:
        return len(self.diagnostics) - len(self.active)


def exit_code(results: list[FileResult]) -> int:
    """0 clean, 1 a finding at or above its file's `fail_on`, 2 a file could not be linted
    (or lawlint failed on it)."""
    if any(result.broken for result in results):
        return 2
    return 1 if any(result.failed for result in results) else 0
