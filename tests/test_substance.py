"""The substance kinds beyond their rule cases: the jieba word unit of `boilerplate`."""

from __future__ import annotations

import pytest

from lawlint.packs import ruleset as rulepack
from lawlint.checks import substance

STOCK = "我局高度重视，扎实推进，认真贯彻，认真落实，狠抓落实，落到实处，常抓不懈，齐抓共管，形成合力，切实加强，取得明显成效。"


@pytest.mark.parametrize("text, low, high", [
    ("我局高度重视法治政府建设", 3, 6),          # 我局 / 高度重视 / 法治 / 政府 / 建设
    ("全年审查规范性文件12件，纠正3件。", 5, 10),
    ("，。；：", 0, 0),                            # punctuation is not a word
])
def test_word_count_counts_jieba_words_not_characters(text, low, high):
    assert low <= substance.word_count(text) <= high


@pytest.mark.parametrize("unit, fires", [("characters", True), ("words", True)])
def test_stock_phrase_density_in_either_unit(tmp_path, lint, compliant_text, unit, fires):
    pack = tmp_path / "words.yaml"
    pack.write_text(
        "name: words\nversion: '1'\nextends: national\n"
        f"overrides:\n  LL803: {{unit: {unit}}}\n"
        "parameters: {stock_phrase_max_per_1000_chars: 4}\n", encoding="utf-8")
    ruleset = rulepack.load_ruleset((str(pack),))
    from lawlint.pipeline import linter
    from lawlint.document import source
    text = compliant_text.replace("按照有关规定，现将", STOCK + "按照有关规定，现将")
    result = linter.lint_source(source.from_text(text, "r.txt"), ruleset)
    found = [d for d in result.diagnostics if d.rule_id == "LL803"]
    assert bool(found) == fires
    assert ("每千词" if unit == "words" else "每千字") in found[0].message


@pytest.mark.parametrize("cited, says", [
    ("深入开展七五普法", "「七五普法」已于2020年12月31日到期，后续为《中央宣传部、司法部关于开展法治宣传教育的第八个五年规划（2021—2025年）》（2021年6月印发），2021年度报告仍作为现行依据引用"),
    ("贯彻《法治政府建设实施纲要（2015—2020年）》",
     "已于2020年12月31日到期，后续为《法治政府建设实施纲要（2021—2025年）》（2021年8月印发）"),
    ("学习《中华人民共和国合同法》", "「《中华人民共和国合同法》」已于2021年1月1日被《中华人民共和国民法典》取代"),
])
def test_a_plan_that_ran_out_is_said_to_have_expired_a_law_to_have_been_replaced(lint, cited, says):
    """The 2015—2020 纲要 and 七五普法 expired with 2020; their successors came in mid-2021."""
    result = lint(f"安溪县卫生健康局2021年法治政府建设年度报告\n一、2021年推进法治政府建设的主要举措和成效\n{cited}。\n")
    messages = [d.message for d in result.diagnostics if d.rule_id == "LL602"]
    assert len(messages) == 1 and says in messages[0], messages
