"""Issue 17's batch: 2,000 reports written from 20 templates (organs, figures and dates
swapped, up to 15% of sentences edited) plus 200 originals, audited as an office would."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import ROOT
from lawlint.cli import main

sys.path.insert(0, str(ROOT / "benchmarks"))
import ring_corpus  # noqa: E402


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    """The batch, audited once into the cache: each test's audit then reads it back."""
    folder = tmp_path_factory.mktemp("batch")
    manifest = ring_corpus.build(folder, templates=20, copies=100, originals=200)
    cache = tmp_path_factory.mktemp("cache")
    return folder, manifest, cache


def audit(batch, *args) -> str:
    folder, _, cache = batch
    result = CliRunner(env={"LAWLINT_CACHE_DIR": str(cache)}).invoke(
        main, ["audit", str(folder), "--jobs", "2", *map(str, args)])
    assert result.exit_code in (0, 1), result.output
    return result.output


def names(paths) -> list[str]:
    return sorted(Path(p).name for p in paths)


def test_every_ring_is_found_whole_and_no_original_is_in_one(batch):
    _, manifest, _ = batch
    data = json.loads(audit(batch, "--format", "json"))
    assert len(data["files"]) == 2200
    found = sorted(names(ring["members"]) for ring in data["rings"])
    assert found == sorted(sorted(ring) for ring in manifest["rings"])
    originals = set(manifest["originals"])
    assert not any(originals & set(ring) for ring in found)


def test_each_ring_names_the_template_dated_first_and_quotes_it(batch):
    folder, manifest, _ = batch
    data = json.loads(audit(batch, "--format", "json"))
    authors = {name for name in manifest["authors"]}
    assert {Path(ring["first"]).name for ring in data["rings"]} == authors
    for ring in data["rings"]:
        text = Path(ring["first"]).read_text(encoding="utf-8")
        assert len(ring["clauses"]) == 3 and all(clause in text for clause in ring["clauses"])
        assert ring["share"] >= 0.5


def test_the_summary_stays_under_100_lines_with_one_line_per_ring(batch):
    out = audit(batch).splitlines()
    assert len(out) < 100
    ring_lines = [line for line in out if "份，相同" in line]
    assert len(ring_lines) == 10 and any("… and 10 more (--verbose)" in line for line in out)
    assert len([line for line in audit(batch, "--verbose").splitlines() if "份，相同" in line]) == 20


def test_the_page_of_the_batch_stays_under_5_mb_with_every_ring_once(batch, tmp_path):
    page = tmp_path / "审查结果.html"
    audit(batch, "--format", "html", "-o", page)
    html = page.read_text(encoding="utf-8")
    assert page.stat().st_size < 5_000_000
    assert [html.count(f'<tr id="ring-{n}">') for n in range(1, 22)] == [1] * 20 + [0]
