"""The registry of laws and plans (rules/laws.yaml) and how citations are looked up in it."""

from __future__ import annotations

import datetime

import pytest

from lawlint.checks import lawbook
from lawlint.checks.lawbook import LawBook, citations, edit_distance, key, written
from lawlint.packs.packfile import builtin_dir, load

ENTRIES = load(builtin_dir() / "laws.yaml").data["laws"]
BOOK = LawBook.from_pack(ENTRIES)
NATIONAL_LAWS = [e for e in ENTRIES if e.get("type") == "法律" and "repealed" not in e]
PROVINCIAL = [e for e in ENTRIES if e.get("type") == "地方规划"]


def test_registry_holds_at_least_250_national_laws_in_force():
    assert len(NATIONAL_LAWS) >= 250


def test_every_entry_names_its_source():
    assert all(entry["source"].strip() for entry in ENTRIES)


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: e["title"])
def test_every_title_parses_as_a_citation_of_itself(entry):
    """Cited as 《title》 in a sentence, the title is found whole and looks up its own entry."""
    text = f"认真学习《{entry['title'].replace('《', '〈').replace('》', '〉')}》。"
    found = [c for c in citations(text) if c.outer_start == 4 and c.start == 5]
    assert [c.title for c in found] == [text[5:-2]]
    assert BOOK.lookup(found[0].title).title == entry["title"]


def test_titles_and_short_forms_are_unique_keys():
    owners: dict[str, str] = {}
    for entry in ENTRIES:
        for form in {key(entry["title"]), *map(key, entry.get("short", ()))}:
            assert owners.setdefault(form, entry["title"]) == entry["title"], form


def test_every_successor_is_an_entry():
    titles = {entry["title"] for entry in ENTRIES}
    assert {e["successor"] for e in ENTRIES if "successor" in e} <= titles


def test_provincial_plans_of_two_periods_are_registered():
    regions = {e["region"] for e in PROVINCIAL}
    assert len(regions) >= 25
    assert any(e.get("period", [0, 0])[1] == 2020 for e in PROVINCIAL)
    assert any(e.get("period", [0, 0])[1] == 2025 for e in PROVINCIAL)


def test_amendment_dates_are_in_order_and_after_adoption():
    for entry in ENTRIES:
        dates = [entry["adopted"], *entry.get("amended", ())] if "adopted" in entry else []
        assert dates == sorted(dates), entry["title"]


@pytest.mark.parametrize("cited, canonical", [
    ("法治政府建设实施纲要（2021-2025）", "法治政府建设实施纲要（2021—2025年）"),
    ("法治政府建设实施纲要(2021—2025年)", "法治政府建设实施纲要（2021—2025年）"),
    ("法治政府建设实施纲要（2021年-2025年）", "法治政府建设实施纲要（2021—2025年）"),
    ("中华人民共和国行政处罚法", "中华人民共和国行政处罚法"),
    ("行政处罚法", "中华人民共和国行政处罚法"),
    ("行政处罚法（2021年修订）", "中华人民共和国行政处罚法"),
    ("行 政 处 罚 法", "中华人民共和国行政处罚法"),
])
def test_every_way_of_writing_a_title_finds_it(cited, canonical):
    assert BOOK.lookup(cited).title == canonical


@pytest.mark.parametrize("cited, right", [
    ("法治政府建设实施纲要（2021—2025年）", True),
    ("法治政府建设实施纲要(2021—2025年)", True),
    ("法治政府建设实施纲要（2021年—2025年）", True),
    ("法治政府建设实施纲要（2021-2025年）", False),
    ("法治政府建设实施纲要（2021—2025）", False),
    ("行政处罚法", True),
])
def test_right_forms(cited, right):
    assert (written(cited) in BOOK.lookup(cited).forms()) is right


@pytest.mark.parametrize("cited, nearest", [
    ("基本医疗与健康促进法", "中华人民共和国基本医疗卫生与健康促进法"),
    ("重大行政决策程序条例", "重大行政决策程序暂行条例"),
    ("法治政府建设与责任落实督查工作规定", "法治政府建设与责任落实督察工作规定"),
    ("律师法", None),            # too short to guess
    ("药品管理法实施条例", None),  # another document
    ("江门市城市市容和环境卫生管理条例", None),
    ("医疗机构管理办法", None),    # another genre than 医疗机构管理条例
])
def test_nearest_title(cited, nearest):
    found = BOOK.nearest(cited)
    assert (found.title if found else None) == nearest


@pytest.mark.parametrize("a, b, limit, distance", [
    ("基本医疗与健康促进法", "基本医疗卫生与健康促进法", 2, 2),
    ("督查", "督察", 1, 1),
    ("abc", "abc", 2, 0),
    ("abcdef", "uvwxyz", 2, 3),   # farther than the limit: limit + 1
    ("ab", "abcde", 2, 3),
])
def test_banded_edit_distance(a, b, limit, distance):
    assert edit_distance(a, b, limit) == distance


def test_nested_titles_are_citations_too():
    text = "按照《清远市贯彻〈广东省法治政府建设实施纲要（2016—2020年）〉的实施方案》要求"
    titles = [c.title for c in citations(text)]
    assert titles == ["清远市贯彻〈广东省法治政府建设实施纲要（2016—2020年）〉的实施方案",
                      "广东省法治政府建设实施纲要（2016—2020年）"]


@pytest.mark.parametrize("entry, ends, how", [
    ({"title": "甲法", "source": "s", "repealed": "2022-03-01", "successor": "乙法"},
     datetime.date(2022, 3, 1), "repealed"),
    ({"title": "甲省纲要（2016—2020年）", "source": "s", "period": [2016, 2020], "region": "甲省"},
     datetime.date(2021, 1, 1), "expired"),
    ({"title": "甲纲要（2021—2025年）", "source": "s", "period": [2021, 2025], "region": "全国"},
     None, "repealed"),   # no successor issued yet: still the basis of work
    ({"title": "甲纲要", "source": "s", "superseded": "2015-12-27", "successor": "乙法"},
     datetime.date(2015, 12, 27), "superseded"),
    ({"title": "甲法", "source": "s", "adopted": "2020-01-01"}, None, "repealed"),
])
def test_when_an_entry_stops_being_current(entry, ends, how):
    law = lawbook.law_from(entry, {})
    assert law.ends == ends
    assert law.how == how or law.ends is None


def test_last_made_needs_the_whole_history():
    known = lawbook.law_from({"title": "甲法", "source": "s", "adopted": "1998-06-26",
                              "amended": ["2009-08-27"]}, {})
    unknown = lawbook.law_from({"title": "甲法", "source": "s", "adopted": "1998-06-26"}, {})
    assert known.last_made == datetime.date(2009, 8, 27)
    assert unknown.last_made is None


def test_a_bad_mentions_pattern_is_a_pack_error_with_its_line(tmp_path):
    from lawlint.errors import PackError
    from lawlint.packs.ruleset import load_ruleset

    pack = tmp_path / "p.yaml"
    pack.write_text('name: p\nversion: "1"\nlaws:\n  - {title: 甲法, source: s, mentions: "(oops"}\n',
                    encoding="utf-8")
    with pytest.raises(PackError) as raised:
        load_ruleset((str(pack),))
    assert raised.value.line == 4 and "invalid regular expression" in str(raised.value)
