"""A pack in, its problems out: the harness behind `check-pack` and `test-pack`.

Every rule a pack defines (or overrides) must carry `examples.bad` that fire it and
`examples.good` that do not, and a message whose placeholders its kind provides. Fixture
reports may mark expected findings with `<!-- lawlint-expect LL103 -->` on the finding's line.
"""

from __future__ import annotations

import string
from dataclasses import dataclass
from pathlib import Path

import regex

from lawlint.pipeline import linter
from lawlint.document import source
from lawlint.packs.ruleset import Rule, RuleSet, load_ruleset
from lawlint.checks import SPECS

_EXPECT = regex.compile(r"<!--\s*lawlint-expect\s+(?P<rules>[^>]*?)\s*-->")


@dataclass(frozen=True, slots=True)
class Problem:
    """Something wrong with a pack, at a file and line, about a rule."""

    path: str
    line: int | None
    rule_id: str
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.rule_id}: {self.message}"


@dataclass(frozen=True, slots=True)
class Report:
    pack: str
    rules: int
    examples: int
    fixtures: int
    problems: tuple[Problem, ...]


def own_rules(ruleset: RuleSet, pack_name: str) -> tuple[Rule, ...]:
    """Rules the pack itself defines or overrides (not those it only inherits)."""
    return tuple(rule for rule in ruleset.rules if rule.pack == pack_name)


def check(path: Path, fixtures: Path | None = None, run_fixtures: bool = True) -> Report:
    """Load a pack (PackError if it cannot be), then test its rules' examples and, with
    `run_fixtures`, the annotated reports in `fixtures` (default: <pack>.tests/ beside it)."""
    from lawlint.packs import packfile

    pack = packfile.load(path)
    ruleset = load_ruleset((str(path),))
    rules = own_rules(ruleset, pack.name)
    problems = [p for rule in rules for p in _rule_problems(rule, ruleset)]
    fixture_dir = fixtures or path.parent / f"{path.stem}.tests"
    files = sorted([*fixture_dir.glob("*.txt"), *fixture_dir.glob("*.md")]) \
        if run_fixtures and fixture_dir.is_dir() else []
    for fixture in files:
        problems.extend(_fixture_problems(fixture, ruleset, rules))
    count = sum(len(r.examples.get("bad", ())) + len(r.examples.get("good", ())) for r in rules)
    return Report(pack.name, len(rules), count, len(files), tuple(problems))


def _rule_problems(rule: Rule, ruleset: RuleSet) -> list[Problem]:
    file, line = rule.origin
    problems = []
    unknown = _placeholders(rule.message) - set(SPECS[rule.kind].provides)
    if unknown:
        problems.append(Problem(file, line, rule.id, f"message uses {{{', '.join(sorted(unknown))}}}, "
                                f"which kind {rule.kind!r} never provides"))
    for group in ("bad", "good"):
        if not rule.examples.get(group):
            problems.append(Problem(file, line, rule.id, f"no examples.{group}"))
    bad = rule.examples.get("bad", ())
    fired = [_fires(rule, text, ruleset) for text in bad]
    if bad and not any(fired):
        problems.append(Problem(file, line, rule.id, "the rule never fires: no bad example triggers it"))
    problems += [Problem(file, line, rule.id, f"examples.bad[{i}] does not fire")
                 for i, hit in enumerate(fired) if not hit and any(fired)]
    problems += [Problem(file, line, rule.id, f"examples.good[{i}] fires")
                 for i, text in enumerate(rule.examples.get("good", ())) if _fires(rule, text, ruleset)]
    return problems


def _placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def _fires(rule: Rule, text: str, ruleset: RuleSet) -> bool:
    """Whether the rule fires on an example, linted as the copy its kind judges: a text the
    pack author wrote (a .md file, its # marks the author's own), published when the kind is
    about publication."""
    published = True if SPECS[rule.kind].published else None
    result = linter.lint_source(source.from_text(text, "example.md"), ruleset, published=published)
    return any(d.rule_id == rule.id for d in result.diagnostics)


def _fixture_problems(fixture: Path, ruleset: RuleSet, rules: tuple[Rule, ...]) -> list[Problem]:
    src = source.read(fixture)
    expected = {(key, src.location(m.start())[0]) for m in _EXPECT.finditer(src.text)
                for key in m.group("rules").split()}
    checked = {r.id for r in rules} | {key for key, _ in expected}
    result = linter.lint_source(src, ruleset)
    actual = {(d.rule_id, d.line) for d in result.diagnostics if d.rule_id in checked}
    return ([Problem(str(fixture), line, key, "expected finding is missing")
             for key, line in sorted(expected - actual)]
            + [Problem(str(fixture), line, key, "unexpected finding (mark it with lawlint-expect)")
               for key, line in sorted(actual - expected)])
