"""One parametrized runner for tests/cases/<ID>.yaml: each case edits the compliant report
(or gives a whole text) and states where the rule fires, and whether it fires alone."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from conftest import ids
from lawlint.pipeline import fixer

CASES_DIR = Path(__file__).resolve().parent / "cases"


def _load_cases():
    for path in sorted(CASES_DIR.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for case in data["cases"]:
            yield pytest.param(data["rule"], case, id=f"{data['rule']}-{case['name']}")


def build(case: dict, base: str) -> str:
    """Apply a case's edits to the base text: `drop` line ranges, `lines` replacements by
    line number (both on the base's numbering), then `replace` pairs (each must be unique)."""
    if "text" in case:
        return case["text"]
    lines = base.split("\n")
    for number, text in case.get("lines", {}).items():
        lines[number - 1] = text
    for first, last in sorted(case.get("drop", []), reverse=True):
        del lines[first - 1:last]
    text = "\n".join(lines)
    for old, new in case.get("replace", []):
        assert text.count(old) == 1, f"edit target {old!r} must occur exactly once"
        text = text.replace(old, new)
    return text


@pytest.mark.parametrize("rule_id, case", list(_load_cases()))
def test_rule_case(lint, compliant_text, rule_id, case):
    result = lint(build(case, compliant_text), case.get("year"))
    fired = sorted(d.line for d in result.diagnostics if d.rule_id == rule_id)
    assert fired == sorted(case.get("fires_at", [])), [
        (d.rule_id, d.line, d.message) for d in result.diagnostics]
    if case.get("only"):
        assert ids(result) <= {rule_id}, f"other rules fired too: {ids(result) - {rule_id}}"
    if "fixed" in case:
        assert fix_until_stable(lint, build(case, compliant_text), case.get("year")) == \
            build({"replace": case["fixed"]}, build(case, compliant_text))


def fix_until_stable(lint, text: str, year: int | None = None) -> str:
    """What `lawlint --fix` writes: fixes applied pass after pass until none is left."""
    for _ in range(fixer.MAX_PASSES):
        text, count = fixer.apply(text, lint(text, year).diagnostics)
        if not count:
            return text
    raise AssertionError("fixes did not settle")


def test_every_rule_of_the_national_pack_has_a_case_file(ruleset):
    covered = {path.stem for path in CASES_DIR.glob("*.yaml")}
    assert {rule.id for rule in ruleset.rules} <= covered


def test_every_case_file_has_a_firing_and_a_silent_case():
    for path in CASES_DIR.glob("*.yaml"):
        cases = yaml.safe_load(path.read_text(encoding="utf-8"))["cases"]
        assert any(c.get("fires_at") for c in cases), f"{path.name}: no case where it fires"
        assert any(not c.get("fires_at") for c in cases), f"{path.name}: no case where it is quiet"
