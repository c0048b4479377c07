"""lawlint audit: the table an office circulates, cross-checks across the batch, the cache."""

from __future__ import annotations

import csv
import io
import json
import shutil

import pytest
from click.testing import CliRunner

from conftest import SEEDS

from lawlint.cli import main


def audit(*args):
    return CliRunner().invoke(main, ["audit", *map(str, args)])


@pytest.fixture
def batch(tmp_path):
    """The seeds, a copy of 001 under another organ, an old-year file and a broken .docx."""
    folder = tmp_path / "上报"
    folder.mkdir()
    for seed in SEEDS.glob("*.txt"):
        shutil.copy(seed, folder)
    text = (SEEDS / "001_0bdb67023be65981.txt").read_text(encoding="utf-8")
    (folder / "永春.txt").write_text(text.replace("安溪县卫生健康局", "永春县卫生健康局"), encoding="utf-8")
    compliant = (SEEDS / "004_3b8f22655ae3d0b6.txt").read_text(encoding="utf-8")
    for name in ("a", "b", "c"):
        (folder / f"{name}-2023.txt").write_text(
            compliant.replace("2021 年", "2023 年").replace("2022 年", "2024 年").replace(
                "渝北区", f"{name}区"), encoding="utf-8")
    (folder / "德化.docx").write_bytes(b"PK\x03\x04broken")
    return folder


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_summary_lists_counts_top_rules_worst_files_and_unreadable_rows(batch, jobs):
    result = audit(batch, "--jobs", jobs, "--no-cache")
    assert result.exit_code == 2  # one file could not be read
    out = result.output
    assert out.startswith("lawlint audit: 10 files: ")
    assert "most frequent rules:" in out and "files with the most errors:" in out
    assert "德化.docx: not a readable .docx" in out


def test_copies_are_rings_and_stale_years_are_batch_notes(batch):
    """001 and its copy under 永春's name are one ring; 004 and its three copies (organ and
    years swapped) another; no file carries a note per pair any more."""
    data = json.loads(audit(batch, "--format", "json", "--no-cache").output)
    rings = [sorted(p.split("/")[-1] for p in ring["members"]) for ring in data["rings"]]
    assert rings == [["004_3b8f22655ae3d0b6.txt", "a-2023.txt", "b-2023.txt", "c-2023.txt"],
                     ["001_0bdb67023be65981.txt", "永春.txt"]]
    assert all(ring["share"] >= 0.9 and ring["clauses"] for ring in data["rings"])
    by_name = {f["path"].split("/")[-1]: f for f in data["files"]}
    assert by_name["永春.txt"]["ring"] == 2 and by_name["a-2023.txt"]["ring"] == 1
    assert by_name["002_c589ac335115484d.txt"]["ring"] is None
    notes = {name: [n["kind"] for n in f["notes"]] for name, f in by_name.items()}
    assert "stale-year" in notes["000_9cfde12bd7801c2f.txt"]       # 2021 among 2023s
    assert "stale-year" not in notes["a-2023.txt"]
    assert not any("copy" in kinds for kinds in notes.values())


def test_the_summary_puts_rings_first_one_line_each(batch):
    out = audit(batch, "--no-cache").output
    assert out.index("copy rings (雷同): 2 rings, 6 reports") < out.index("most frequent rules:")
    ring_lines = [line for line in out.splitlines() if line.lstrip().startswith(("1. ", "2. "))]
    assert len(ring_lines) == 2 and "4 份" in ring_lines[0] and "等 4 份" in ring_lines[0]


def test_csv_opens_in_a_spreadsheet_with_chinese_intact(batch, tmp_path):
    out = tmp_path / "audit.csv"
    audit(batch, "--format", "csv", "-o", out, "--no-cache")
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    row = next(r for r in rows if r["path"].endswith("001_0bdb67023be65981.txt"))
    assert (row["organ"], row["report_year"], row["date"], row["status"]) == \
        ("安溪县卫生健康局", "2023", "2024年2月29日", "fail")
    assert (row["LL401"], row["署名"], row["不足原因"]) == ("1", "missing", "weak")
    broken = next(r for r in rows if r["path"].endswith("德化.docx"))
    assert broken["status"] == "error" and "not a readable .docx" in broken["error"]


def test_cache_relints_only_changed_files(batch, tmp_path, monkeypatch):
    monkeypatch.setenv("LAWLINT_CACHE_DIR", str(tmp_path / "cache"))
    first = json.loads(audit(batch, "--format", "json", "--jobs", "1").output)
    from lawlint.pipeline import linter
    calls = []
    original = linter.analyse
    monkeypatch.setattr(linter, "analyse", lambda *a, **k: calls.append(a[0].path) or original(*a, **k))
    changed = batch / "a-2023.txt"
    changed.write_text(changed.read_text(encoding="utf-8").replace("区政府：", ""), encoding="utf-8")
    second = json.loads(audit(batch, "--format", "json", "--jobs", "1").output)
    assert calls == [changed.as_posix()]
    assert [f["path"] for f in first["files"]] == [f["path"] for f in second["files"]]
    row = next(f for f in second["files"] if f["path"] == changed.as_posix())
    assert "LL303" in {finding["rule_id"] for finding in row["findings"]}
    calls.clear()
    audit(batch, "--format", "json", "--jobs", "1", "--no-cache")
    assert len(calls) == 9   # every readable file again


def test_audit_of_the_seeds_matches_check():
    audited = json.loads(audit(SEEDS, "--format", "json", "--no-cache").output)
    checked = json.loads(CliRunner().invoke(main, [str(SEEDS), "--format", "json"]).output)
    assert [[f["rule_id"] for f in file["findings"]] for file in audited["files"]] == \
        [[f["rule_id"] for f in file["findings"]] for file in checked["files"]]


def test_a_note_names_a_few_files_and_counts_the_rest(tmp_path):
    """In a batch of thousands, one organ's note must not list every other file."""
    text = (SEEDS / "004_3b8f22655ae3d0b6.txt").read_text(encoding="utf-8")
    for index in range(6):
        (tmp_path / f"r{index}.txt").write_text(text.replace("区委、区政府", f"区委{index}"),
                                                encoding="utf-8")
    data = json.loads(audit(tmp_path, "--format", "json", "--no-cache").output)
    note = next(n["message"] for n in data["files"][0]["notes"] if n["kind"] == "same-organ")
    assert "等 5 份" in note and note.count(".txt") == 3


def test_no_progress_bar_when_piped_or_in_ci(monkeypatch, capsys):
    from lawlint.cli.audit import _progress
    monkeypatch.setenv("CI", "true")
    with _progress(3) as advance:
        advance()
    assert capsys.readouterr().err == ""


ROSTER = """单位名称,简称,层级,上级单位
安溪县卫生健康局,安溪卫健局,县级,安溪县人民政府
永春县卫生健康局,,县级,永春县人民政府
江门市江海区卫生健康局,江海卫健局,县级,江门市江海区人民政府
德化县卫生健康局,,县级,德化县人民政府
南安市卫生健康局,,县级,南安市人民政府
"""


@pytest.fixture
def roster(tmp_path):
    path = tmp_path / "名单.csv"
    path.write_text(ROSTER, encoding="utf-8-sig")
    return path


def test_the_roster_accounts_for_every_unit(batch, roster, tmp_path):
    """永春 sent 001's copy, 安溪 sent 001: both count; 德化 sent a broken .docx named after
    it (submitted, unreadable); 南安 sent nothing; the 2023 copies under a/b/c区 and a broken
    file named only 德化 match no unit."""
    (batch / "德化县卫生健康局2023年报告.docx").write_bytes(b"PK\x03\x04broken")
    late_copy = batch / "c-2023.txt"
    late_copy.write_text(late_copy.read_text(encoding="utf-8").replace("2024 年 1 月 10 日", "2024 年 3 月 5 日"),
                         encoding="utf-8")
    data = json.loads(audit(batch, "--roster", roster, "--deadline", "2024-03-01",
                            "--format", "json", "--no-cache").output)
    book = data["roster"]
    assert book["units"] == 5 and [u["name"] for u in book["missing"]] == ["南安市卫生健康局"]
    assert sorted(p.split("/")[-1] for p in book["unmatched"]) == [
        "000_9cfde12bd7801c2f.txt", "003_ad30e693d927473c.txt", "004_3b8f22655ae3d0b6.txt",
        "a-2023.txt", "b-2023.txt", "c-2023.txt", "德化.docx"]
    units = {f["path"].split("/")[-1]: f["unit"] for f in data["files"]}
    assert units["永春.txt"] == "永春县卫生健康局" and units["德化县卫生健康局2023年报告.docx"] == "德化县卫生健康局"
    assert units["002_c589ac335115484d.txt"] == "江门市江海区卫生健康局"
    late = {path.split("/")[-1]: why for path, why in book["late"].items()}
    assert late == {"c-2023.txt": "成文日期 2024年3月5日 晚于报送期限 2024年3月1日（无收文日期）"}


def test_a_receipt_log_decides_lateness(batch, roster, tmp_path):
    log = tmp_path / "收文.csv"
    log.write_text("文件名,收文日期\n永春.txt,2024-03-05\n001_0bdb67023be65981.txt,2024/2/20\n",
                   encoding="utf-8")
    data = json.loads(audit(batch, "--roster", roster, "--received", log, "--deadline", "2024-03-01",
                            "--format", "json", "--no-cache").output)
    late = {path.split("/")[-1]: why for path, why in data["roster"]["late"].items()}
    assert late["永春.txt"] == "收文日期 2024年3月5日 晚于报送期限 2024年3月1日"
    assert "001_0bdb67023be65981.txt" not in late


def test_the_summary_lists_roster_gaps_before_the_rules(batch, roster):
    out = audit(batch, "--roster", roster, "--deadline", "2024-03-01", "--no-cache").output
    assert "roster (名单): 5 units, 3 submitted, 2 missing (未报送), 7 unmatched" in out
    assert out.index("未报送:") < out.index("most frequent rules:")
    assert "    南安市卫生健康局" in out


@pytest.mark.parametrize("args, message", [
    (["--received", "名单.csv"], "add --roster"),
    (["--deadline", "2024-03-01"], "add --roster"),
    (["--roster", "bad.csv"], "no unit-name column"),
])
def test_roster_options_fail_before_the_batch(batch, tmp_path, monkeypatch, args, message):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "名单.csv").write_text(ROSTER, encoding="utf-8")
    (tmp_path / "bad.csv").write_text("名字\n安溪县卫生健康局\n", encoding="utf-8")
    result = audit(batch, *args, "--no-cache")
    assert result.exit_code == 2 and message in result.output and "lawlint audit:" not in result.output


def test_the_csv_has_a_row_for_every_unit_that_sent_nothing(batch, roster, tmp_path):
    out = tmp_path / "audit.csv"
    audit(batch, "--roster", roster, "--format", "csv", "-o", out, "--no-cache")
    rows = list(csv.DictReader(io.StringIO(out.read_bytes().decode("utf-8-sig"))))
    missing = [r["unit"] for r in rows if r["status"] == "not-submitted"]
    assert missing == ["德化县卫生健康局", "南安市卫生健康局"]
    assert next(r for r in rows if r["path"].endswith("永春.txt"))["unit"] == "永春县卫生健康局"
    assert len(rows) == 10 + 2
