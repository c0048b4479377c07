"""Reports as they really arrive: .docx, .pdf, .html, other encodings, traditional characters.
Each gives the same rule ids as the .txt original, with positions a user can follow."""

from __future__ import annotations

from pathlib import Path

import pytest

from builders import to_docx, to_html, to_pdf
from conftest import SEEDS

from lawlint.pipeline import linter

SEED_FILES = sorted(SEEDS.glob("*.txt"))


def lint_file(path: Path, **options):
    resolver = linter.Resolver(linter.Options(isolated=True, **options))
    return linter.lint_path(str(path), resolver)


def rule_ids(result) -> set[str]:
    assert result.error is None, result.error
    return {d.rule_id for d in result.diagnostics}


@pytest.fixture(scope="module")
def originals():
    return {path.name: lint_file(path) for path in SEED_FILES}


@pytest.mark.parametrize("seed", SEED_FILES, ids=lambda p: p.name[:3])
@pytest.mark.parametrize("fmt, build", [(".docx", to_docx), (".pdf", to_pdf), (".html", to_html)],
                         ids=["docx", "pdf", "html"])
def test_converted_seed_gives_the_same_rule_ids(tmp_path, originals, seed, fmt, build):
    text = seed.read_text(encoding="utf-8")
    converted = tmp_path / f"{seed.stem}{fmt}"
    data = build(text)
    converted.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    assert rule_ids(lint_file(converted)) == rule_ids(originals[seed.name])


def test_docx_findings_name_the_paragraph(tmp_path):
    seed = SEEDS / "004_3b8f22655ae3d0b6.txt"
    path = tmp_path / "r.docx"
    path.write_bytes(to_docx(seed.read_text(encoding="utf-8")))
    finding = next(d for d in lint_file(path).diagnostics if d.rule_id == "LL601")
    assert (finding.paragraph, finding.place()) == (
        11, f"paragraph 11, col {finding.column} (「一、2021 年推进法治…」下，段首「2021 年，在区委、区…」)")


def test_docx_heading_styles_stand_for_unnumbered_headings(tmp_path):
    text = ("安溪县卫生健康局2023年法治政府建设年度报告\n县委、县政府：\n主要举措和成效\n全年合法性审查文件12件。\n"
            "存在的不足\n执法力量不足。\n下一年度工作安排\n继续加强。\n安溪县卫生健康局\n2024年1月29日\n")
    path = tmp_path / "styled.docx"
    path.write_bytes(to_docx(text, heading_styles={3: 1, 5: 1, 7: 1}))
    found = rule_ids(lint_file(path))
    assert {"LL101", "LL102", "LL106"}.isdisjoint(found)     # sections found by their style
    assert "LL103" in found                                   # S without causes, at its heading


def test_docx_tables_are_read(tmp_path):
    import docx
    document = docx.Document()
    document.add_paragraph("全年工作情况如下表。")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "妥善解决了某某行政诉讼案"
    path = tmp_path / "table.docx"
    document.save(path)
    placeholder = next(d for d in lint_file(path).diagnostics if d.rule_id == "LL603")
    assert placeholder.paragraph == 2


def test_pdf_findings_carry_page_and_line(tmp_path):
    text = (SEEDS / "004_3b8f22655ae3d0b6.txt").read_text(encoding="utf-8")
    path = tmp_path / "r.pdf"
    path.write_bytes(to_pdf(text))
    found = lint_file(path).diagnostics
    citation = next(d for d in found if d.rule_id == "LL601")
    assert (citation.page, citation.page_line) == (1, 6)
    assert max(d.page for d in found) == 2                     # the report runs onto page 2


def test_html_drops_navigation_scripts_and_footer(tmp_path):
    text = (SEEDS / "002_c589ac335115484d.txt").read_text(encoding="utf-8")
    path = tmp_path / "page.html"
    path.write_text(to_html(text), encoding="utf-8")
    result = lint_file(path)
    assert "LL603" not in rule_ids(result)                     # 某某 / XX live only in the chrome
    assert result.report_year == 2023


@pytest.mark.parametrize("encoding", ["gb18030", "utf-16", "utf-8-sig", "gbk"])
def test_other_encodings_give_the_same_findings(tmp_path, originals, encoding):
    for seed in SEED_FILES:
        path = tmp_path / seed.name
        text = seed.read_text(encoding="utf-8")
        if encoding == "gbk":   # GBK has no no-break or en space; a plain one keeps positions
            text = text.replace("\xa0", " ").replace("\u2002", " ")
        path.write_bytes(text.encode(encoding))
        same = [(d.rule_id, d.line, d.column) for d in lint_file(path).diagnostics]
        assert same == [(d.rule_id, d.line, d.column) for d in originals[seed.name].diagnostics]


def test_encoding_option_forces_a_codec(tmp_path):
    path = tmp_path / "big5.txt"
    path.write_bytes("安溪縣衛生健康局2023年法治政府建設年度報告\n".encode("big5"))
    assert lint_file(path, encoding="big5").report_year == 2023
    assert "invalid" in lint_file(path, encoding="utf-8").error


@pytest.mark.parametrize("seed", SEED_FILES, ids=lambda p: p.name[:3])
def test_traditional_character_version_gives_the_same_findings(tmp_path, originals, seed):
    import opencc
    traditional = opencc.OpenCC("s2t").convert(seed.read_text(encoding="utf-8"))
    assert traditional != seed.read_text(encoding="utf-8")
    path = tmp_path / seed.name
    path.write_text(traditional, encoding="utf-8")
    found = lint_file(path)
    assert [(d.rule_id, d.line) for d in found.diagnostics] == \
        [(d.rule_id, d.line) for d in originals[seed.name].diagnostics]
    for d in found.diagnostics:          # positions point into the traditional original
        line = traditional.split("\n")[d.line - 1]
        if d.line == d.end_line and not d.masked:   # a masked excerpt shows no text to compare
            assert line[d.column - 1:d.end_column - 1] == d.excerpt


def test_stdin_filename_names_the_input_and_picks_its_format():
    from click.testing import CliRunner
    from lawlint.cli import main
    text = (SEEDS / "004_3b8f22655ae3d0b6.txt").read_text(encoding="utf-8")
    result = CliRunner().invoke(main, ["-", "--stdin-filename", "上报/渝北区.docx"], input=to_docx(text))
    assert "上报/渝北区.docx: paragraph 11, col 97 (「一、2021 年推进法治…」下，段首「2021 年，在区委、区…」): error LL601" \
        in result.output
    plain = CliRunner().invoke(main, ["-", "--stdin-filename", "r.txt"], input=text.encode("utf-8"))
    assert "r.txt:11:97: error LL601" in plain.output
