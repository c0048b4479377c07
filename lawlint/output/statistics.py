"""`--statistics`: one line per rule with its count of (unsuppressed) findings, most first."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import TextIO

from lawlint.output import Display
from lawlint.output.text import Tally
from lawlint.pipeline.result import FileResult


def render(results: Iterable[FileResult], ruleset, out: TextIO, display: Display = Display()) -> None:
    counts: Counter = Counter()
    unreadable, tally = [], Tally()
    for result in results:
        tally.add(result)
        counts.update((d.rule_id, d.name, d.severity) for d in result.active)
        if result.error:
            unreadable.append(f"{result.path}: error: {result.error}\n")
    if display.quiet >= 2:
        return
    for (rule_id, name, severity), count in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        out.write(f"{count:>6}  {rule_id}  {severity:<7}  {name}\n")
    out.writelines(unreadable)
    if not display.quiet:
        out.write(tally.summary() + "\n")
