"""Real wordings, table-driven: headings and the parts they name, report openings (furniture,
版头, title, organ, year, addressee) and organ names, each row traced to the page where it was
seen (tests/fixtures/wordings/, see its README)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
import yaml

from lawlint.document import fold, source, structure, tradsimp

WORDINGS = Path(__file__).resolve().parent / "fixtures" / "wordings"
_PARENT = "一、依法全面履行政府职能"   # a topical level-1 heading: its children name parts freely


def _rows(name: str) -> list[dict]:
    path = WORDINGS / name
    if not path.exists():
        return []
    return list(csv.DictReader(path.open(encoding="utf-8"), delimiter="\t"))


def _heading_rows():
    for name in ("headings.tsv", "later_parts.tsv"):
        for number, row in enumerate(_rows(name), start=2):
            limit = row["note"].startswith("known limit:")
            yield pytest.param(row, id=f"{name}:{number}", marks=pytest.mark.xfail(
                strict=True, reason=row["note"]) if limit else ())


def parse(text: str, ruleset, year: int | None = None):
    src = source.from_text(text, "report.txt")
    return structure.parse(src, fold.fold(src), year, ruleset.grammar)


def _expected(parts: str) -> set[str]:
    return set() if parts.strip() == "-" else set(parts.strip().split("+"))


@pytest.mark.parametrize("row", list(_heading_rows()))
def test_heading_names_its_parts(row, ruleset):
    level = int(row["level"])
    year = int(row["report_year"]) if row["report_year"].strip().isdigit() else None
    lines = [row["heading"], "正文一句。"] if level == 1 else [_PARENT, "正文。", row["heading"], "正文。"]
    if level > 2:
        pytest.skip("parts are named by level-1 and level-2 headings only")
    doc = parse("\n".join(lines) + "\n", ruleset, year)
    section = doc.sections[-1]
    assert set(section.parts) == _expected(row["parts"]), (row["heading"], row["note"])


def test_the_heading_table_is_large_and_traced():
    rows = [row for name in ("headings.tsv", "later_parts.tsv") for row in _rows(name)]
    assert len(rows) >= 150
    assert all(row["source"].startswith(("http", "seeds/")) for row in rows)
    named = {key for row in rows for key in _expected(row["parts"])}
    assert named >= {"M", "S", "R", "P"}


def _front_cases():
    path = WORDINGS / "front.yaml"
    cases = yaml.safe_load(path.read_text(encoding="utf-8")) if path.exists() else []
    return [pytest.param(case, id=case["id"], marks=pytest.mark.xfail(
        strict=True, reason=case["known_limit"]) if case.get("known_limit") else ())
        for case in cases]


def _folded(text: str | None) -> str | None:
    if text is None:
        return None
    folded = fold.fold(source.from_text(str(text), "x")).text
    return folded.translate(tradsimp.table()).replace(" ", "").replace("\n", "")


@pytest.mark.parametrize("case", _front_cases())
def test_front_matter_as_pages_and_gbt9704_lay_it_out(case, ruleset):
    doc = parse(case["text"], ruleset)
    title = doc.title_text.replace(" ", "") or None
    assert title == _folded(case.get("title")), case["note"]
    organ = doc.organ.replace(" ", "") if doc.organ and doc.organ_source == "title" else None
    assert organ == _folded(case.get("organ")), case["note"]
    assert doc.year == case.get("year"), case["note"]
    addressee = doc.addressee.text if doc.addressee else None
    assert addressee == _folded(case.get("addressee")), case["note"]
    if case.get("body"):
        body = doc.folded.text[doc.body_start:].lstrip("\n")
        assert body.startswith(_folded(case["body"])), case["note"]


def _organ_rows():
    return [pytest.param(row, id=f"organs.tsv:{n}") for n, row in enumerate(_rows("organs.tsv"), 2)]


@pytest.mark.parametrize("row", _organ_rows())
def test_signature_and_title_organ_compared_by_the_grammar(row, ruleset):
    organs = ruleset.grammar.organs
    signed, titled = _folded(row["signature"]), _folded(row["title_organ"])
    signed = " ".join(row["signature"].split()) if " " in row["signature"] else signed
    assert organs.same(signed, titled) == (row["same"].strip() == "yes"), row["note"]
