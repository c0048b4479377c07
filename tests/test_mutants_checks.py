"""Check kinds at their edges, where a slip is an off-by-one a user would see: checksums and
masks of personal data, fixes that land on the mark, half-width marks in Chinese text, history
sentences, quote pairs, the order of the parts, what the body is; and every finding's exact
words and span (no rule may show a user an unfilled 「{found}」)."""

from __future__ import annotations

import json

import pytest
import regex
from click.testing import CliRunner

from conftest import COMPLIANT

from lawlint.checks.identifier import id_card_valid, luhn_valid, mask
from lawlint.cli import main

BASE = COMPLIANT.read_text(encoding="utf-8")   # a 2021 report


def findings(text: str) -> list[tuple[str, int, int, str]]:
    output = CliRunner().invoke(main, ["-", "--format", "json"], input=text.encode()).output
    return [(f["rule_id"], f["line"], f["column"], f["message"])
            for f in json.loads(output)["files"][0]["findings"] if f["rule_id"] != "LL107"]


@pytest.mark.parametrize("number, valid", [
    ("79927398713", True),         # the textbook Luhn number: undoubled 9s count 9, not 0
    ("4111111111111111", True),
    ("6222021234567890128", True),
    ("4111111111111112", False),
    ("79927398710", False),
])
def test_bank_card_numbers_pass_luhn_exactly_when_their_checksum_holds(number, valid):
    assert luhn_valid(number) is valid


@pytest.mark.parametrize("number, valid", [
    ("11010519491231002X", True),
    ("11010519491231002x", True),   # a lower-case check character is the same X
    ("110105194912310021", False),
])
def test_resident_id_numbers_carry_the_gb_11643_check_character(number, valid):
    assert id_card_valid(number) is valid


@pytest.mark.parametrize("value, masked", [
    ("1234", "****"),
    ("12345", "*****"),            # five characters: nothing of it is shown
    ("123456", "123*56"),          # six: first 3 and last 2 shown, one hidden
    ("11010519491231002X", "110*************2X"),
])
def test_a_masked_value_shows_its_first_three_and_last_two_only_when_longer_than_five(value, masked):
    assert mask(value) == masked


# (the report's line as broken, as --fix leaves it): the edit lands on the mark itself.
INDENTED = {
    "an-indented-date-is-restyled-in-place": ("2022 年 1 月 10 日", "        2022.1.10",
                                              "        2022年1月10日"),
    "an-indented-addressee-gets-its-colon": ("区政府：", "    区政府:", "    区政府："),
    "an-addressee-with-a-trailing-blank-gets-its-colon": ("区政府：", "区政府: ", "区政府： "),
}


@pytest.mark.parametrize("line, broken, fixed", INDENTED.values(), ids=INDENTED.keys())
def test_fixes_land_on_the_mark_whatever_blanks_surround_the_line(tmp_path, line, broken, fixed):
    report = tmp_path / "report.txt"
    report.write_text(BASE.replace(line, broken), encoding="utf-8")
    CliRunner().invoke(main, ["--fix", str(report)])
    assert report.read_text(encoding="utf-8") == BASE.replace(line, fixed)


ANCHOR = "此外，在职工会上"   # a sentence start in the measures part


@pytest.mark.parametrize("sentence, fires", [
    ("深入开展七五普法。", True),
    ("总结七五普法工作经验。", False),      # the history marker opens the sentence
    ("曾经依据《民法通则》处理纠纷。", False),
    ("深入学习《民法通则》。", True),
], ids=["current", "history-marker-opens-the-sentence", "history-marker-once", "current-law"])
def test_a_superseded_citation_in_a_sentence_about_history_is_not_reported(sentence, fires):
    found = [f for f in findings(BASE.replace(ANCHOR, sentence + ANCHOR)) if f[0] == "LL602"]
    assert bool(found) is fires


def test_a_quote_reopened_before_another_pair_is_the_missing_closer():
    text = BASE.replace("深化“放管服”改革，大力", "深化“放管服“改革和“一网通办”，大力")
    assert findings(text) == [("TY103", 17, 10, "标点““”不成对，应为“””")]


ORDER_SLIP = """安溪县卫生健康局2023年法治政府建设年度报告

县委、县政府：

2023年，我局坚持依法行政，现将有关情况报告如下：
一、2024年推进法治政府建设的工作安排
继续加强执法队伍建设。
二、2023年推进法治政府建设的主要举措和成效
全年对12件规范性文件进行合法性审查。
三、存在的不足和原因
执法力量不足，主要原因是编制有限。

安溪县卫生健康局
2024年1月29日
"""


def test_the_order_message_names_the_parts_by_their_short_names():
    assert [f[3] for f in findings(ORDER_SLIP) if f[0] == "LL108"] == [
        "各部分顺序为 下一年度安排 → 举措和成效，"
        "规定列举的顺序为 举措和成效 → 下一年度安排"]


DATE = "2022 年 1 月 10 日"
OPENING = "按照有关规定，现将"

# (edit of the compliant report, the finding as a user reads it: rule, line, column, message)
MESSAGES = {
    "LL403-a-date-written-with-dots": (
        (DATE, "2022.1.10"), ("LL403", 62, 1, "成文日期“2022.1.10”格式不规范，应写作“2022年1月10日”"
                                             "（阿拉伯数字，年份写全，月、日不编虚位）")),
    "LL404-a-day-the-calendar-lacks": (
        (DATE, "2022 年 2 月 30 日"), ("LL404", 62, 1, "成文日期“2022 年 2 月 30 日”不是真实存在的日期")),
    "LL405-a-date-two-years-on": (
        (DATE, "2023 年 1 月 10 日"),
        ("LL405", 62, 1, "成文日期“2023 年 1 月 10 日”不在报告年度（2021年，据标题）的下一年（2022年）")),
    "LL406-a-date-after-the-deadline": (
        (DATE, "2022 年 5 月 10 日"), ("LL406", 62, 1, "成文日期“2022 年 5 月 10 日”晚于报送期限 2022年3月1日")),
    "TY101-several-marks-on-one-line-counted": (
        (OPENING, "按照有关规定,现将(略),如下;"),
        ("TY101", 7, 7, "中文文本中的半角标点“,”×2、“()”、“;”应改为全角“，”、“（）”、“；”")),
    "TY101-a-document-numbers-year": (
        ("（渝卫发〔2021〕4 号）", "（渝卫发(2021)4号）"),
        ("TY101", 21, 183, "中文文本中的半角标点“()”应改为全角“〔〕”")),
}


@pytest.mark.parametrize("edit, finding", MESSAGES.values(), ids=MESSAGES.keys())
def test_each_message_fills_every_placeholder(edit, finding):
    assert findings(BASE.replace(*edit)) == [finding]


# (the compliant text as written, the same with half-width marks, what --fix makes of it)
PUNCTUATION_FIXES = {
    "blanks-around-a-comma-go-with-it": (OPENING, "按照有关规定 , 现将", OPENING),
    "a-mixed-pair-closes-full-width": (OPENING, "按照有关规定(试行）现将", "按照有关规定（试行）现将"),
    "latin-inside-brackets-after-chinese": (OPENING, "按照有关规定报送材料(PDF)现将",
                                            "按照有关规定报送材料（PDF）现将"),
    "chinese-inside-brackets-after-latin": (OPENING, "按照有关规定使用Excel(电子表格)现将",
                                            "按照有关规定使用Excel（电子表格）现将"),
    "a-comma-after-latin-before-one-chinese-character": ("查处案件 91 件，罚款", "上线政务APP,共3项服务，罚款",
                                                         "上线政务APP，共3项服务，罚款"),
    "a-comma-between-a-measure-word-and-a-year": ("查处案件 91 件，罚款", "查处案件91件,2021年罚款",
                                                  "查处案件91件，2021年罚款"),
    "a-one-digit-document-number-keeps-its-hexagonal-brackets": ("（渝卫发〔2021〕4 号）", "（渝卫发(2021)4号）",
                                                   "（渝卫发〔2021〕4号）"),
}


@pytest.mark.parametrize("written, broken, fixed", PUNCTUATION_FIXES.values(),
                         ids=PUNCTUATION_FIXES.keys())
def test_half_width_marks_in_chinese_text_are_fixed_in_place(tmp_path, written, broken, fixed):
    report = tmp_path / "report.txt"
    report.write_text(BASE.replace(written, broken), encoding="utf-8")
    CliRunner().invoke(main, ["--fix", str(report)])
    assert report.read_text(encoding="utf-8") == BASE.replace(written, fixed)


@pytest.mark.parametrize("number", ["共计１,２３４件", "共计１２,３件"], ids=["one-before", "one-after"])
def test_a_comma_inside_full_width_digits_is_a_thousands_separator(number):
    assert findings(BASE.replace("查处案件 91 件", f"查处案件{number}")) == []


SHORT_REPORT = """安溪县卫生健康局2023年法治政府建设年度报告

县委、县政府：

2023年，我局坚持依法行政，现将有关情况报告如下：
一、2023年推进法治政府建设的主要举措和成效
全年对12件规范性文件进行合法性审查。{R}
二、存在的不足和原因
{S}
三、2024年推进法治政府建设的工作安排
继续加强执法队伍建设。

安溪县卫生健康局
2024年1月29日
"""
ONE_SHORTCOMING = "执法力量不足，主要原因是编制有限。"
LEADER = "局主要负责人主持召开专题会议3次。"


def short_report(responsibility: str = LEADER, shortcomings: str = ONE_SHORTCOMING) -> str:
    return SHORT_REPORT.replace("{R}", responsibility).replace("{S}", shortcomings)


@pytest.mark.parametrize("report, reported", [
    (short_report(), False),
    (short_report(""), True),
    (short_report("").replace("安溪县卫生健康局2023年法治政府建设年度报告",
                              "安溪县卫生健康局2023年法治政府建设和主要负责人履行推进法治建设第一责任人职责情况报告"),
     True),                                          # the title names it; no sentence reports it
    (short_report("") + "\n抄送：" + LEADER + "\n", True),  # after the date: not the body
], ids=["in-the-body", "nowhere", "only-in-the-title", "only-after-the-date"])
def test_the_responsibility_statement_counts_only_in_the_body(report, reported):
    assert ("LL104" in [f[0] for f in findings(report)]) is reported


@pytest.mark.parametrize("shortcomings, problems", [
    (ONE_SHORTCOMING, 1),
    ("（一）执法力量不足\n主要原因是编制有限。", 1),
    ("（一）执法力量不足\n主要原因是编制有限。\n（二）宣传不够\n原因是经费有限。", None),
    ("1.执法力量不足，主要原因是编制有限。2.宣传不够，原因是经费有限。", None),
], ids=["one-sentence", "one-sub-heading", "two-sub-headings", "two-numbered-items"])
def test_shortcomings_are_counted_by_sub_headings_or_numbered_items(shortcomings, problems):
    """LL802 wants at least two problems; a sub-heading or a numbered item is one."""
    counted = [f[3].split("，")[0] for f in findings(short_report(shortcomings=shortcomings))
               if f[0] == "LL802"]
    assert counted == ([] if problems is None else
                       [f"“存在的不足和原因”部分过于简略：列出 {problems} 个问题"])


NATIONAL_PLAN = "《法治政府建设实施纲要（2021—2025 年）》"

# (edit, the finding: rule, line, first column, column after it, message)
SPANS = {
    "LL601-a-period-the-plan-never-had": (
        (NATIONAL_PLAN, "《法治政府建设实施纲要（2021—2026年）》"),
        ("LL601", 11, 97, 106, "全国《法治政府建设实施纲要》的期限写作“2021—2026”，应为 2015—2020或2021—2025")),
    "LL601-a-wrong-citation-after-a-right-one": (
        ("先后学习《宪法》", "先后学习《法治政府建设实施纲要（2021—2026年）》《宪法》"),
        ("LL601", 51, 114, 123, "全国《法治政府建设实施纲要》的期限写作“2021—2026”，应为 2015—2020或2021—2025")),
    "LL202-a-staffing-ratio-below-10": (
        ("并组织合议。", "并组织合议。现有法制审核人员2名，执法人员40名。"),
        ("LL202", 35, 468, 476, "所述合法性审查比例 5.0% 低于 10%")),
    "LL202-a-review-rate-below-10": (
        ("并组织合议。", "并组织合议，重大行政执法决定法制审核率为8%。"),
        ("LL202", 35, 480, 482, "所述合法性审查比例 8.0% 低于 10%")),
    "TY103-one-mark-one-column": (
        ("深化“放管服”改革，大力", "深化“放管服“改革和“一网通办”，大力"),
        ("TY103", 17, 10, 11, "标点““”不成对，应为“””")),
    "TY101-a-bracket-never-closed": (
        (OPENING, "按照有关规定(现将"), ("TY101", 7, 7, 8, "中文文本中的半角标点“(”应改为全角“（”")),
}


@pytest.mark.parametrize("edit, finding", SPANS.values(), ids=SPANS.keys())
def test_a_finding_spans_exactly_what_it_names(edit, finding):
    output = CliRunner().invoke(main, ["-", "--format", "json"],
                                input=BASE.replace(*edit).encode()).output
    assert [(f["rule_id"], f["line"], f["column"], f["end_column"], f["message"])
            for f in json.loads(output)["files"][0]["findings"] if f["rule_id"] != "LL107"] == [finding]


QUIET = {
    "a-part-without-its-whole-is-no-ratio": ("并组织合议。", "并组织合议。现有法制审核人员2名。"),
    "a-markdown-link-target-is-not-prose": (OPENING, "按照[有关规定](http://www.gov.cn/a,b.html)，现将"),
    "blanks-inside-a-heading-marker-are-not-a-style": ("（五）坚持", "（ 五 ）坚持"),
    "ideographic-blanks-inside-a-heading-marker-are-not-a-style": ("（五）坚持", "（\u3000五\u3000）坚持"),
}


@pytest.mark.parametrize("written, rewritten", QUIET.values(), ids=QUIET.keys())
def test_what_is_not_a_finding(written, rewritten):
    assert findings(BASE.replace(written, rewritten)) == []


def _bad_examples():
    from lawlint.checks import SPECS
    from lawlint.packs.ruleset import load_ruleset
    return [pytest.param(rule.id, text, SPECS[rule.kind].published or None, id=f"{rule.id}-{n}")
            for rule in load_ruleset().rules for n, text in enumerate(rule.examples.get("bad", ()))]


@pytest.mark.parametrize("rule_id, text, published", _bad_examples())
def test_every_bad_example_fires_its_rule_with_every_placeholder_filled(lint, rule_id, text, published):
    """A hit that leaves out one of its args shows 「{found}」 to the user (the engine keeps an
    unknown placeholder visible rather than fail); every kind's args are checked here (a kind
    that judges the published copy reads its examples as one, as check-pack does)."""
    messages = [d.message for d in lint(text, name="example.md", published=published).diagnostics
                if d.rule_id == rule_id]
    assert messages and not [m for m in messages if regex.search(r"\{\w+\}", m)]


# (the order of the top-level parts, reported?) LL108 judges only the plan before the results;
# R's and S's places are free (issue 15: the 规定 lists contents, not their order).
@pytest.mark.parametrize("order, reported", [
    ("MSRP", False), ("MRSP", False), ("RMSP", False), ("MPS", False), ("SMP", False),
    ("PMS", True), ("SPM", True), ("RPM", True),
])
def test_the_parts_follow_the_regulations_order(order, reported):
    headings = {"M": ("2023年推进法治政府建设的主要举措和成效", "全年对12件规范性文件进行合法性审查。"),
                "S": ("存在的不足和原因", "执法力量不足，主要原因是编制有限。"),
                "R": ("主要负责人履行推进法治建设第一责任人职责情况", LEADER),
                "P": ("2024年推进法治政府建设的工作安排", "继续加强执法队伍建设。")}
    numerals = "一二三四"
    body = "\n".join(f"{numerals[i]}、{headings[key][0]}\n{headings[key][1]}" for i, key in enumerate(order))
    report = SHORT_REPORT.split("一、")[0] + body + "\n\n安溪县卫生健康局\n2024年1月29日\n"
    assert ("LL108" in [f[0] for f in findings(report)]) is reported


def test_a_placeholder_no_hit_fills_stays_visible_instead_of_failing():
    from lawlint.pipeline.engine import format_message
    assert format_message("应为{expected}，见{basis}", {"expected": "（五）"}) == "应为（五），见{basis}"


def test_a_number_failing_its_checksum_does_not_hide_a_valid_one_after_it():
    text = BASE.replace("并组织合议。", "并组织合议。投诉人身份证号110105194912310021，"
                                         "另一投诉人身份证号11010519491231002X。")
    assert findings(text) == [
        ("LL702", 35, 501, "报告中含有个人信息（居民身份证号码 110*************2X）：公开前必须删除或脱敏")]
