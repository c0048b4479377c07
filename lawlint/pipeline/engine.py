"""Document + RuleSet in, Diagnostics out. The only place that stamps a rule's identity
(id, name, severity, message, basis) on a hit and turns spans into lines and columns; it
also applies the report's suppression directives and reports misused ones."""

from __future__ import annotations

import string
from collections.abc import Iterator
from dataclasses import replace
from functools import lru_cache

from lawlint.checks import SPECS, Context, Hit
from lawlint.pipeline.result import Diagnostic, Replacement
from lawlint.document import Document, Edit, Span
from lawlint.errors import internal
from lawlint.packs.ruleset import INTERNAL_ERROR, Rule, RuleSet, matches
from lawlint.patterns import current_timeout

_EXCERPT_LIMIT = 80


def run(document: Document, ruleset: RuleSet, require_reason: bool = False,
        published: bool = False) -> tuple[Diagnostic, ...]:
    """Run every rule on one document; findings come back in file order. For a published
    copy, a rule with a `published` severity (the addressee or the closing missing, which
    web pages drop) is stamped with that severity instead."""
    ctx = Context(document, ruleset.parameters, ruleset.elements, ruleset.grammar.organs,
                  ruleset.laws, published)
    rules = [replace(rule, severity=rule.published) if published and rule.published else rule
             for rule in ruleset.rules]
    found = tuple(d for rule in rules for d in _run_rule(rule, ctx, ruleset))
    found += tuple(_source_notices(document, ruleset))
    if "lawlint-" not in document.source.text and not document.source.notes:
        return tuple(sorted(found, key=lambda d: (d.offset, d.rule_id)))
    from lawlint.pipeline import suppress  # only reports that carry directives need this stage

    directives = suppress.directives(document.source)
    if directives:
        regions = suppress.regions(document.source, directives)
        found, used = suppress.apply(found, regions)
        found += tuple(_misused(document, ruleset, directives, regions, used, require_reason))
    return tuple(sorted(found, key=lambda d: (d.offset, d.rule_id)))


def _run_rule(rule: Rule, ctx: Context, ruleset: RuleSet) -> list[Diagnostic]:
    """A rule's findings; a rule that times out is one LL003 finding instead, so one bad
    pattern never hangs a batch, and a check that raises is one LL000 (lawlint's bug, exit 2)."""
    try:
        return [stamp(rule, hit, ctx.doc) for hit in rule.check.run(ctx)]
    except TimeoutError:
        reason = f"正则表达式超过 {current_timeout():g} 秒仍未完成（--regex-timeout）"
    except Exception as exc:  # a check's bug must not stop the batch; say what happened
        hit = Hit(ctx.doc.anchor(), {"reason": internal(exc, f"规则 {rule.id} 检查本文件时")})
        return [stamp(INTERNAL_ERROR, hit, ctx.doc)]
    failed = ruleset.builtin("LL003")
    if failed is None:
        return []
    return [stamp(failed, Hit(ctx.doc.anchor(), {"rule": rule.id, "reason": reason}), ctx.doc)]


def _source_notices(document: Document, ruleset: RuleSet) -> Iterator[Diagnostic]:
    """What the reader noticed about the file itself, said once at its top: LL005 an
    encoding found by detection, LL006 a .docx with tracked changes or comments (not final)."""
    source = document.source
    notices = (("LL005", source.detected, {"encoding": source.encoding}),
               ("LL006", source.revisions or source.comments,
                {"changes": source.revisions, "comments": source.comments}))
    for rule_id, noticed, args in notices:
        rule = ruleset.builtin(rule_id) if noticed else None
        if rule is not None:
            yield stamp(rule, Hit(Span(0, 0), args), document)


def _misused(document, ruleset, directives, regions, used, require_reason) -> Iterator[Diagnostic]:
    """LL004 for a directive that names no rule, LL001 for one that silenced nothing, LL002
    for one without a reason."""
    unused, no_reason, unknown = (ruleset.builtin(key) for key in ("LL001", "LL002", "LL004"))
    active = [rule is not None for rule in (unused, no_reason, unknown)]
    for region in regions:
        directive = region.directive
        missing = _unknown(ruleset, directive.rules)
        hit = Hit(Span(directive.start, directive.end),
                  {"directive": f"lawlint-{directive.action} {' '.join(directive.rules)}".strip(),
                   "detail": missing})
        if missing and active[2]:
            yield stamp(unknown, hit, document)
        elif active[0] and region not in used and _names_an_active_rule(ruleset, directive.rules):
            yield stamp(unused, hit, document)
        if active[1] and require_reason and not directive.reason:
            yield stamp(no_reason, hit, document)


def _names_an_active_rule(ruleset: RuleSet, keys: tuple[str, ...]) -> bool:
    """Directives about deselected rules are not 'unused': those rules simply did not run."""
    return not keys or any(matches(rule, (key,)) for rule in ruleset.rules for key in keys) \
        or bool(_unknown(ruleset, keys))


def _unknown(ruleset: RuleSet, keys: tuple[str, ...]) -> str:
    missing = [key for key in keys if not ruleset.defines(key)]
    return f" {'、'.join(missing)}" if missing else ""


def stamp(rule: Rule, hit: Hit, document: Document) -> Diagnostic:
    source = document.source
    line, column = source.location(_shown_start(source, hit.span.start))
    end_line, end_column = source.location(hit.span.end)
    excerpt = source.text[hit.span.start:hit.span.end]
    if hit.mask:
        from lawlint.checks.identifier import mask

        excerpt = mask(excerpt)
    if len(excerpt) > _EXCERPT_LIMIT:
        excerpt = excerpt[:_EXCERPT_LIMIT - 1] + "…"
    page = source.page_of(line)
    spec = SPECS.get(rule.kind)
    return Diagnostic(rule.id, rule.name, rule.severity, format_message(rule.message, hit.args),
                      rule.basis, line, column, end_line, end_column, excerpt, hit.span.start,
                      masked=hit.mask, paragraph=source.paragraph_of(line),
                      page=page[0] if page else None, page_line=page[1] if page else None,
                      fix=_replacements(hit.fix, document) if hit.fix else (),
                      habit=str(hit.args.get(spec.habit, "")) if spec and spec.habit else "",
                      whole=hit.span.start == hit.span.end or hit.span == document.anchor(),
                      context=_word_context(document, line) if source.format == "docx" else "")


_QUOTED = 12   # characters of a paragraph's start that a Word user searches for


def _word_context(document: Document, line: int) -> str:
    """Where a Word user finds a line: under which heading, in the paragraph that starts
    so (Word shows no line numbers, and its paragraph count is not lawlint's)."""
    source = document.source
    number = source.paragraph_of(line)
    first = next(n for n in range(line, 0, -1) if n == 1 or source.paragraph_of(n - 1) != number)
    start = source.line_text(first).lstrip("# ").strip()
    quote = start[:_QUOTED] + ("…" if len(start) > _QUOTED else "")
    heading = _heading_above(document, source.line_starts[first - 1])
    parts = [f"「{heading}」下" if heading and not start.startswith(heading[:_QUOTED]) else "",
             f"段首「{quote}」" if quote else ""]
    return "，".join(part for part in parts if part)


def _heading_above(document: Document, offset: int) -> str:
    """The title of the last heading that starts before `offset` (original text)."""
    found = ""
    for section in document.sections:
        at = document.span(section.heading.line.start, section.heading.line.start).start
        if at > offset:
            break
        line = section.heading.line
        title = document.written(document.span(line.start, line.end)).lstrip("# ").strip()
        found = title[:_QUOTED] + ("…" if len(title) > _QUOTED else "")
    return found


def _shown_start(source, offset: int) -> int:
    """A finding that starts on text the reader drew (a Word list number, a heading mark)
    points at the start of its paragraph: there is nothing of the file's own there to show."""
    for start, end in source.generated:
        if start <= offset < end:
            return start
    return offset


def _replacements(edits: tuple[Edit, ...], document: Document) -> tuple[Replacement, ...]:
    """A fix in file terms. Only a plain-text report is its own text: offsets into text
    extracted from .docx, .pdf or .html could not be applied to the file, so they carry none
    (a reviewed .docx writes the fixes as tracked changes itself). An edit never touches a
    line break, so the file's line endings survive every fix."""
    source = document.source
    if source.format != "text" or any(_breaks(source.text[e.span.start:e.span.end] + e.text)
                                      for e in edits):
        return ()
    return tuple(Replacement(e.span.start, e.span.end, e.text, *source.location(e.span.start),
                             *source.location(e.span.end))
                 for e in sorted(edits, key=lambda e: e.span.start))


def _breaks(text: str) -> bool:
    return "\n" in text or "\r" in text


class _Keep(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def format_message(template: str, args) -> str:
    """Fill {placeholders}; one the hit does not provide stays visible instead of failing."""
    pieces = _pieces(template)
    if pieces is None:
        return string.Formatter().vformat(template, (), _Keep(args))
    return "".join(literal if name is None else
                   literal + (format(args[name], "") if name in args else "{" + name + "}")
                   for literal, name in pieces)


@lru_cache(maxsize=1024)
def _pieces(template: str) -> tuple[tuple[str, str | None], ...] | None:
    """A template as (literal, field name) pairs, parsed once (string.Formatter parses it on
    every call); None when a field is more than a plain name ({n:,}, {0}, {a.b}, {x!r})."""
    try:
        parsed = list(string.Formatter().parse(template))
    except ValueError:
        return None
    if any(name is not None and (spec or conversion or not name.isidentifier())
           for _, name, spec, conversion in parsed):
        return None
    return tuple((literal, name) for literal, name, _, _ in parsed)
