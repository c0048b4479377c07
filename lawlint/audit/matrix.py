"""Files × mandated parts: present, weak or missing, read from what the rules that fired
are about (each rule's `about:` in its pack), never from a list of rule ids.

A part is missing when a rule about it whose kind reports absence (section, statement,
present) fired, weak when any other rule about it fired, present otherwise. Suppressed
findings count as the author's decision: not at all."""

from __future__ import annotations

from collections.abc import Mapping

from lawlint.pipeline.result import FileResult

# The columns an office reads, in order: (what rules say they are `about`, its heading)
PARTS = (
    ("M", "举措成效"), ("S", "不足原因"), ("R", "第一责任人"), ("P", "下年安排"),
    ("legal-review", "合法性审查"), ("title", "标题"), ("addressee", "主送机关"),
    ("signature", "署名"), ("date", "成文日期"),
)
COLUMNS = tuple(label for _, label in PARTS)
# each status of a part: its mark and what the mark means (every renderer's legend)
MARKS = {"present": ("✓", "齐全"), "weak": ("△", "不完善"), "missing": ("✗", "缺失"), "error": ("—", "无法读取")}

# rule id → (the part it is about, whether a finding means the part is absent)
Roles = Mapping[str, tuple[str, bool]]


def roles_of(rules) -> dict[str, tuple[str, bool]]:
    """The roles of a rule set's rules that are about a part."""
    from lawlint.checks import SPECS

    return {rule.id: (rule.about, SPECS[rule.kind].absence if rule.kind in SPECS else False)
            for rule in rules if rule.about}


def row(result: FileResult, roles: Roles) -> dict[str, str]:
    """Status of every part for one file: present | weak | missing | error."""
    if result.error:
        return {label: "error" for label in COLUMNS}
    missing, weak = set(), set()
    for diagnostic in result.active:
        about, absence = roles.get(diagnostic.rule_id, (None, False))
        (missing if absence else weak).add(about)
    return {label: "missing" if key in missing else "weak" if key in weak else "present"
            for key, label in PARTS}
