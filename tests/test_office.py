""".doc, .wps, .rtf, .odt, .dotx, .docm through LibreOffice (issue 14): a file LibreOffice made
from a seed gives the .docx's findings at the same paragraphs; a file it cannot read, or a
conversion that hangs, is one clear error; without LibreOffice it is `unsupported`, with advice.
Tests that need a real soffice skip without one; the others fake it."""

from __future__ import annotations

import io
import os
import random
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from builders import to_docx
from conftest import SEEDS

from lawlint.errors import InputError
from lawlint.extract import office
from lawlint.pipeline import linter

SOFFICE = office.soffice()
needs_soffice = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
posix = pytest.mark.skipif(os.name != "posix", reason="the fake soffice is a shell script")
SEED_FILES = sorted(SEEDS.glob("*.txt"))
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
NOISE = random.Random(14).randbytes(3000)   # starts with no format's first bytes
PLAIN = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
MACROS = b"application/vnd.ms-word.document.macroEnabled.main+xml"


def lint(path: Path, jobs: int | None = None):
    return linter.lint_paths([str(path)], linter.Resolver(linter.Options(isolated=True, jobs=jobs)))


def findings(result) -> list[tuple]:
    assert result.error is None, result.error
    return [(d.rule_id, d.paragraph, d.line, d.column) for d in result.diagnostics]


def only(path: Path):
    [result] = lint(path)
    return result


class Made:
    """Files LibreOffice itself saves from the seeds' .docx, one soffice run per format for
    the seeds the cases need."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        for seed in SEED_FILES:
            (folder / f"{seed.stem}.docx").write_bytes(to_docx(seed.read_text(encoding="utf-8")))

    def get(self, seed: Path, suffix: str) -> Path:
        made = self.folder / f"{seed.stem}{suffix}"
        if not made.exists():
            if suffix == ".docm":
                made.write_bytes(macro_enabled((self.folder / f"{seed.stem}.docx").read_bytes()))
            else:
                seeds = [case for case, wanted in CASES if wanted == suffix] or [seed]
                save_as(suffix, [self.folder / f"{seed.stem}.docx" for seed in seeds])
        return made


def save_as(suffix: str, sources: list[Path]) -> None:
    """LibreOffice itself saves each .docx as `suffix`, next to it (one run for them all)."""
    folder = sources[0].parent
    subprocess.run([SOFFICE, f"-env:UserInstallation={(folder / 'profile').as_uri()}", "--headless",
                    "--norestore", "--convert-to", suffix[1:], "--outdir", str(folder), *map(str, sources)],
                   stdin=subprocess.DEVNULL, capture_output=True, start_new_session=True, timeout=300)


def macro_enabled(data: bytes) -> bytes:
    """The .docx as Word saves a .docm: the same parts, the main part's content type
    macro-enabled (which python-docx refuses to open)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as given, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as made:
        for item in given.infolist():
            part = given.read(item)
            if item.filename == "[Content_Types].xml":
                part = part.replace(PLAIN, MACROS)
            made.writestr(item, part)
    return out.getvalue()


@pytest.fixture(scope="module")
def made(tmp_path_factory):
    return Made(tmp_path_factory.mktemp("office"))


@pytest.fixture
def soffice_at(monkeypatch, tmp_path):
    """Point LAWLINT_SOFFICE at a shell script with this body."""
    def install(body: str) -> Path:
        script = tmp_path / "soffice"
        script.write_text("#!/bin/sh\n" + body, encoding="utf-8")
        script.chmod(0o755)
        monkeypatch.setenv(office.SOFFICE_ENV, str(script))
        return script
    return install


# ---- with LibreOffice: the same findings as the .docx ------------------------------------

CASES = [(seed, ".doc") for seed in SEED_FILES] + [
    (SEED_FILES[0], suffix) for suffix in (".wps", ".rtf", ".odt", ".dotx", ".docm")]


@needs_soffice
@pytest.mark.parametrize("seed, suffix", CASES, ids=lambda v: v if isinstance(v, str) else v.name[:3])
def test_a_file_libreoffice_saved_gives_the_docx_findings_at_the_same_paragraphs(made, seed, suffix):
    converted = only(made.get(seed, suffix))
    assert findings(converted) == findings(only(made.get(seed, ".docx")))
    assert converted.path.endswith(suffix) and converted.diagnostics   # named as the user named it


@needs_soffice
def test_word_heading_styles_survive_the_conversion(tmp_path):
    text = ("安溪县卫生健康局2023年法治政府建设年度报告\n县委、县政府：\n主要举措和成效\n全年合法性审查文件12件。\n"
            "存在的不足\n执法力量不足。\n下一年度工作安排\n继续加强。\n安溪县卫生健康局\n2024年1月29日\n")
    (tmp_path / "styled.docx").write_bytes(to_docx(text, heading_styles={3: 1, 5: 1, 7: 1}))
    save_as(".doc", [tmp_path / "styled.docx"])
    found = {rule for rule, *_ in findings(only(tmp_path / "styled.doc"))}
    assert {"LL101", "LL102", "LL106"}.isdisjoint(found) and "LL103" in found


@needs_soffice
def test_worker_processes_convert_side_by_side_and_leave_nothing_behind(made, tmp_path, monkeypatch):
    import tempfile

    folder = tmp_path / "batch"
    folder.mkdir()
    for index in range(4):
        (folder / f"r{index}.doc").write_bytes(made.get(SEED_FILES[0], ".doc").read_bytes())
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))   # forked workers inherit it
    results = list(lint(folder, jobs=2))
    assert len({tuple(findings(result)) for result in results}) == 1 and len(results) == 4
    assert sorted(path.name for path in tmp_path.iterdir()) == ["batch"]


@posix
def test_each_conversion_has_a_profile_of_its_own_and_no_shell(soffice_at, tmp_path, monkeypatch):
    import tempfile

    said = tmp_path / "said"
    soffice_at(f'printf "%s|" "$@" >> {said}; echo >> {said}\n')
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    for name in ("a.doc", "年度 报告;(1).doc"):   # LibreOffice sees a fixed name, never the user's
        with pytest.raises(InputError):
            office.extract(OLE, name)
    runs = [line.split("|")[:-1] for line in said.read_text(encoding="utf-8").splitlines()]
    folders = [Path(run[run.index("--outdir") + 1]) for run in runs]
    assert len(set(folders)) == 2
    assert [run[0] for run in runs] == [f"-env:UserInstallation={(f / 'profile').as_uri()}" for f in folders]
    assert [run[-1] for run in runs] == [str(f / "report.doc") for f in folders]
    assert all("--infilter=MS Word 97" in run for run in runs)
    assert sorted(path.name for path in tmp_path.iterdir()) == ["said", "soffice"]   # folders removed


# ---- files LibreOffice cannot read: one clear error -------------------------------------

@needs_soffice
@pytest.mark.parametrize("name, data, says", [
    ("random.doc", NOISE, "not a Word, WPS, RTF or OpenDocument file"),
    ("empty.wps", b"", "not a Word, WPS, RTF or OpenDocument file"),
    ("broken.doc", OLE + NOISE, "LibreOffice could not read it as .doc"),
    ("cut.rtf", b"{\\rtf1", "LibreOffice could not read it as .rtf"),
    ("zip.odt", b"PK\x03\x04" + NOISE, "LibreOffice could not read it as .odt"),
], ids=["random", "empty", "ole-header-then-noise", "cut-rtf", "zip-of-noise"])
def test_a_file_libreoffice_cannot_read_is_one_error_not_mojibake(tmp_path, name, data, says):
    (tmp_path / name).write_bytes(data)
    result = only(tmp_path / name)
    assert says in result.error and not result.unsupported and not result.diagnostics
    assert "另存为 .docx" in result.error


def test_bytes_that_start_like_no_office_format_never_reach_libreoffice(soffice_at, tmp_path):
    soffice_at("echo ran > \"$0.ran\"\n")
    with pytest.raises(InputError, match="does not start like one"):
        office.extract(b"plain text, no Word inside", "notes.doc")
    assert not list(tmp_path.glob("*.ran"))


# ---- a conversion that hangs is killed -------------------------------------------------

@posix
def test_a_conversion_over_the_time_limit_is_killed_with_its_children(soffice_at, tmp_path, monkeypatch):
    pids = tmp_path / "pids"
    soffice_at(f"echo $$ > {pids}\n'{sys.executable}' -c 'import time; time.sleep(300)' &\n"
               f"echo $! >> {pids}\nwait\n")
    monkeypatch.setattr(office, "TIME_LIMIT", 0.5)
    with pytest.raises(InputError, match="did not finish converting it within 0.5 s"):
        office.extract(OLE, "slow.doc")
    started = pids.read_text().split() if pids.exists() else []
    assert not [pid for pid in started if running(int(pid))]


def running(pid: int) -> bool:
    """Alive and not a zombie (a killed grandchild waits for an init that may never reap it)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return False
    except OSError:   # pragma: no cover - no /proc
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return False
        return True
    return state != "Z"


@posix
def test_a_conversion_that_makes_nothing_is_an_error_with_what_libreoffice_said(soffice_at):
    soffice_at("echo 'Error: source file could not be loaded' >&2\n")
    with pytest.raises(InputError, match=r"as \.rtf \(Error: source file could not be loaded\)"):
        office.extract(b"{\\rtf1 x}", "letter.rtf")


# ---- without LibreOffice: unsupported, with advice ---------------------------------------

@pytest.mark.parametrize("setting, says", [
    ("nowhere", f"{office.SOFFICE_ENV}="),   # names no program: PATH is not searched then
    (None, "安装 LibreOffice"),              # not set, and nothing on PATH
])
def test_without_libreoffice_a_doc_is_unsupported_with_advice(monkeypatch, tmp_path, setting, says):
    if setting is None:
        monkeypatch.delenv(office.SOFFICE_ENV, raising=False)
        monkeypatch.setenv("PATH", str(tmp_path))
    else:
        monkeypatch.setenv(office.SOFFICE_ENV, str(tmp_path / setting))
    (tmp_path / "old.doc").write_bytes(OLE)
    result = only(tmp_path / "old.doc")
    assert result.unsupported and "unsupported format (.doc)" in result.error
    assert "另存为 .docx" in result.error and says in result.error


def test_the_suffixes_libreoffice_reads_are_no_longer_unsupported():
    from lawlint import extract

    assert set(office.SUFFIXES).isdisjoint(extract.UNSUPPORTED)
    assert {extract.FORMATS[suffix] for suffix in office.SUFFIXES} == {office}
