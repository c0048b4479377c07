"""Document + RuleSet in, Diagnostics out. The only place that stamps a rule's identity
(id, name, severity, message, basis) on a hit and turns spans into lines and columns."""

from __future__ import annotations

import string

from lawlint.checks import Context, Hit
from lawlint.diagnostic import Diagnostic
from lawlint.document import Document
from lawlint.rulepack import Rule, RuleSet

_EXCERPT_LIMIT = 80


def run(document: Document, ruleset: RuleSet) -> tuple[Diagnostic, ...]:
    """Run every rule on one document; findings come back in file order."""
    ctx = Context(document, ruleset.parameters, ruleset.elements)
    found = [stamp(rule, hit, document) for rule in ruleset.rules for hit in rule.check.run(ctx)]
    return tuple(sorted(found, key=lambda d: (d.offset, d.rule_id)))


def stamp(rule: Rule, hit: Hit, document: Document) -> Diagnostic:
    source = document.source
    line, column = source.location(hit.span.start)
    end_line, end_column = source.location(hit.span.end)
    excerpt = source.text[hit.span.start:hit.span.end]
    if len(excerpt) > _EXCERPT_LIMIT:
        excerpt = excerpt[:_EXCERPT_LIMIT - 1] + "…"
    return Diagnostic(rule.id, rule.name, rule.severity, format_message(rule.message, hit.args),
                      rule.basis, line, column, end_line, end_column, excerpt, hit.span.start)


class _Keep(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def format_message(template: str, args) -> str:
    """Fill {placeholders}; one the hit does not provide stays visible instead of failing."""
    return string.Formatter().vformat(template, (), _Keep(args))
