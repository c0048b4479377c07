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
