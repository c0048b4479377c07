"""Habits (pipeline/habits.py): a fixable rule on more than `habit-threshold` lines of a file
is one finding that carries every place and every fix; `--all` and `habit-threshold: 0` list
each finding; --fix writes the same text either way; every output counts a habit once."""

from __future__ import annotations

import json
import pickle
import re
import shutil

import pytest
from click.testing import CliRunner

from conftest import COMPLIANT, SEEDS

from lawlint.audit.item import Item, from_json, to_json
from lawlint.cli import main
from lawlint.pipeline import fixer, habits, linter, workers
from lawlint.pipeline.result import Diagnostic, FileResult, Replacement

TEXT = COMPLIANT.read_text(encoding="utf-8")
SEED_003 = SEEDS / "003_ad30e693d927473c.txt"
DIRECTIVE = "<!-- lawlint-disable-next-line TY101 -- 引文原样 -->"


def edited(lines: int, new: str = ",", silenced: int | None = None, text: str = TEXT) -> str:
    """`text` with the first 「，」 of each of its first `lines` lines that hold one written
    `new` (「,」: a TY101 habit, fixable); a suppression directive above the `silenced`-th."""
    out, done = [], 0
    for line in text.split("\n"):
        if done < lines and "，" in line:
            done += 1
            out += [DIRECTIVE] if done == silenced else []
            line = line.replace("，", new, 1)
        out.append(line)
    assert done == lines
    return "\n".join(out)


UNPAIRED = "，深化“放管服“改革，"   # TY103 (unpaired-marks): a rule that never fixes


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def report(tmp_path, text: str, config: dict[str, str] | None = None, name: str = "r.txt"):
    for filename, content in (config or {}).items():
        (tmp_path / filename).write_text(content, encoding="utf-8")
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def findings(path, *args, rule: str | None = None) -> list[dict]:
    result = run(path, "--format", "json", *args)
    found = json.loads(result.output)["files"][0]["findings"]
    return [f for f in found if rule is None or f["rule_id"] == rule]


def counts(found: list[dict]) -> list[int]:
    """How many places each finding stands for; a habit's `related` lists exactly that many."""
    for f in found:
        assert len(f.get("related", [])) == (f["count"] if "count" in f else 0)
    return [f.get("count", 1) for f in found]


# --- which findings fold, on the command line ---------------------------------------------

FOLDING = {
    # name: (report, configuration files, options, rule, places per finding of that rule)
    "six-lines-of-a-habit-are-one-finding-of-six-places": (edited(6), None, (), "TY101", [6]),
    "five-lines-are-five-findings-only-more-than-five-fold": (edited(5), None, (), "TY101", [1] * 5),
    "a-rule-without-a-fix-on-ten-lines-is-ten-findings": (
        edited(10, UNPAIRED), None, (), "TY103", [1] * 10),
    "all-lists-every-finding": (edited(6), None, ("--all",), "TY101", [1] * 6),
    "habit-threshold-0-lists-every-finding": (
        edited(6), {".lawlint.yaml": "habit-threshold: 0\n"}, (), "TY101", [1] * 6),
    "habit-threshold-2-folds-three-lines": (
        edited(3), {".lawlint.yaml": "habit-threshold: 2\n"}, (), "TY101", [3]),
    "habit-threshold-in-pyproject-toml": (
        edited(3), {"pyproject.toml": "[tool.lawlint]\nhabit-threshold = 2\n"}, (), "TY101", [3]),
    "all-wins-over-the-configuration": (
        edited(3), {".lawlint.yaml": "habit-threshold: 2\n"}, ("--all",), "TY101", [1] * 3),
    "a-suppressed-place-stays-separate-and-is-not-counted": (
        edited(7, silenced=3), None, (), "TY101", [6, 1]),
    "a-suppressed-place-does-not-make-five-lines-a-habit": (
        edited(6, silenced=3), None, (), "TY101", [1] * 6),
}


@pytest.mark.parametrize("text, config, options, rule, expected", FOLDING.values(), ids=FOLDING.keys())
def test_which_findings_fold(tmp_path, text, config, options, rule, expected):
    found = findings(report(tmp_path, text, config), *options, rule=rule)
    assert sorted(counts(found), reverse=True) == expected


def test_a_suppressed_place_keeps_its_justification_outside_the_habit(tmp_path):
    found = findings(report(tmp_path, edited(7, silenced=3)), rule="TY101")
    habit, silenced = sorted(found, key=lambda f: f["suppressed"] is not None)
    assert habit["suppressed"] is None and habit["count"] == 6
    assert silenced["suppressed"] == {"justification": "引文原样"} and "count" not in silenced
    assert silenced["line"] not in {place["line"] for place in habit["related"]}


# --- the habit itself: its place, its places, its fixes ------------------------------------

def test_a_habit_stands_at_its_first_place_and_carries_every_place_and_fix_exactly(tmp_path):
    path = report(tmp_path, edited(6, "𠮷,"))   # a character outside the BMP: columns are code points
    (habit,), each = findings(path, rule="TY101"), findings(path, "--all", rule="TY101")
    keys = ("line", "column", "end_line", "end_column", "excerpt")
    assert [habit[k] for k in keys] == [each[0][k] for k in keys]
    assert [[p[k] for k in (*keys, "message")] for p in habit["related"]] == \
        [[f[k] for k in (*keys, "message")] for f in each]
    assert habit["fix"]["edits"] == [edit for f in each for edit in f["fix"]["edits"]]
    first = habit["related"][0]
    assert first["column"] == path.read_text(encoding="utf-8").split("\n")[first["line"] - 1].index(",") + 1
    shown = "、".join(str(f["line"]) for f in each)
    assert habit["message"] == each[0]["message"] + f"（全文 6 行有同类问题：第 {shown} 行）"


@pytest.mark.parametrize("text", [
    edited(6),
    re.sub(r"(?m)^（([一二三四五六七八九十]+)）", r"(\1)", edited(12)),
    SEED_003.read_text(encoding="utf-8"),   # TY101 and TY102 habits whose fixes meet on a line
], ids=["one-habit", "two-habits", "seed-003"])
def test_fix_writes_the_same_text_with_and_without_folding(tmp_path, text):
    folded, each = tmp_path / "folded", tmp_path / "each"
    outputs = {}
    for folder, options in ((folded, ()), (each, ("--all",))):
        folder.mkdir()
        path = report(folder, text)
        outputs[folder] = (run(path, "--diff", *options).output.replace(str(folder), ""),
                           run(path, "--fix", *options).output.splitlines()[0])
    assert (folded / "r.txt").read_text(encoding="utf-8") == (each / "r.txt").read_text(encoding="utf-8")
    assert (folded / "r.txt").read_text(encoding="utf-8") != text
    assert outputs[folded] == outputs[each]   # the same diff, the same 「fixed N findings」


def test_fix_applies_a_habits_places_in_file_order_where_fixes_overlap():
    """Which of two overlapping fixes wins depends on the order: a habit's places are put back
    where they stood, so another rule's fix between them still comes first."""
    def finding(rule: str, line: int, start: int, end: int) -> Diagnostic:
        edit = Replacement(start, end, "X", line, 1, line, 2)
        return Diagnostic(rule, "r", "warning", rule, "", line, 1, line, 2, "", start, fix=(edit,))

    each = (finding("A", 1, 0, 1), finding("B", 2, 2, 4), finding("A", 3, 3, 5))
    folded = habits.fold(each, threshold=1)
    assert [d.rule_id for d in folded] == ["A", "B"]
    assert fixer.apply("abcdef", folded) == fixer.apply("abcdef", each) == ("XbXef", 2)


# --- habits.fold on its own ---------------------------------------------------------------

def diagnostic(rule: str, line: int, fix: bool = True, suppressed: bool = False) -> Diagnostic:
    offset = line * 100 + (1 if rule == "B" else 0)
    edits = (Replacement(offset, offset + 1, "，", line, 1, line, 2),) if fix else ()
    return Diagnostic(rule, "r", "warning", f"{rule}{line}", "", line, 1, line, 2, ",", offset,
                      suppressed=suppressed, fix=edits)


FOLD = {
    # name: (findings, threshold, (rule, line, places) of each finding out, in order)
    "more-than-threshold-lines-are-one-finding-at-the-first": (
        [diagnostic("A", n) for n in range(1, 7)], 5, [("A", 1, 6)]),
    "threshold-lines-stay-one-by-one": (
        [diagnostic("A", n) for n in range(1, 6)], 5, [("A", n, 1) for n in range(1, 6)]),
    "the-threshold-counts-lines-not-findings": (
        [diagnostic("A", n // 2) for n in range(2, 8)], 3, [("A", n // 2, 1) for n in range(2, 8)]),
    "several-findings-on-a-line-are-all-places": (
        [diagnostic("A", n // 2) for n in range(2, 10)], 3, [("A", 1, 8)]),
    "each-rule-is-its-own-habit-and-others-keep-their-order": (
        [d for n in range(1, 4) for d in (diagnostic("A", n), diagnostic("B", n))]
        + [diagnostic("C", 4, fix=False)], 2, [("A", 1, 3), ("B", 1, 3), ("C", 4, 1)]),
    "findings-of-the-rule-without-a-fix-stay-beside-the-habit": (
        [diagnostic("A", n, fix=n != 2) for n in range(1, 8)], 5,
        [("A", 1, 6), ("A", 2, 1)]),
    "suppressed-findings-stay-and-do-not-count": (
        [diagnostic("A", n, suppressed=n == 1) for n in range(1, 7)], 4,
        [("A", 1, 1), ("A", 2, 5)]),
    "threshold-0-folds-nothing": (
        [diagnostic("A", n) for n in range(1, 7)], 0, [("A", n, 1) for n in range(1, 7)]),
}


@pytest.mark.parametrize("found, threshold, expected", FOLD.values(), ids=FOLD.keys())
def test_fold(found, threshold, expected):
    folded = habits.fold(tuple(found), threshold)
    assert [(d.rule_id, d.line, d.count) for d in folded] == expected
    for d in folded:
        assert not d.related or d.fix == tuple(r for place in d.related for r in place.fix)


@pytest.mark.parametrize("lines, tail", [
    ([3, 4, 5, 6, 7, 9], "（全文 6 行有同类问题：第 3、4、5、6、7、9 行）"),
    ([1, 1, 2, 2, 3, 3], "（全文 3 行有同类问题：第 1、2、3 行）"),
    (list(range(1, 11)), "（全文 10 行有同类问题：第 1、2、3、4、5、6、7、8 行等）"),
])
def test_the_message_ends_with_the_count_and_the_lines(lines, tail):
    folded = habits.fold(tuple(diagnostic("A", n) for n in lines), threshold=2)
    assert folded[0].message == f"A{lines[0]}{tail}"


# --- every output counts a habit once ------------------------------------------------------

def _sarif(out: str) -> int:
    return sum(r["ruleId"] == "TY101" for r in json.loads(out)["runs"][0]["results"])


OUTPUTS = {
    "text-shows-one-finding": ("text", lambda out: len(re.findall(r":\d+:\d+: warning TY101 ", out))),
    "json-has-one-finding": ("json", lambda out: sum(
        f["rule_id"] == "TY101" for f in json.loads(out)["files"][0]["findings"])),
    "sarif-has-one-result": ("sarif", _sarif),
    "github-writes-one-annotation": ("github", lambda out: out.count("title=TY101::")),
    "statistics-count-one": ("statistics", lambda out: int(re.search(r"(\d+)  TY101", out)[1])),
}


@pytest.mark.parametrize("output_format, count", OUTPUTS.values(), ids=OUTPUTS.keys())
def test_every_output_counts_a_habit_once_and_all_lists_each(tmp_path, output_format, count):
    path = report(tmp_path, edited(6))
    assert count(run(path, "--format", output_format).output) == 1
    assert count(run(path, "--format", output_format, "--all").output) == 6


def test_text_says_how_many_places_the_habits_stand_for(tmp_path):
    out = run(report(tmp_path, edited(6)), "--no-show-source").output
    assert "（全文 6 行有同类问题：第 " in out
    assert "[*] 1 fixable with --fix" in out
    assert "1 habit shown as one finding each (6 places; --all lists every one)" in out
    assert "shown as one finding" not in run(report(tmp_path, edited(6)), "--all").output


def test_a_habit_of_errors_still_fails(tmp_path):
    path = report(tmp_path, edited(6), {".lawlint.yaml": "severity: {TY101: error}\n"})
    assert [run(path, "-q").exit_code, run(path, "-q", "--all").exit_code] == [1, 1]
    assert counts(findings(path, rule="TY101")) == [6]


def test_sarif_puts_the_places_in_related_locations(tmp_path):
    path = report(tmp_path, edited(6))
    each = findings(path, "--all", rule="TY101")
    (result,) = [r for r in json.loads(run(path, "--format", "sarif").output)["runs"][0]["results"]
                 if r["ruleId"] == "TY101"]
    related = result["relatedLocations"]
    assert [r["id"] for r in related] == list(range(1, 7))
    assert [(r["physicalLocation"]["region"]["startLine"], r["physicalLocation"]["region"]["startColumn"],
             r["physicalLocation"]["region"]["endColumn"], r["physicalLocation"]["region"]["snippet"]["text"])
            for r in related] == [(f["line"], f["column"], f["end_column"], f["excerpt"]) for f in each]
    assert related[1]["message"]["text"] == f"第 2 处（共 6 处）：{each[1]['message']}"
    assert len(result["fixes"][0]["artifactChanges"][0]["replacements"]) == 6


def test_sarif_with_habits_is_valid_sarif_2_1_0(tmp_path, sarif_validator):
    path = report(tmp_path, edited(7, silenced=3))
    sarif_validator.validate(json.loads(run(path, SEED_003, "--format", "sarif").output))


# --- configuration ------------------------------------------------------------------------

@pytest.mark.parametrize("config, error", [
    ("habit-threshold: -1\n", ".lawlint.yaml:1: -1 is less than the minimum of 0"),
    ("habit-threshold: five\n", ".lawlint.yaml:1: 'five' is not of type 'integer'"),
    ("habit-threshold: true\n", ".lawlint.yaml:1: True is not of type 'integer'"),
    ("habit_threshold: 0\n", "'habit_threshold' was unexpected"),   # settings are kebab-case
])
def test_a_bad_habit_threshold_is_a_configuration_error(tmp_path, config, error):
    result = run(report(tmp_path, edited(6), {".lawlint.yaml": config}))
    assert result.exit_code == 2 and error in result.output, result.output


# --- the audit, batches and the cache -----------------------------------------------------

def test_the_audit_folds_habits_the_same_way_and_its_matrix_does_not_change(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("LAWLINT_CACHE_DIR", str(tmp_path / "cache"))
    (tmp_path / "in").mkdir()
    report(tmp_path / "in", edited(6))
    (tmp_path / "each.yaml").write_text("habit-threshold: 0\n", encoding="utf-8")
    audits = [json.loads(run("audit", "in", "--format", "json", *options).output)
              for options in ((), (), ("--config", "each.yaml"))]   # the second from the cache
    folded, cached, each = ([f for f in a["files"][0]["findings"] if f["rule_id"] == "TY101"]
                            for a in audits)
    assert (len(folded), len(each)) == (1, 6) and "全文 6 行有同类问题" in folded[0]["message"]
    assert cached == folded and audits[1] == audits[0]
    assert [a["summary"]["by_rule"]["TY101"] for a in audits] == [1, 1, 6]
    assert audits[0]["files"][0]["elements"] == audits[2]["files"][0]["elements"]


def test_a_habit_survives_the_audit_cache_and_the_worker_pipe(tmp_path):
    path = report(tmp_path, edited(6))
    result = linter.lint_path(str(path), linter.Resolver(linter.Options(isolated=True)))
    assert any(d.related for d in result.diagnostics)
    item = Item(result.without_fixes())
    assert from_json(json.loads(json.dumps(to_json(item)))) == item
    assert pickle.loads(workers._Encoder().dumps(result)) == result


def test_a_batch_in_worker_processes_folds_as_one_process_does(tmp_path):
    for number in range(4):
        report(tmp_path, edited(6 + number), name=f"r{number}.txt")
    results = {jobs: list(linter.lint_paths([str(tmp_path)], linter.Resolver(
        linter.Options(isolated=True, jobs=jobs)))) for jobs in (1, 2)}
    assert results[1] == results[2]
    assert [d.count for r in results[1] for d in r.diagnostics if d.rule_id == "TY101"] == [6, 7, 8, 9]


# --- the seed that asked for it -----------------------------------------------------------

def test_seed_003_goes_from_dozens_of_findings_to_about_a_dozen(tmp_path):
    shutil.copy(SEED_003, tmp_path / "r.txt")
    folded, each = findings(tmp_path / "r.txt"), findings(tmp_path / "r.txt", "--all")
    assert len(folded) <= 12 < 30 <= len(each)
    assert sum(counts(folded)) == len(each)
    assert {f["rule_id"] for f in folded if "count" in f} == {"TY101", "TY102"}


def test_without_habits_the_result_is_unchanged():
    result = FileResult("r.txt", (diagnostic("A", 1), diagnostic("A", 2)))
    assert habits.fold(result.diagnostics, 5) is result.diagnostics


@pytest.mark.parametrize("words, folded", [
    (["截止至"] * 6, 1),                      # one miswritten word six times: one habit
    (["截止至"] * 3 + ["建康中国"] * 3, 6),      # two words, three each: no habit of either
    (["截止至"] * 6 + ["建康中国"], 2),          # the habit, and the other word on its own
])
def test_a_word_lists_words_are_habits_of_their_own(tmp_path, words, folded):
    """TY201 finds several miswritten words: a habit is one word written wrong throughout,
    never different words folded into one finding that shows only the first."""
    lines = [f"第{n}项工作{word}年底完成。" for n, word in enumerate(words, start=1)]
    path = report(tmp_path, "\n".join(lines) + "\n")
    assert len(findings(path, rule="TY201")) == folded
