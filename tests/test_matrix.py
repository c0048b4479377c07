"""The audit matrix reads what each rule is about from its pack (`about:`) and whether its
kind reports absence, never a list of rule ids: a pack of one's own joins the columns."""

import pytest

from lawlint.audit import matrix
from lawlint.packs.ruleset import load_ruleset
from lawlint.pipeline.result import Diagnostic, FileResult


def _finding(rule_id: str, suppressed: bool = False) -> Diagnostic:
    return Diagnostic(rule_id, "x", "error", "m", "b", 1, 1, 1, 2, "", suppressed=suppressed)


ROLES = {"XX1": ("S", True), "XX2": ("S", False), "XX3": ("date", False)}


@pytest.mark.parametrize("fired, column, status", [
    ((), "不足原因", "present"),
    (("XX2",), "不足原因", "weak"),
    (("XX1",), "不足原因", "missing"),
    (("XX1", "XX2"), "不足原因", "missing"),      # absent outranks weak
    (("XX3",), "成文日期", "weak"),
    (("XX3",), "不足原因", "present"),            # a rule marks only what it is about
    (("YY9",), "不足原因", "present"),            # a rule about nothing marks nothing
])
def test_a_part_is_missing_weak_or_present_by_the_roles_of_what_fired(fired, column, status):
    result = FileResult("r.txt", tuple(_finding(rule) for rule in fired))
    assert matrix.row(result, ROLES)[column] == status


def test_a_suppressed_finding_is_the_authors_decision():
    result = FileResult("r.txt", (_finding("XX1", suppressed=True),))
    assert matrix.row(result, ROLES)["不足原因"] == "present"


def test_an_unreadable_file_is_an_error_in_every_column():
    assert set(matrix.row(FileResult("r.txt", error="unreadable"), ROLES).values()) == {"error"}


@pytest.mark.parametrize("rule_id, role", [
    ("LL101", ("M", True)),            # section: absence
    ("LL104", ("R", True)),            # statement: absence
    ("LL105", ("R", False)),           # statement-part: the statement is there
    ("LL303", ("addressee", True)),    # present, scope addressee
    ("LL304", ("addressee", False)),
    ("LL202", ("legal-review", False)),
    ("LL405", ("date", False)),
])
def test_the_national_pack_says_what_its_rules_are_about(rule_id, role):
    assert matrix.roles_of(load_ruleset(("national",)).all_rules)[rule_id] == role


def test_rules_about_no_part_are_not_in_the_matrix():
    roles = matrix.roles_of(load_ruleset(("national", "typography")).all_rules)
    assert "TY101" not in roles and "LL803" not in roles
