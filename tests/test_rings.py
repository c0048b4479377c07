"""Copy rings: shingles that survive a template's swaps, sketches that estimate similarity,
and rings found through LSH buckets without comparing every pair."""

from __future__ import annotations

import random
from array import array

import pytest

from lawlint.audit import rings, similarity
from lawlint.audit.item import Item
from lawlint.document import fold, source, structure
from lawlint.pipeline.result import FileResult

SUBJECTS = ["行政执法", "合法性审查", "政务公开", "行政复议", "普法宣传", "重大决策", "规范性文件",
            "执法监督", "矛盾纠纷化解", "营商环境", "公共法律服务", "数字政府", "信访工作", "安全生产"]
ACTS = ["健全", "完善", "推进", "落实", "规范", "强化", "深化", "优化", "探索", "建立"]
OBJECTS = ["工作机制", "制度体系", "流程清单", "考核办法", "台账管理", "培训制度", "联席会议",
           "公示制度", "审核程序", "责任清单", "监督平台", "档案管理"]
RESULTS = ["办理案件{n}件", "组织培训{n}场次", "审查文件{n}件", "受理申请{n}件", "开展检查{n}次",
           "化解纠纷{n}起", "发布信息{n}条", "覆盖人员{n}人"]


def sentence(rng: random.Random) -> str:
    """A report-like sentence from a large space: two reports share one only by chance."""
    return (f"{rng.choice(ACTS)}{rng.choice(SUBJECTS)}{rng.choice(OBJECTS)}，"
            f"{rng.choice(ACTS)}{rng.choice(SUBJECTS)}{rng.choice(OBJECTS)}，"
            f"全年{rng.choice(RESULTS).format(n=rng.randint(2, 900))}，"
            f"{rng.choice(SUBJECTS)}{rng.choice(OBJECTS)}{rng.choice(['进一步完善', '取得明显成效', '持续向好'])}。")


def report(organ: str, body: list[str], year: int = 2024, day: int = 20) -> str:
    third = len(body) // 3
    return "\n".join([
        f"{organ}{year}年法治政府建设年度报告", "县委、县政府：",
        f"一、{year}年推进法治政府建设的主要举措和成效", *body[:third],
        "二、存在的不足和原因", *body[third:2 * third],
        "三、党政主要负责人履行推进法治建设第一责任人职责情况", "以习近平新时代中国特色社会主义思想为指导，深入学习贯彻习近平法治思想。",
        f"四、{year + 1}年推进法治政府建设的主要安排", *body[2 * third:],
        organ, f"{year + 1}年1月{day}日", ""])


def item(path: str, text: str, ruleset) -> Item:
    src = source.from_text(text, path)
    document = structure.parse(src, fold.fold(src), None, ruleset.grammar)
    shingles = similarity.fingerprints(document, ruleset.grammar.organs, ruleset.boilerplate)
    result = FileResult(path, organ=document.organ, date=document.closing.date.text if document.closing.date else None)
    return Item(result, shingles, similarity.sketch(shingles))


def swapped(text: str, old: str, new: str, rng: random.Random) -> str:
    """A unit's copy: its own organ, and every figure changed."""
    out = text.replace(old, new)
    return "".join(str(rng.randint(0, 9)) if ch.isdigit() and rng.random() < 0.7 else ch for ch in out)


@pytest.fixture
def rng():
    return random.Random(7)


def test_a_copy_with_organ_and_figures_swapped_keeps_every_shingle(ruleset, rng):
    body = [sentence(rng) for _ in range(30)]
    template = report("安溪县司法局", body)
    copy = swapped(template, "安溪县司法局", "永春县卫生健康局", rng).replace("安溪县", "永春县")
    a, b = item("a.txt", template, ruleset), item("b.txt", copy, ruleset)
    assert len(a.fingerprints) >= 60
    assert similarity.overlap(a.fingerprints, b.fingerprints)[1] == 1.0
    assert similarity.estimated_jaccard(a.sketch, b.sketch) == 1.0


def test_headings_and_national_wording_are_not_shingles(ruleset, rng):
    """Two reports that share only the 规定's headings and stock phrases share nothing."""
    a = item("a.txt", report("安溪县司法局", [sentence(rng) for _ in range(30)]), ruleset)
    b = item("b.txt", report("永春县教育局", [sentence(rng) for _ in range(30)]), ruleset)
    shared, share = similarity.overlap(a.fingerprints, b.fingerprints)
    assert share < 0.1, shared


@pytest.mark.parametrize("kept", [1.0, 0.8, 0.5, 0.2])
def test_the_sketch_estimates_jaccard(ruleset, kept):
    """128 bins: the estimate is within ±0.15 of the true Jaccard at any overlap."""
    base = array("I", range(1000, 1300))
    other = array("I", [*base[:int(300 * kept)], *range(5000, 5000 + 300 - int(300 * kept))])
    true = len(set(base) & set(other)) / len(set(base) | set(other))
    estimate = similarity.estimated_jaccard(similarity.sketch(base), similarity.sketch(other))
    assert abs(estimate - true) <= 0.15


def test_a_small_set_has_no_sketch_and_joins_no_ring():
    assert len(similarity.sketch(array("I", range(10)))) == 0
    assert len(similarity.sketch(array("I", range(40)))) == similarity.BINS


def test_a_template_copied_by_300_units_is_one_ring_and_originals_none(ruleset, rng, monkeypatch):
    """The ring that used to vanish (a clause in more than 50 files was boilerplate); and the
    pairs checked grow with the batch, not with its square."""
    template = report("安溪县司法局", [sentence(rng) for _ in range(30)])
    items = [item("copy-000.txt", template, ruleset)]
    for n in range(1, 300):
        items.append(item(f"copy-{n:03d}.txt", swapped(template, "安溪县司法局", f"第{n}县司法局", rng), ruleset))
    items += [item(f"own-{n:02d}.txt", report(f"独立{n}县教育局", [sentence(rng) for _ in range(30)]), ruleset)
              for n in range(40)]
    checked = []
    original = similarity.overlap
    monkeypatch.setattr(rings, "overlap", lambda a, b: checked.append(1) or original(a, b))
    found = rings.find(items, 0.6)
    assert [ring.size for ring in found] == [300]
    assert not any(member.startswith("own-") for member in found[0].members)
    assert len(checked) < 3 * len(items)          # all pairs would be 57,291
    assert found[0].share == 1.0


def test_a_partly_rewritten_copy_stays_in_its_ring_below_the_threshold_it_leaves(ruleset, rng):
    body = [sentence(rng) for _ in range(40)]
    template = report("安溪县司法局", body)
    close = report("永春县司法局", body[:32] + [sentence(rng) for _ in range(8)])   # 80% kept
    far = report("德化县司法局", body[:12] + [sentence(rng) for _ in range(28)])    # 30% kept
    items = [item("t.txt", template, ruleset), item("close.txt", close, ruleset), item("far.txt", far, ruleset)]
    assert [sorted(ring.members) for ring in rings.find(items, 0.6)] == [["close.txt", "t.txt"]]


def test_a_ring_names_its_earliest_member_and_quotes_shared_clauses(ruleset, rng):
    template_body = [sentence(rng) for _ in range(30)]
    texts = {f"{n}.txt": report(f"{place}县司法局", template_body, day=day)
             for n, (place, day) in enumerate([("安溪", 25), ("永春", 8), ("德化", 19)])}
    items = [item(path, text, ruleset) for path, text in texts.items()]

    def clause_text(path):
        src = source.from_text(texts[path], path)
        document = structure.parse(src, fold.fold(src), None, ruleset.grammar)
        return dict(similarity.clauses(document, ruleset.grammar.organs, ruleset.boilerplate))

    (ring,) = rings.find(items, 0.6, clause_text)
    assert ring.members[0] == "1.txt" and ring.first == "1.txt"
    assert (ring.first_organ, ring.first_date) == ("永春县司法局", "2025年1月8日")
    assert len(ring.clauses) == 3 and all(clause in texts["1.txt"] for clause in ring.clauses)


def test_two_members_dated_the_same_day_name_no_first(ruleset, rng):
    body = [sentence(rng) for _ in range(30)]
    items = [item(f"{n}.txt", report(f"{place}县司法局", body), ruleset) for n, place in enumerate(["安溪", "永春"])]
    (ring,) = rings.find(items, 0.6)
    assert ring.first is None and ring.first_date is None


def test_no_ring_among_real_reports_of_different_organs():
    """The judged real openings and the seeds (63 reports of 60-odd organs, quoting the same
    national texts): no two are copies, and no pair's sketches agree on a fifth of their bins
    (measured: 0.086 at most)."""
    from click.testing import CliRunner

    from conftest import ROOT
    from lawlint.cli import main

    folders = [ROOT / "tests/fixtures/real", ROOT / "tests/fixtures/real-fresh", ROOT / "seeds"]
    result = CliRunner().invoke(main, ["audit", *map(str, folders), "--format", "json", "--no-cache"])
    data = __import__("json").loads(result.output)
    assert len(data["files"]) >= 60 and sum(1 for f in data["files"] if f.get("sketch")) >= 20
    assert data["rings"] == []
    import base64
    sketches = [array("I", base64.b64decode(f["sketch"])) for f in data["files"] if f.get("sketch")]
    closest = max(similarity.estimated_jaccard(a, b) for i, a in enumerate(sketches) for b in sketches[i + 1:])
    assert closest < 0.2
