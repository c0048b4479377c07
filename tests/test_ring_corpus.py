"""The generator of batches with copy rings (benchmarks/ring_corpus.py) writes what the audit's
ring finder is judged on: whole reports, rings whose members share most clauses but not the
template's organ, figures or dates, and originals that share nothing but the national wording."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from itertools import combinations

import pytest

from conftest import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))
import ring_corpus  # noqa: E402

TEMPLATES, COPIES, ORIGINALS = 4, 5, 10
_CLAUSE = re.compile(r"[，。；：！？\n]+")


def clauses(text: str) -> set[str]:
    return {c.strip() for c in _CLAUSE.split(text) if len(c.strip()) >= 4}


def jaccard(a: set, b: set) -> float:
    return len(a & b) / len(a | b)


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    out = tmp_path_factory.mktemp("rings")
    manifest = ring_corpus.build(out, TEMPLATES, COPIES, ORIGINALS, seed=3)
    texts = {path.name: path.read_text(encoding="utf-8") for path in out.glob("*.txt")}
    return out, manifest, texts


def test_the_manifest_lists_every_report_once(batch):
    out, manifest, texts = batch
    assert json.loads((out / "manifest.json").read_text(encoding="utf-8")) == manifest
    assert len(manifest["rings"]) == TEMPLATES
    assert sum(len(ring) for ring in manifest["rings"]) == TEMPLATES * COPIES
    assert all(len(ring) >= 2 for ring in manifest["rings"])
    assert len(manifest["originals"]) == ORIGINALS
    listed = [name for ring in manifest["rings"] for name in ring] + manifest["originals"]
    assert sorted(listed) == sorted(texts) and len(set(listed)) == len(listed)
    assert all(author in ring for author, ring in zip(manifest["authors"], manifest["rings"]))
    assert sorted(manifest["organs"]) == sorted(texts)
    assert len(set(manifest["organs"].values())) == len(texts), "one report per organ"


def test_every_report_is_a_different_whole_report(batch):
    _, manifest, texts = batch
    assert len(set(texts.values())) == len(texts)
    for name, text in texts.items():
        organ = manifest["organs"][name]
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        assert lines[0] == f"{organ}2024年法治政府建设年度报告", name
        assert lines[1].endswith("："), name
        for part in ("主要举措和成效", "党政主要负责人履行推进法治建设第一责任人职责", "存在的不足和原因", "主要安排"):
            assert part in text, (name, part)
        assert re.search(r"^一、.*\n(.*\n)*^二、.*\n(.*\n)*^三、.*\n(.*\n)*^四、", text, re.M), name
        assert lines[-2] == organ and re.fullmatch(r"2025年[12]月\d{1,2}日", lines[-1]), name
        assert 40 <= text.count("。") <= 125, (name, text.count("。"))


def test_a_ring_shares_most_clauses_and_nothing_else_does(batch):
    _, manifest, texts = batch
    sets = {name: clauses(text) for name, text in texts.items()}
    within = [jaccard(sets[a], sets[b]) for ring in manifest["rings"] for a, b in combinations(ring, 2)]
    assert min(within) > 0.4 and sum(within) / len(within) > 0.55
    across = [jaccard(sets[a], sets[b]) for one, other in combinations(manifest["rings"], 2)
              for a in one for b in other]
    originals = [jaccard(sets[a], sets[b]) for a, b in combinations(manifest["originals"], 2)]
    mixed = [jaccard(sets[a], sets[b]) for a in manifest["originals"] for ring in manifest["rings"] for b in ring]
    assert max(across) < 0.1 and max(originals) < 0.1 and max(mixed) < 0.1


def test_a_copy_has_its_own_organ_figures_and_date(batch):
    _, manifest, texts = batch
    for author, ring in zip(manifest["authors"], manifest["rings"]):
        template = texts[author]
        organ = manifest["organs"][author]
        shared_figures = re.compile(r"\d|[一二三四五六七八九十]{1,3}[个次](?!性)")
        for member in ring:
            if member == author:
                continue
            text = texts[member]
            assert organ not in text, (member, organ)
            assert text.splitlines()[-1].strip() != template.splitlines()[-1].strip()
            unfigured = re.compile(r"20\d\d(?!年\d)|12345热线")   # years (not of a date), a name
            shared = clauses(unfigured.sub("", text)) & clauses(unfigured.sub("", template))
            assert not [c for c in shared if shared_figures.search(c)], member


def test_the_author_is_dated_first_in_its_ring(batch):
    _, manifest, texts = batch

    def date(name):
        month, day = re.search(r"2025年(\d+)月(\d+)日\s*$", texts[name]).groups()
        return int(month), int(day)

    for author, ring in zip(manifest["authors"], manifest["rings"]):
        assert all(date(author) < date(member) for member in ring if member != author)


def test_the_same_seed_builds_the_same_batch(batch, tmp_path):
    _, manifest, texts = batch
    again = ring_corpus.build(tmp_path, TEMPLATES, COPIES, ORIGINALS, seed=3)
    assert again == manifest
    assert all((tmp_path / name).read_text(encoding="utf-8") == text for name, text in texts.items())


def test_ring_sizes_range_from_five_to_a_third_of_the_copies():
    sizes = ring_corpus.ring_sizes(20, 2000)
    assert sum(sizes) == 2000 and len(sizes) == 20
    assert sizes.count(5) >= 5 and max(sizes) >= 300
    assert sum(ring_corpus.ring_sizes(20, 40)) == 40 and min(ring_corpus.ring_sizes(20, 40)) == 2
    with pytest.raises(ValueError):
        ring_corpus.ring_sizes(20, 30)


def test_the_audit_scale_benchmark_runs():
    done = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "audit_scale.py"), "--sizes", "30",
                           "--jobs", "1"], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert "| 43 | 1 |" in done.stdout and "member recall" in done.stdout
