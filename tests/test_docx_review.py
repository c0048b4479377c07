"""The reviewed copy (lawlint/output/docx_review.py, `--format docx`): one Word comment by
「lawlint」 per unsuppressed finding, anchored on exactly the finding's text; the original
file untouched and every paragraph of the copy as it was; any input gives a .docx."""

from __future__ import annotations

import subprocess
import sys

import docx
import pytest
from click.testing import CliRunner

from builders import to_docx, to_word_docx
from conftest import SEEDS

from lawlint.cli import main
from lawlint.pipeline import linter

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
SEED_FILES = sorted(SEEDS.glob("*.txt"))


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def anchored(document) -> dict[str, str]:
    """Comment id → the text between its range start and end, in body order."""
    open_ranges, texts = {}, {}
    for element in document.element.body.iter():
        tag = element.tag.rsplit("}", 1)[-1] if isinstance(element.tag, str) else ""
        if tag == "commentRangeStart":
            open_ranges[element.get(f"{{{W}}}id")] = ""
        elif tag == "commentRangeEnd":
            texts[element.get(f"{{{W}}}id")] = open_ranges.pop(element.get(f"{{{W}}}id"), None)
        elif tag == "t":
            for key in open_ranges:
                open_ranges[key] += element.text or ""
    return texts


def findings(path):
    result = linter.run_file(str(path), linter.Resolver(linter.Options(isolated=True))).result
    return [d for d in result.diagnostics if not d.suppressed]


def paragraphs(document):
    return [(p.text, p.style.name) for p in document.paragraphs]


@pytest.fixture(params=SEED_FILES, ids=lambda p: p.name[:3])
def authors_file(request, tmp_path):
    """A seed as an author's Word file (numbered headings, a tracked insertion, a content
    control, a text box: tests/builders.py), and its reviewed copy."""
    original = tmp_path / (request.param.stem + ".docx")
    original.write_bytes(to_word_docx(request.param.read_text(encoding="utf-8")))
    before = original.read_bytes()
    reviewed = tmp_path / "审查稿.docx"
    result = run("--format", "docx", "--no-tracked-fixes", "-o", reviewed, original)
    assert result.exit_code in (0, 1), result.output
    return original, before, reviewed


def test_one_comment_by_lawlint_per_finding(authors_file):
    original, _, reviewed = authors_file
    copy = docx.Document(str(reviewed))
    assert len(list(copy.comments)) == len(findings(original))
    assert {c.author for c in copy.comments} == {"lawlint"}


def test_each_comment_stands_on_its_findings_text(authors_file):
    """Anchored text = the excerpt (a finding about the whole document: its paragraph; a
    masked name: the text under it, which is the author's own)."""
    original, _, reviewed = authors_file
    copy = docx.Document(str(reviewed))
    texts = anchored(copy)
    by_rule = {}
    for comment in copy.comments:
        by_rule.setdefault(comment.text.split("（", 1)[0], []).append(texts[str(comment.comment_id)])
    for finding in findings(original):
        spans = by_rule[finding.rule_id]
        if finding.whole or finding.masked or finding.excerpt.endswith("…"):
            assert all(spans), finding
        else:   # a heading's list number is drawn by Word, not text of the file: not anchored
            excerpt = finding.excerpt.replace("\n", "")
            assert any(span and excerpt.endswith(span) for span in spans), (finding, spans)


def test_the_original_is_untouched_and_the_copy_keeps_every_paragraph(authors_file):
    original, before, reviewed = authors_file
    assert original.read_bytes() == before
    assert paragraphs(docx.Document(str(reviewed))) == paragraphs(docx.Document(str(original)))


def rejected(path) -> list[str]:
    """Each paragraph's text with lawlint's tracked changes rejected: its w:delText back, its
    w:ins out (the author's own revisions in the file are left as they are)."""
    document = docx.Document(str(path))
    texts = []
    for paragraph in document.element.body.iter(f"{{{W}}}p"):
        pieces = []
        for element in paragraph.iter(f"{{{W}}}t", f"{{{W}}}delText"):
            inserted = any(a.tag == f"{{{W}}}ins" and a.get(f"{{{W}}}author") == "lawlint"
                           for a in element.iterancestors())
            deleted = element.tag == f"{{{W}}}delText" and any(
                a.get(f"{{{W}}}author") == "lawlint" for a in element.iterancestors(f"{{{W}}}del"))
            if (element.tag == f"{{{W}}}t" and not inserted) or deleted:
                pieces.append(element.text or "")
        texts.append("".join(pieces))
    return texts


@pytest.mark.parametrize("seed", SEED_FILES, ids=lambda p: p.name[:3])
def test_rejecting_lawlints_changes_gives_back_every_paragraph(tmp_path, seed):
    original = tmp_path / "r.docx"
    original.write_bytes(to_word_docx(seed.read_text(encoding="utf-8")))
    reviewed = tmp_path / "审查稿.docx"
    run("--format", "docx", "-o", reviewed, original)
    assert rejected(reviewed) == rejected(original)


def test_the_comment_says_rule_message_and_basis():
    seed = SEEDS / "004_3b8f22655ae3d0b6.txt"
    from lawlint.output.docx_review import comment_text

    finding = next(d for d in findings(seed) if d.rule_id == "LL605")
    text = comment_text(finding)
    assert text.startswith("LL605（unknown-law-title）：「《基本医疗与健康促进法》」")
    assert "依据：" in text and "lawlint explain LL605" in text


def test_a_text_report_becomes_a_docx_with_word_headings(tmp_path):
    report = tmp_path / "r.md"
    report.write_text("# 安溪县卫生健康局2023年法治政府建设年度报告\n\n## 一、举措和成效\n截止至年底,审查12件。\n",
                      encoding="utf-8")
    reviewed = tmp_path / "r-审查稿.docx"
    assert run("--format", "docx", "--no-tracked-fixes", "-o", reviewed, report).exit_code in (0, 1)
    copy = docx.Document(str(reviewed))
    assert [(p.text, p.style.name) for p in copy.paragraphs][:4] == [
        ("安溪县卫生健康局2023年法治政府建设年度报告", "Heading 1"), ("", "Normal"),
        ("一、举措和成效", "Heading 2"), ("截止至年底,审查12件。", "Normal")]
    assert "截止至" in anchored(copy).values() and "," in anchored(copy).values()


def test_a_text_report_is_laid_out_on_a_gbt9704_page(tmp_path):
    """A4, 天头 37 mm, 订口 28 mm, 版心 156 × 225 mm, body in 三号 (16 pt): not US Letter."""
    from docx.shared import Emu, Pt

    report = tmp_path / "r.txt"
    report.write_text("安溪县卫生健康局2023年法治政府建设年度报告\n", encoding="utf-8")
    reviewed = tmp_path / "r-审查稿.docx"
    run("--format", "docx", "-o", reviewed, report)
    copy = docx.Document(str(reviewed))
    page = copy.sections[0]
    mm = lambda *lengths: tuple(round(Emu(length).mm) for length in lengths)   # Word keeps twips
    assert mm(page.page_width, page.page_height, page.top_margin, page.left_margin) == (210, 297, 37, 28)
    assert mm(page.page_width - page.left_margin - page.right_margin) == (156,)
    assert mm(page.page_height - page.top_margin - page.bottom_margin) == (225,)
    assert copy.styles["Normal"].font.size == Pt(16)


def test_a_run_split_keeps_its_formatting(tmp_path):
    """A comment inside a bold run: the run is cut in three, each keeps <w:b/>."""
    document = docx.Document()
    document.add_paragraph("安溪县卫生健康局2023年法治政府建设年度报告")
    document.add_paragraph().add_run("组织学习《信访条例》等法规。").bold = True
    original = tmp_path / "r.docx"
    document.save(str(original))
    reviewed = tmp_path / "out.docx"
    run("--format", "docx", "-o", reviewed, original)
    copy = docx.Document(str(reviewed))
    runs = copy.paragraphs[1].runs
    assert "".join(r.text for r in runs) == "组织学习《信访条例》等法规。"
    assert "《信访条例》" in [r.text for r in runs] and "《信访条例》" in anchored(copy).values()
    assert all(r.bold for r in runs if r.text)


def test_several_reports_give_a_folder_of_copies(tmp_path):
    for seed in SEED_FILES[:2]:
        (tmp_path / (seed.stem + ".docx")).write_bytes(to_docx(seed.read_text(encoding="utf-8")))
    folder = tmp_path / "审查稿"
    folder.mkdir()
    run("--format", "docx", "-o", folder, *sorted(tmp_path.glob("*.docx")))
    assert sorted(p.name for p in folder.iterdir()) == sorted(s.stem + ".docx" for s in SEED_FILES[:2])


@pytest.mark.parametrize("args, says", [
    (["--format", "docx"], "writes files: name one with -o"),
])
def test_a_reviewed_copy_needs_a_place(args, says):
    result = run(*args, SEEDS / "004_3b8f22655ae3d0b6.txt")
    assert result.exit_code == 2 and says in result.output


def test_the_writer_is_imported_only_when_asked():
    code = ("import sys; from lawlint.cli import main\n"
            "try: main([sys.argv[1]])\nexcept SystemExit: pass\n"
            "print('lawlint.output.docx_review' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code, str(SEED_FILES[0])], capture_output=True, text=True)
    assert out.stdout.strip().splitlines()[-1] == "False"


def test_every_reviewed_seed_opens_in_libreoffice(tmp_path):
    """LibreOffice reads each seed's reviewed copy (made from the seed as .docx) and prints it
    (headless conversion to PDF, all five in one call)."""
    from lawlint.extract import office

    program = office.soffice()
    if program is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    reviewed = []
    for seed in SEED_FILES:
        original = tmp_path / f"{seed.stem}.docx"
        original.write_bytes(to_word_docx(seed.read_text(encoding="utf-8")))
        reviewed.append(tmp_path / f"{seed.stem}-审查稿.docx")
        run("--format", "docx", "-o", reviewed[-1], original)
    profile = (tmp_path / "profile").as_uri()
    subprocess.run([program, f"-env:UserInstallation={profile}", "--headless", "--norestore",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), *map(str, reviewed)],
                   capture_output=True, timeout=300, check=False)
    for copy in reviewed:
        pdf = copy.with_suffix(".pdf")
        assert pdf.is_file() and pdf.read_bytes().startswith(b"%PDF") and pdf.stat().st_size > 10_000, copy.name


def accepted(path) -> str:
    """The reviewed copy's text with every tracked change accepted (Word's final view)."""
    from lawlint.extract import docx as reader

    return reader.extract(path.read_bytes(), path.name).text


def tracked(document) -> list[tuple[str, str]]:
    body = document.element.body
    return [(e.tag.rsplit("}", 1)[-1], e.get(f"{{{W}}}author"))
            for e in body.iter(f"{{{W}}}ins", f"{{{W}}}del")]


@pytest.mark.parametrize("seed", SEED_FILES, ids=lambda p: p.name[:3])
@pytest.mark.parametrize("suffix", [".txt", ".docx"])
def test_accepting_every_tracked_change_gives_what_fix_writes(tmp_path, seed, suffix):
    """The safe fixes as 修订 by lawlint: accepted in Word, the text is `lawlint --fix`'s."""
    text = seed.read_text(encoding="utf-8")
    fixed = tmp_path / "fixed.txt"
    fixed.write_text(text, encoding="utf-8")
    run("--fix", fixed)
    report = tmp_path / ("report" + suffix)
    if suffix == ".docx":
        report.write_bytes(to_docx(text))
    else:
        report.write_text(text, encoding="utf-8")
    reviewed = tmp_path / "审查稿.docx"
    run("--format", "docx", "-o", reviewed, report)
    assert accepted(reviewed) == fixed.read_text(encoding="utf-8").rstrip("\n")
    assert {author for _, author in tracked(docx.Document(str(reviewed)))} <= {"lawlint"}


def test_the_accepted_copy_has_no_fixable_finding_left(tmp_path):
    report = tmp_path / "report.txt"
    report.write_text((SEEDS / "003_ad30e693d927473c.txt").read_text(encoding="utf-8"), encoding="utf-8")
    reviewed = tmp_path / "审查稿.docx"
    run("--format", "docx", "-o", reviewed, report)
    again = tmp_path / "again.txt"
    again.write_text(accepted(reviewed), encoding="utf-8")
    assert [d.rule_id for d in findings(again) if d.fix] == []


def test_no_tracked_fixes_leaves_them_to_the_comments(tmp_path):
    report = tmp_path / "report.txt"
    report.write_text((SEEDS / "003_ad30e693d927473c.txt").read_text(encoding="utf-8"), encoding="utf-8")
    with_changes, without = tmp_path / "a.docx", tmp_path / "b.docx"
    run("--format", "docx", "-o", with_changes, report)
    run("--format", "docx", "--no-tracked-fixes", "-o", without, report)
    assert tracked(docx.Document(str(with_changes))) and not tracked(docx.Document(str(without)))
    assert len(list(docx.Document(str(without)).comments)) == len(list(docx.Document(str(with_changes)).comments))
    assert accepted(without) == report.read_text(encoding="utf-8").rstrip("\n")


def commented_report(tmp_path, note: str):
    """A short 2023 report citing 《信访条例》 (LL602), with a Word comment `note` on that
    paragraph, as an author answers a finding in Word."""
    document = docx.Document()
    document.add_paragraph("安溪县卫生健康局2023年法治政府建设年度报告")
    paragraph = document.add_paragraph("组织学习《信访条例》。")
    document.add_comment(paragraph.runs, text=note, author="作者", initials="ZZ")
    path = tmp_path / "r.docx"
    document.save(str(path))
    return path


@pytest.mark.parametrize("note, suppressed, unused", [
    ("lawlint-disable LL602 -- 引用的是历史文件原文", True, False),
    ("lawlint-disable outdated-reference -- 引用原文", True, False),
    ("lawlint-disable LL603 -- 没有占位符", False, True),      # names a rule that is quiet there
    ("这一段请再斟酌", False, False),                            # an ordinary comment: not a directive
])
def test_a_word_comment_silences_a_rule_on_its_paragraph(tmp_path, note, suppressed, unused):
    result = linter.run_file(str(commented_report(tmp_path, note)),
                             linter.Resolver(linter.Options(isolated=True))).result
    ll602 = next(d for d in result.diagnostics if d.rule_id == "LL602")
    assert ll602.suppressed is suppressed
    assert ll602.justification == (note.split("--", 1)[1].strip() if suppressed else "")
    assert any(d.rule_id == "LL001" for d in result.diagnostics) is unused


def test_a_directive_comment_is_not_an_open_comment_and_is_not_commented_again(tmp_path):
    path = commented_report(tmp_path, "lawlint-disable LL602 -- 引用原文")
    result = linter.run_file(str(path), linter.Resolver(linter.Options(isolated=True))).result
    assert "LL006" not in {d.rule_id for d in result.diagnostics}
    reviewed = tmp_path / "审查稿.docx"
    run("--format", "docx", "-o", reviewed, path)
    assert not any(c.text.startswith("LL602") for c in docx.Document(str(reviewed)).comments)


@pytest.mark.parametrize("rule_id, place", [
    ("LL201", "paragraph 25, col 145 (「（三）以良法促善治，加快…」下，段首「一是强化组织保障。成立以…」)"),
    ("LL305", "paragraph 5, col 1 (段首「区政府：」)"),   # before any heading: the paragraph alone
])
def test_a_docx_finding_names_its_heading_and_the_start_of_its_paragraph(tmp_path, rule_id, place):
    """Word shows no line numbers: a Word user finds the place by its heading and the words
    the paragraph starts with."""
    report = tmp_path / "r.docx"
    report.write_bytes(to_docx((SEEDS / "004_3b8f22655ae3d0b6.txt").read_text(encoding="utf-8")))
    assert place in [d.place() for d in findings(report) if d.rule_id == rule_id]


def test_a_finding_on_a_heading_does_not_name_the_heading_twice(tmp_path):
    report = tmp_path / "r.docx"
    report.write_bytes(to_docx((SEEDS / "004_3b8f22655ae3d0b6.txt").read_text(encoding="utf-8")))
    on_heading = next(d for d in findings(report) if d.rule_id == "LL502")
    assert on_heading.place().endswith("(段首「(五)坚持执法为民，深入…」)")


def test_audit_annotate_writes_a_copy_per_submission_and_the_page_links_them(tmp_path, monkeypatch):
    submissions = tmp_path / "报送"
    (submissions / "县").mkdir(parents=True)
    (submissions / "000.txt").write_text((SEEDS / "000_9cfde12bd7801c2f.txt").read_text(encoding="utf-8"),
                                         encoding="utf-8")
    (submissions / "县" / "渝北.docx").write_bytes(
        to_docx((SEEDS / "004_3b8f22655ae3d0b6.txt").read_text(encoding="utf-8")))
    (submissions / "坏.docx").write_bytes(b"not a zip")
    monkeypatch.chdir(tmp_path)
    result = run("audit", "--isolated", "报送", "--annotate", "审查稿", "--format", "html", "-o", "page.html")
    assert result.exit_code == 2, result.output   # 坏.docx could not be read; the batch still ran
    copies = sorted(str(p.relative_to(tmp_path / "审查稿")) for p in (tmp_path / "审查稿").rglob("*.docx"))
    assert copies == ["000.docx", "县/渝北.docx"]   # the unreadable one has none
    page = (tmp_path / "page.html").read_text(encoding="utf-8")
    from urllib.parse import quote   # links are percent-encoded: a file name is never a URL
    assert f'href="./{quote("审查稿/县/渝北.docx")}"' in page and f'href="./{quote("审查稿/000.docx")}"' in page
    assert len(list(docx.Document(str(tmp_path / "审查稿" / "000.docx")).comments)) > 0


def test_a_crlf_text_report_is_commented_at_the_same_words(tmp_path):
    text = (SEEDS / "001_0bdb67023be65981.txt").read_text(encoding="utf-8")
    report = tmp_path / "r.txt"
    report.write_bytes(text.replace("\n", "\r\n").encode("utf-8"))
    reviewed = tmp_path / "审查稿.docx"
    run("--format", "docx", "--no-tracked-fixes", "-o", reviewed, report)
    spans = set(anchored(docx.Document(str(reviewed))).values())
    assert "《信访条例》" in spans and "今年" in spans
    assert not any("\r" in p.text for p in docx.Document(str(reviewed)).paragraphs)


def test_table_cells_and_styles_are_kept_and_a_cell_is_commented(tmp_path):
    document = docx.Document()
    document.add_heading("安溪县卫生健康局2023年法治政府建设年度报告", level=1)
    table = document.add_table(rows=2, cols=2)
    table.style = "Table Grid"
    for row, texts in zip(table.rows, (("事项", "情况"), ("规范性文件", "截止至年底审查12件"))):
        for cell, text in zip(row.cells, texts):
            cell.text = text
    original = tmp_path / "r.docx"
    document.save(str(original))
    reviewed = tmp_path / "审查稿.docx"
    run("--format", "docx", "--no-tracked-fixes", "-o", reviewed, original)
    before, after = docx.Document(str(original)), docx.Document(str(reviewed))
    cells = [[c.text for c in row.cells] for row in after.tables[0].rows]
    assert cells == [[c.text for c in row.cells] for row in before.tables[0].rows]
    assert [t.style.name for t in after.tables] == [t.style.name for t in before.tables]
    assert [s.name for s in after.styles] == [s.name for s in before.styles]
    assert "截止至" in anchored(after).values()
