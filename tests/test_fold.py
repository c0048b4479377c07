"""The folded matching view and its exact map back to the original text."""

from __future__ import annotations

import pytest

from lawlint.document import fold, source


def folded(text: str) -> str:
    return fold.fold(source.from_text(text)).text


@pytest.mark.parametrize("name, text, expected", [
    ("full-width-ascii", "区政府：（一）１２３", "区政府:(一)123"),
    ("full-width-asterisk-kept", "＊＊家", "＊＊家"),
    ("spaces-inside-chinese", " 清 远 市 卫 生 健 康 局  ", "清远市卫生健康局"),
    ("spaces-around-digits-and-year", "2023 年 法治", "2023年法治"),
    ("ideographic-space", "县委\u3000县政府", "县委县政府"),
    ("latin-spaces-kept", "New York 2023", "New York 2023"),
    ("markdown-heading-marks", "## 二、存在的不足", "二、存在的不足"),
    ("crlf", "甲\r\n乙", "甲\n乙"),
    ("lone-cr", "甲\r乙", "甲\n乙"),
    ("indentation", "    一是加强", "一是加强"),
])
def test_fold(name, text, expected):
    assert folded(text) == expected


PAGE_BREAK = ("1. 突出“抓”字明责任。我局高度重视法治政府建设工作，成立普法工作领导小组，落实主要领导亲\n"
              "\n"
              "自抓、分管领导具体抓、办公室牵头抓，切实形成齐抓共管工作格局。\n")


def test_paragraph_split_by_a_page_break_is_rejoined():
    assert "主要领导亲自抓" in folded(PAGE_BREAK)


OPEN_BODY = "继续推进普法工作，努力提高群众满意度和获得感，让法治走进群众心里，不断"


@pytest.mark.parametrize("name, text", [
    ("title-over-two-lines", "清远市卫生健康局2021年\n\n法治政府建设年度报告\n"),
    ("heading-then-body", "（一）依法做好疫情防控工作，着力加强\n\n严格执行传染病防治法的规定，依法防控。\n"),
    ("body-then-signature", f"{OPEN_BODY}\n\n江门市江海区卫生健康局\n"),
    ("body-then-date", f"{OPEN_BODY}\n\n2024年1月29日\n"),
    ("finished-sentence", "全年审核规范性文件12件，均符合要求。\n\n二是加强执法监督，开展案卷评查。\n"),
])
def test_lines_that_are_not_split_paragraphs_stay_apart(name, text):
    assert folded(text).count("\n") == text.count("\n")


@pytest.mark.parametrize("text", [
    PAGE_BREAK, "## 江门市江海区卫生健康局 2023 年 法治政府建设年度报告\r\n", " 清 远 市 \t局\n",
])
def test_origin_maps_every_folded_character_to_the_same_character(text):
    src = source.from_text(text)
    result = fold.fold(src)
    for index, char in enumerate(result.text):
        original = src.text[result.origin[index]]
        assert char == original.translate(fold._WIDTH).replace("\r", "\n")


def test_span_maps_a_match_across_a_page_break_to_both_original_lines():
    src = source.from_text(PAGE_BREAK)
    result = fold.fold(src)
    start = result.text.index("亲自抓")
    begin, end = result.span(start, start + 3)
    assert src.location(begin)[0] == 1 and src.location(end - 1)[0] == 3


@pytest.mark.parametrize("text, levels", [
    ("## 一、举措\n正文\n", {0: 2}),
    ("标题\n  ### （一）学法\n", {3: 3}),
    ("####### 七个井号不是标题\n", {}),
    ("正文里的 # 不是标记\n", {}),
])
def test_folding_keeps_the_markdown_levels_it_deletes(text, levels):
    folded = fold.fold(source.from_text(text, "r.md"))
    assert "#" not in folded.text or not levels
    assert dict(folded.markdown) == levels
