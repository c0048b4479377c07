"""Diagnostics + the report's directives in, diagnostics marked as suppressed out.

Directives are HTML comments, valid in Markdown and harmless in plain text:
    <!-- lawlint-disable LL103 -- 理由 -->   …   <!-- lawlint-enable LL103 -->
    <!-- lawlint-disable-next-line LL603 -- 理由 -->
    <!-- lawlint-disable-file LL107 -- 理由 -->
Rules are named by id, id prefix or name; none named means all. The reason after `--` is
kept and shown to whoever audits the report. Suppressed findings are marked, never dropped.
In a .docx the same directive is a Word comment (「lawlint-disable LL105 -- 理由」, no
<!-- -->) on the paragraphs it silences (Source.notes).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import regex

from lawlint.pipeline.result import Diagnostic
from lawlint.document.source import Source

_NOTE = regex.compile(
    r"lawlint-(?P<action>disable-next-line|disable-file|disable|enable)\b"
    r"(?P<rules>(?:(?!--).)*?)(?:--(?P<reason>.*))?$",
    regex.DOTALL,
)
_DIRECTIVE = regex.compile(
    r"<!--\s*lawlint-(?P<action>disable-next-line|disable-file|disable|enable)\b"
    r"(?P<rules>(?:(?!--).)*?)(?:--(?!>)(?P<reason>(?:(?!-->).)*))?-->",
    regex.DOTALL,
)


@dataclass(frozen=True, slots=True)
class Directive:
    """One lawlint comment: what it does, to which rules, why, and where it is."""

    action: str
    rules: tuple[str, ...]
    reason: str
    start: int
    end: int
    line: int
    lines: tuple[int, int] | None = None   # a Word comment's paragraphs: first and last line


@dataclass(frozen=True, slots=True)
class Region:
    """Lines [first, last] where `directive` silences its rules."""

    directive: Directive
    first: int
    last: int


def directives(source: Source) -> list[Directive]:
    found = []
    for match in _DIRECTIVE.finditer(source.text):
        found.append(Directive(match.group("action"), _rules(match), (match.group("reason") or "").strip(),
                               match.start(), match.end(), source.location(match.start())[0]))
    for first, last, text in source.notes:
        match = _NOTE.match(text)
        if match is None:
            continue
        start = source.line_starts[first - 1]
        end = start + len(source.line_text(first))
        found.append(Directive(match.group("action"), _rules(match), (match.group("reason") or "").strip(),
                               start, end, first, (first, last)))
    return found


def _rules(match) -> tuple[str, ...]:
    listed = match.group("rules").strip()
    return tuple(regex.split(r"[\s,，]+", listed)) if listed else ()


def regions(source: Source, found: list[Directive]) -> list[Region]:
    """Resolve directives into line ranges: a disable runs to its enable or the end."""
    last_line = source.line_count
    result: list[Region] = []
    for directive in found:
        if directive.action == "disable-file":
            result.append(Region(directive, 1, last_line))
        elif directive.lines is not None:   # a Word comment: the paragraphs it stands on
            first, last = directive.lines
            if directive.action == "disable-next-line":
                first = last = _next_content_line(source, last)
            if directive.action != "enable":
                result.append(Region(directive, first, last))
        elif directive.action == "disable-next-line":
            target = _next_content_line(source, source.location(directive.end)[0])
            result.append(Region(directive, target, target))
        elif directive.action == "disable":
            end = next((d.line for d in found if d.action == "enable" and d.line > directive.line
                        and (not d.rules or set(directive.rules) <= set(d.rules))), last_line)
            result.append(Region(directive, directive.line, end))
    return result


def _next_content_line(source: Source, after: int) -> int:
    for line in range(after + 1, source.line_count + 1):
        if source.line_text(line).strip():
            return line
    return after


def names(diagnostic: Diagnostic, keys: tuple[str, ...]) -> bool:
    """Whether directive keys name a finding's rule (all rules when there are no keys)."""
    return not keys or any(diagnostic.rule_id.startswith(k) or diagnostic.name == k for k in keys)


def apply(diagnostics: tuple[Diagnostic, ...],
          found: list[Region]) -> tuple[tuple[Diagnostic, ...], set[Region]]:
    """Mark findings inside a region; return them and the regions that silenced something."""
    used: set[Region] = set()
    marked = []
    for diagnostic in diagnostics:
        region = next((r for r in found if r.first <= diagnostic.line <= r.last
                       and names(diagnostic, r.directive.rules)), None)
        if region is not None:
            used.add(region)
            diagnostic = replace(diagnostic, suppressed=True, justification=region.directive.reason)
        marked.append(diagnostic)
    return tuple(marked), used
