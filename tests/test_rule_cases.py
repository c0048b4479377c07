"""One parametrized runner for tests/cases/<ID>.yaml: each case states the report it lints and
where its rule fires, by line and column; then the runner's own rules for a well-formed case."""

# The case format (tests/cases/README.md says it at more length):
#
#   rule: LL103
#   cases:
#     - name: problems-listed-without-causes    # the behaviour, kebab-case
#       shortcomings: |-                        # a part of the compliant report, restated
#         三、2021 年推进法治政府建设存在的不足
#
#         一是系统内法治意识不均衡。二是依法行政制度建设还不完善。
#       expect: ["shortcomings 1:1"]            # the rule's findings: part, line in it, column
#       only: true                              # and no other rule fires (warning, error)
#
# A case lints either `text:` (a whole short report; its positions are "line:col") or the
# compliant report, tests/fixtures/compliant.txt, edited part by part. Its parts, found by
# their headings and places, not by line numbers:
#   title, addressee, opening (the paragraph above 一、), measures (一、 and its first paragraph),
#   measures.1 … measures.7 (its items （一）…（七）), responsibility, shortcomings, plans,
#   other (the fixture has none: stating it adds it after plans), signature, date.
# Edits, applied in this order:
#   without: [part, …]      remove parts (a section with its items); later sections renumbered
#   <part>: text            the part's whole text, heading first, as a block scalar
#   headings: {part: line}  a new heading line for a part whose body stays as it is
# Expectations, all of the rule's findings, in any order:
#   expect: ["part line:col", …]  line 1 is the part's first line in the built report, columns
#                 count code points from 1; past line 1, the part must be one the case states,
#                 so a reader can count to it. expect: [] — the rule is silent.
#   only: true    no other rule fires at warning or error.
#   fixed: {part: text, headings: {…}}  the parts as `lawlint --fix` leaves them ({} for no
#                 change); for a text case, the whole fixed text.
#   year: 2021    the report year, as given on the command line.
# A failing case prints every finding by position and the report with each line's position;
# a malformed case fails with a message saying what to change.

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from cases.casecheck import check
from cases.casefile import CaseError, Report, build, build_fixed
from conftest import ids
from lawlint.pipeline import fixer

CASES_DIR = Path(__file__).resolve().parent / "cases"
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _load_cases():
    for path in sorted(CASES_DIR.glob("*.yaml")):
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=LOADER)
        assert set(data) == {"rule", "cases"}, f"{path.name}: a case file has rule and cases"
        for case in data["cases"]:
            yield pytest.param(data["rule"], case, id=f"{data['rule']}-{case.get('name')}")


CASES = list(_load_cases())


@pytest.mark.parametrize("rule_id, case", CASES)
def test_rule_case(lint, rule_id, case):
    check(case)
    report = build(case)
    result = lint(report.text, case.get("year"), case.get("file", "report.txt"), case.get("published"))
    found = [report.place(d.line, d.column) for d in result.diagnostics if d.rule_id == rule_id]
    assert sorted(found) == sorted(case["expect"]), explain(report, result)
    if case.get("only"):
        assert ids(result) <= {rule_id}, explain(report, result)
    if "fixed" in case:
        assert fix_until_stable(lint, report.text, case.get("year")) == build_fixed(case).text


def explain(report: Report, result) -> str:
    """What a failing case prints: every finding where a case states it, then the report."""
    findings = [f"  {d.rule_id} {report.place(d.line, d.column)} {d.severity}: {d.message}"
                for d in result.diagnostics]
    return "\n".join(["findings:", *findings, "report:", report.numbered()])


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
    for rule_id in {param.values[0] for param in CASES}:
        cases = [param.values[1] for param in CASES if param.values[0] == rule_id]
        assert any(c.get("expect") for c in cases), f"{rule_id}: no case where it fires"
        assert any(not c.get("expect") for c in cases), f"{rule_id}: no case where it is quiet"


@pytest.mark.parametrize("case, part, heading", [
    pytest.param({}, "shortcomings", "三、2021 年推进法治政府建设存在的不足和原因",
                 id="the-compliant-report-as-it-is"),
    pytest.param({"without": ["responsibility"]}, "shortcomings",
                 "二、2021 年推进法治政府建设存在的不足和原因",
                 id="sections-after-a-removed-one-are-renumbered"),
    pytest.param({"headings": {"plans": "四、下一步计划"}}, "plans", "四、下一步计划",
                 id="a-renamed-heading"),
    pytest.param({"other": "五、其他需要报告的情况"}, "other", "五、其他需要报告的情况",
                 id="a-part-the-fixture-lacks-is-added"),
])
def test_a_part_is_found_by_name_in_the_built_report(case, part, heading):
    report = build(case)
    lines = report.text.split("\n")
    first = [n for n in range(1, len(lines) + 1) if report.label(n) == f"{part} 1"]
    assert [lines[n - 1] for n in first] == [heading]
    assert report.place(first[0], 3) == f"{part} 1:3"


def test_an_added_part_goes_where_the_regulation_puts_it():
    names = [name for name, _, _ in build({"other": "五、其他需要报告的情况"}).parts]
    assert names[-4:] == ["plans", "other", "signature", "date"]


@pytest.mark.parametrize("case, message", [
    pytest.param({"name": "x", "shortcoming": "三、不足", "expect": []},
                 "unknown key 'shortcoming'", id="unknown-key"),
    pytest.param({"name": "x", "measures.9": "（九）其他", "expect": []},
                 "unknown key 'measures.9'", id="part-not-in-the-report"),
    pytest.param({"name": "x", "headings": {"other": "五、其他"}, "expect": []},
                 "part 'other' is not in the compliant report, so it has no heading",
                 id="heading-to-rename-not-found"),
    pytest.param({"name": "x", "without": ["plan"], "expect": []},
                 "part 'plan' is not in the compliant report", id="part-to-remove-not-found"),
    pytest.param({"name": "x", "without": ["plans"], "plans": "四、计划", "expect": []},
                 "part 'plans' is restated and also removed", id="removed-and-restated"),
    pytest.param({"name": "x", "text": "标题\n", "title": "标题", "expect": []},
                 "text and 'title'", id="a-text-and-parts"),
    pytest.param({"name": "x", "title": "标题"}, "no expect", id="no-expect"),
    pytest.param({"name": "x", "expect": ["title 1"]}, "'title 1' is not 'part line:col'",
                 id="a-position-without-a-column"),
    pytest.param({"name": "x", "expect": ["55:1"]}, "'55:1' names no part",
                 id="a-line-of-the-fixture-by-number"),
    pytest.param({"name": "x", "expect": ["plans 3:374"]}, "state 'plans'",
                 id="a-position-in-a-part-the-case-does-not-state"),
    pytest.param({"name": "x", "expect": [], "fixed": {"titel": "标题"}},
                 "fixed: unknown part 'titel'", id="a-fixed-part-misspelt"),
    pytest.param({"name": "x", "text": "标题\n", "expect": [], "fixed": {"title": "标题"}},
                 "fixed: the whole fixed text", id="a-text-case-fixed-by-part"),
])
def test_a_malformed_case_is_rejected_with_a_clear_message(case, message):
    with pytest.raises(CaseError, match=re.escape(message)):
        check(case)
