"""The audit as data: items, batch notes and the derived summary every renderer shares."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property

from lawlint.audit import matrix
from lawlint.audit.crosscheck import Note
from lawlint.audit.item import Item
from lawlint.audit.rings import Ring
from lawlint.audit.roster_model import Accounting, Unit
from lawlint.pipeline.result import SEVERITY_RANK, FileResult

SEVERITY_WORDS = {"error": "错误", "warning": "警告", "info": "提示"}
STATUS_WORDS = {"pass": "通过", "fail": "未通过", "error": "无法读取", "unsupported": "格式不支持"}
NOT_SUBMITTED = "未报送"   # a roster unit's row without a submission


@dataclass(frozen=True, slots=True)
class Row:
    """One row of the matrix: a submission, with the roster unit it answers for (None when
    there is no roster or it matched no unit), or a roster unit with no submission (result
    None: 未报送)."""

    unit: Unit | None
    result: FileResult | None
    late: str | None = None    # why it is 逾期, when it is


@dataclass(frozen=True)
class Audit:
    items: tuple[Item, ...]
    notes: tuple[Note, ...] = ()
    rule_names: dict[str, str] = field(default_factory=dict)
    roles: matrix.Roles = field(default_factory=dict)   # what each rule is about (matrix)
    copies: dict[str, str] = field(default_factory=dict)   # path → its reviewed copy (--annotate)
    rings: tuple[Ring, ...] = ()            # copy rings, largest first
    accounting: Accounting | None = None    # the roster against the batch (--roster)
    rule_titles: dict[str, str] = field(default_factory=dict)   # rule id → its Chinese title
    verbose: bool = False                   # the summary lists everything, not the first ten

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

    def item(self, path: str) -> Item | None:
        return self._items_by_path.get(path)

    @cached_property
    def _items_by_path(self) -> dict[str, Item]:
        return {item.result.path: item for item in self.items}

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

    def title(self, rule_id: str) -> str:
        """A rule's Chinese title, else its name: what an office reads."""
        return self.rule_titles.get(rule_id) or self.rule_names.get(rule_id, "")

    def ring_of(self, path: str) -> int | None:
        """The 1-based number of the ring `path` belongs to, or None."""
        return self._ring_by_path.get(path)

    @cached_property
    def _ring_by_path(self) -> dict[str, int]:
        return {member: number for number, ring in enumerate(self.rings, 1) for member in ring.members}

    def rows(self) -> list[Row]:
        """The matrix's rows: without a roster, one per submission; with one, every unit in
        the roster's order (each submission it sent, or one empty row: 未报送), then the
        submissions that matched no unit."""
        if self.accounting is None:
            return [Row(None, result) for result in self.results]
        by_path = {result.path: result for result in self.results}
        late = self.accounting.late
        sent: dict[str, list[str]] = {}   # one pass: asking each unit for its paths is n × m
        for path, name in self.accounting.matches.items():
            sent.setdefault(name, []).append(path)
        rows = []
        for unit in self.accounting.units:
            rows += [Row(unit, by_path[path], late.get(path)) for path in sent.get(unit.name, ())
                     if path in by_path] or [Row(unit, None)]
        rows += [Row(None, by_path[path], late.get(path)) for path in self.accounting.unmatched
                 if path in by_path]
        return rows

    def reason(self, result: FileResult) -> str:
        """Why a file has its status, in Chinese: the rules that decided it, and for a file
        that passes with a part marked ✗ or △, that those findings are below the fail level."""
        if result.error:
            return f"无法读取：{result.error}"
        floor = SEVERITY_RANK.get(result.fail_on, 99)
        deciding = [d for d in result.active if SEVERITY_RANK[d.severity] >= floor]
        if deciding:
            named = self._named(deciding)
            return f"未通过：{len(deciding)} 个{SEVERITY_WORDS.get(result.fail_on, result.fail_on)}及以上问题，" + named
        level = "不判定" if result.fail_on == "never" else f"没有{SEVERITY_WORDS[result.fail_on]}级问题"
        marked = [d for d in result.active if d.rule_id in self.roles]
        below = f"；{self._named(marked)}，低于判定级别，不影响通过" if marked else ""
        return f"通过：{level}{below}"

    def _named(self, findings, shown: int = 3) -> str:
        ids = list(dict.fromkeys(d.rule_id for d in findings))
        severity = {d.rule_id: d.severity for d in findings}
        words = [f"{rule} {self.title(rule)}（{SEVERITY_WORDS[severity[rule]]}）" for rule in ids[:shown]]
        return "、".join(words) + (f" 等 {len(ids)} 条规则" if len(ids) > shown else "")
