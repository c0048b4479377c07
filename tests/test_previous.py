"""`lawlint audit --previous`: a report that is mostly last year's, its organ's own or
another's, is noted as 照搬上年报告; last year is a folder or last year's audit JSON."""

from __future__ import annotations

import json
import random

import pytest
from click.testing import CliRunner

from lawlint.cli import main
from test_rings import report, sentence


def audit(*args):
    return CliRunner().invoke(main, ["audit", *map(str, args)])


@pytest.fixture
def years(tmp_path):
    """Last year: three units' own reports. This year: 司法局 resubmits last year's with new
    figures and dates, 教育局 takes 卫健局's, 卫健局 writes a new one."""
    rng = random.Random(3)
    bodies = {unit: [sentence(rng) for _ in range(36)] for unit in ("司法局", "教育局", "卫生健康局")}
    last, this = tmp_path / "2023", tmp_path / "2024"
    last.mkdir(), this.mkdir()
    for unit, body in bodies.items():
        (last / f"{unit}.txt").write_text(report(f"安溪县{unit}", body, year=2023), encoding="utf-8")
    resubmitted = report("安溪县司法局", bodies["司法局"], year=2024, day=9)
    (this / "司法局.txt").write_text(resubmitted.replace("1", "7"), encoding="utf-8")
    (this / "教育局.txt").write_text(report("安溪县教育局", bodies["卫生健康局"], year=2024), encoding="utf-8")
    (this / "卫生健康局.txt").write_text(report("安溪县卫生健康局", [sentence(rng) for _ in range(36)],
                                            year=2024), encoding="utf-8")
    return last, this


def previous_notes(result) -> dict[str, str]:
    data = json.loads(result.output)
    return {f["path"].split("/")[-1]: n["message"] for f in data["files"] for n in f["notes"]
            if n["kind"] == "previous"}


def test_last_years_folder_finds_a_resubmitted_report_and_a_borrowed_one(years):
    last, this = years
    notes = previous_notes(audit(this, "--previous", last, "--format", "json", "--no-cache"))
    assert set(notes) == {"司法局.txt", "教育局.txt"}
    assert notes["司法局.txt"].startswith("正文 100% 与本机关上年报告")
    assert "安溪县卫生健康局的上年报告" in notes["教育局.txt"] and "疑为照搬上年报告" in notes["教育局.txt"]


def test_last_years_audit_json_gives_the_same_notes_from_sketches(years, tmp_path):
    last, this = years
    saved = tmp_path / "2023.json"
    audit(last, "--format", "json", "-o", saved, "--no-cache")
    assert all(f["sketch"] and f["clauses"] >= 20 for f in json.loads(saved.read_text(encoding="utf-8"))["files"])
    notes = previous_notes(audit(this, "--previous", saved, "--format", "json", "--no-cache"))
    assert set(notes) == {"司法局.txt", "教育局.txt"}
    assert "本机关上年报告" in notes["司法局.txt"]


def test_the_text_summary_lists_the_notes(years):
    last, this = years
    out = audit(this, "--previous", last, "--no-cache").output
    assert "batch notes:" in out and out.count("疑为照搬上年报告") == 2


@pytest.mark.parametrize("content, message", [
    ("{not json", "cannot read last year's audit"),
    ('{"schema": "sarif"}', "not a lawlint audit JSON"),
])
def test_a_broken_previous_audit_stops_before_the_batch(years, tmp_path, content, message):
    _, this = years
    broken = tmp_path / "old.json"
    broken.write_text(content, encoding="utf-8")
    result = audit(this, "--previous", broken, "--no-cache")
    assert result.exit_code == 2 and message in result.output and "old.json" in result.output
    assert "lawlint audit:" not in result.output
