"""Files × mandated elements: present, weak or missing, read from the rules that fired.

An element is missing when its 'missing' rule fired, weak when one of its quality rules
fired, present otherwise. Suppressed findings count as the author's decision: not at all."""

from __future__ import annotations

from lawlint.pipeline.result import FileResult

# (column, rules meaning "missing", rules meaning "weak")
ELEMENTS = (
    ("举措成效", ("LL101",), ()),
    ("不足原因", ("LL102",), ("LL103",)),
    ("第一责任人", ("LL104",), ("LL105",)),
    ("下年安排", ("LL106",), ()),
    ("合法性审查", (), ("LL201", "LL202")),
    ("标题", ("LL301",), ("LL302",)),
    ("主送机关", ("LL303",), ("LL304",)),
    ("署名", ("LL401",), ("LL407",)),
    ("成文日期", ("LL402",), ("LL403", "LL404", "LL405", "LL406")),
)
COLUMNS = tuple(name for name, _, _ in ELEMENTS)


def row(result: FileResult) -> dict[str, str]:
    """Status of every element for one file: present | weak | missing | error."""
    if result.error:
        return {name: "error" for name in COLUMNS}
    fired = {d.rule_id for d in result.active}
    return {name: "missing" if fired & set(missing) else "weak" if fired & set(weak) else "present"
            for name, missing, weak in ELEMENTS}
