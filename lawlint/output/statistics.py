"""`--statistics`: one line per rule with its count of (unsuppressed) findings, most first."""

from __future__ import annotations

from collections import Counter
from typing import TextIO

from lawlint.output.text import summary


def render(results, ruleset, out: TextIO, **_: object) -> None:
    counts = Counter((d.rule_id, d.name, d.severity) for r in results for d in r.active)
    for (rule_id, name, severity), count in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        out.write(f"{count:>6}  {rule_id}  {severity:<7}  {name}\n")
    for result in results:
        if result.error:
            out.write(f"{result.path}: error: {result.error}\n")
    out.write(summary(results) + "\n")
