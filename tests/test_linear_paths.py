"""What the paths rewritten to run in linear time return (issue 13): the section tree, bracket
pairing, the excerpt window of a long line, same-organ notes and streamed JSON. Results
only; how long they take is benchmarks/complexity.py's business."""

from __future__ import annotations

import io
import json

import pytest

from lawlint.audit import crosscheck
from lawlint.audit.item import Item
from lawlint.checks import Context, typography
from lawlint.document import fold, source, structure
from lawlint.output import Display, jsonwriter, sarif, text
from lawlint.output import json as json_output
from lawlint.pipeline.result import Diagnostic, FileResult


def sections(body: str, ruleset):
    """(title, parent's title, title of the heading that ends it) per section, as folded
    (half-width brackets); None: the top, or the end of the body."""
    src = source.from_text("某局2023年法治政府建设年度报告\n\n" + body, "r.txt")
    doc = structure.parse(src, fold.fold(src), None, ruleset.grammar)
    starts = {s.start: s.heading.line.text for s in doc.sections}
    return [(s.heading.line.text, None if s.parent is None else doc.sections[s.parent].heading.line.text,
             starts.get(s.end)) for s in doc.sections]


@pytest.mark.parametrize("body, tree", [
    ("一、甲\n二、乙\n三、丙\n",
     [("一、甲", None, "二、乙"), ("二、乙", None, "三、丙"), ("三、丙", None, None)]),
    ("一、甲\n(一)子\n1.孙\n(二)丑\n二、乙\n",
     [("一、甲", None, "二、乙"), ("(一)子", "一、甲", "(二)丑"), ("1.孙", "(一)子", "(二)丑"),
      ("(二)丑", "一、甲", "二、乙"), ("二、乙", None, None)]),
    ("一、甲\n(1)细\n(一)子\n二、乙\n",   # a level skipped, then the one between
     [("一、甲", None, "二、乙"), ("(1)细", "一、甲", "(一)子"), ("(一)子", "一、甲", "二、乙"),
      ("二、乙", None, None)]),
    ("1.孙\n一、甲\n1.孙二\n",   # deeper first, then a higher rank closes it
     [("1.孙", None, "一、甲"), ("一、甲", None, None), ("1.孙二", "一、甲", None)]),
])
def test_a_section_runs_to_the_next_heading_of_its_rank_or_higher(body, tree, ruleset):
    assert sections(body, ruleset) == tree


def test_many_sibling_headings_each_end_at_the_next(ruleset):
    tree = sections("一、\n" * 2000, ruleset)
    assert len(tree) == 2000 and all(parent is None for _, parent, _ in tree)
    assert [end for _, _, end in tree] == ["一、"] * 1999 + [None]


def punctuation(line: str) -> list[tuple]:
    """(offset in `line`, found, count, edits) of each punctuation finding on a one-line body."""
    head = "标题\n\n"
    src = source.from_text(head + line + "\n", "r.txt")
    doc = structure.parse(src, fold.fold(src))
    at = len(head)
    return [(hit.span.start - at, hit.args["found"], hit.args["count"],
             [(edit.span.start - at, edit.span.end - at, edit.text) for edit in hit.fix])
            for hit in typography.PunctuationCheck({}).run(Context(doc, {}, ()))]


@pytest.mark.parametrize("line, found", [
    # nested: only pairs in Chinese context; Chinese inside a pair counts for the pairs around it
    ("中文(a(b)c)文", [(2, "“()”", 1, [(2, 3, "（"), (8, 9, "）")])]),
    ("中" + "(" * 1000 + ")" * 1000 + "文", [(1, "“()”", 1, [(1, 2, "（"), (2000, 2001, "）")])]),
    ("abc (x (中) y) def", [(4, "“()”×2", 2, [(4, 5, "（"), (12, 13, "）"), (7, 8, "（"), (9, 10, "）")])]),
    ("abc (x （y） z) def", [(4, "“()”", 1, [(4, 5, "（"), (12, 13, "）")])]),   # a full-width pair is Chinese
    ("abc (x (y) 中) def", [(4, "“()”", 1, [(4, 5, "（"), (12, 13, "）")])]),    # Chinese after the inner pair
    ("abc (see `中文` x) def", [(4, "“()”", 1, [(4, 5, "（"), (15, 16, "）")])]),  # even inside code
    ("abc (x (y) z) 中", []),
    ("ab (（中）) cd", [(3, "“()”", 1, [(3, 4, "（"), (7, 8, "）")])]),
    # unbalanced: what is left open or closes nothing is a single mark
    ("中文(说明", [(2, "“(”", 1, [(2, 3, "（")])]),
    ("说明)中文", [(2, "“)”", 1, [(2, 3, "）")])]),
    ("中文((说明)", [(2, "“(”、“()”", 2, [(2, 3, "（"), (3, 4, "（"), (6, 7, "）")])]),
    ("中文(说明))", [(2, "“()”", 1, [(2, 3, "（"), (5, 6, "）")])]),
    ("中(\n)文", [(1, "“(”", 1, [(1, 2, "（")]), (3, "“)”", 1, [(3, 4, "）")])]),   # a pair never spans lines
    # mixed full- and half-width
    ("中文（说明)", [(2, "“（)”", 1, [(5, 6, "）")])]),
    ("中文(说明）", [(2, "“(）”", 1, [(2, 3, "（")])]),
    ("（中文）", []),
    # Latin, and the 六角括号 of a document number
    ("Smith (2020) 的研究", []),
    ("a(b)c", []),
    ("国发(2021)26号", [(2, "“()”", 1, [(2, 8, "〔2021〕")])]),
])
def test_bracket_pairs_are_found_as_the_stack_pairs_them(line, found):
    assert punctuation(line) == found


def finding(column: int, end_column: int, masked: bool = False, excerpt: str = "x") -> Diagnostic:
    return Diagnostic("LL999", "x", "warning", "m", "b", 1, column, 1, end_column, excerpt, masked=masked)


def excerpts(line: str, findings: list[Diagnostic], columns: int = 40) -> list[str]:
    """The excerpt and caret lines of each finding on a one-line report."""
    out = io.StringIO()
    text.render([FileResult("r.txt", tuple(findings), text=line + "\n")], None, out,
                Display(width=columns, quiet=1))
    return [row for row in out.getvalue().splitlines() if not row.startswith("r.txt")]


_LONG = "".join(f"{i:04d}中" for i in range(2000))   # 10,000 characters, 12,000 cells
_WIDE = "汉" * 3000 + "e\u0301" * 10 + "\t" + "字" * 3000


@pytest.mark.parametrize("line, found, shown", [
    (_LONG, [finding(1, 5)], ["     1 | 0000中0001中0002中0003中0004中…", "       | ^^^^"]),
    (_LONG, [finding(5001, 5005)], ["     1 | …8中0999中1000中1001中1002中10…", "       |           ^^^^"]),
    (_LONG, [finding(9996, 10001)], ["     1 | …7中1998中1999中", "       |           ^^^^^^"]),
    (_WIDE, [finding(3001, 3003), finding(2999, 3001)],   # wide, combining marks, a tab
     ["     1 | …汉汉汉汉" + "e\u0301" * 10 + "    字字字…", "       |          ^",
      "     1 | …汉汉汉汉汉汉" + "e\u0301" * 10 + "    字…", "       |          ^^^^"]),
])
def test_a_long_line_shows_a_window_around_each_finding(line, found, shown):
    assert excerpts(line, found) == shown


def test_every_masked_span_of_a_line_is_masked_in_every_excerpt():
    line = "联系13812345678或13912345678，" * 2
    found = [finding(3, 14, True, "138******78"), finding(15, 26, True, "139******78"), finding(30, 32)]
    shown = excerpts(line, found, 200)[::2]
    assert shown == ["     1 | 联系138******78或139******78，联系13812345678或13912345678，"] * 3


def test_a_masked_span_past_the_end_of_its_line_is_appended():
    assert excerpts("短", [finding(5, 5, True, "1*2")], 200)[0] == "     1 | 短1*2"


@pytest.mark.parametrize("line, room, fits", [
    ("", 0, True),
    ("ab", 2, True),
    ("abc", 2, False),
    ("中", 1, False),
    ("\t", 3, False),
    ("a" + "\u0301" * 1000, 1, True),   # combining marks take no cell, however many
    ("中" * 5000, 80, False),
])
def test_a_line_fits_when_its_cells_do(line, room, fits):
    assert text.fits(line, room) is fits


def organ_notes(years: list[int | None], organ: str | None = "某市司法局") -> list[str]:
    items = [Item(FileResult(f"r{i}.txt", organ=organ, report_year=year)) for i, year in enumerate(years)]
    return [f"{note.path}: {note.message}" for note in crosscheck.notes(items)]


@pytest.mark.parametrize("years, notes", [
    ([2023], []),
    ([2022, 2023], ["r0.txt: 某市司法局 另有报告 r1.txt（本件 2022），疑为旧稿",
                    "r1.txt: 某市司法局 另有报告 r0.txt（本件 2023），重复报送"]),
    ([2023, None, 2023, 2023, 2023],
     ["r0.txt: 某市司法局 另有报告 r1.txt、r2.txt、r3.txt 等 4 份（本件 2023），重复报送",
      "r1.txt: 某市司法局 另有报告 r0.txt、r2.txt、r3.txt 等 4 份（本件 年度不明），疑为旧稿",
      "r2.txt: 某市司法局 另有报告 r0.txt、r1.txt、r3.txt 等 4 份（本件 2023），重复报送",
      "r3.txt: 某市司法局 另有报告 r0.txt、r1.txt、r2.txt 等 4 份（本件 2023），重复报送",
      "r4.txt: 某市司法局 另有报告 r0.txt、r1.txt、r2.txt 等 4 份（本件 2023），重复报送"]),
])
def test_a_same_organ_note_names_three_others_and_counts_the_rest(years, notes):
    assert [note for note in organ_notes(years) if "另有报告" in note] == notes


def test_files_without_an_organ_get_no_same_organ_note():
    assert organ_notes([2023, 2023], organ=None) == []


def test_a_streamed_document_has_the_bytes_of_json_dumps():
    rows = [{"a": i, "b": [i, "中"]} for i in range(3)]
    seen: list[int] = []
    document = {"head": 1, "rows": jsonwriter.Stream(row for row in rows if not seen.append(row["a"])),
                "none": jsonwriter.Stream(iter(())), "total": jsonwriter.Later(lambda: len(seen))}
    out = io.StringIO()
    jsonwriter.stream(document, out)
    assert out.getvalue() == json.dumps({"head": 1, "rows": rows, "none": [], "total": 3},
                                        ensure_ascii=False, indent=2)


@pytest.mark.parametrize("render", [json_output.render, sarif.render])
def test_json_and_sarif_write_each_file_before_reading_the_next(render):
    out = io.StringIO()
    written: list[int] = []

    def results():
        for index in range(3):
            written.append(len(out.getvalue()))
            yield FileResult(f"r{index}.txt", (finding(1, 2),), text="正文\n")

    render(results(), None, out)
    assert written[0] < written[1] < written[2] < len(out.getvalue())
    assert json.loads(out.getvalue())
