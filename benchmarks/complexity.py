"""Hostile shapes at two sizes 10× apart: does each cost 10× (linear), not 100× (issue 13)?

Usage: python benchmarks/complexity.py [--scale K] [--repeat R]   (defaults: 1, 3)

Issue 13 asks that hostile input never cost more than its size. Each shape below once cost
the square of its size somewhere (the path in brackets); it is built in a temporary folder at
N and 10N (N times K with --scale) and run where that path runs:

- headings: a report of N lines 「一、」, linted in this process (the section tree);
- brackets: one line of N nested ASCII bracket pairs in Chinese text, linted (bracket pairing);
- long line: one line of N characters with a placeholder and a mobile number every 300,
  linted and written as text output (each finding's excerpt window; masked spans);
- citations: one line of N characters citing a repealed law every 300, linted (the
  sentence around each citation, once searched back to the start of the text);
- short lines: N Markdown headings with a short paragraph each, parsed (the heading of each
  short line, once a regex call over the whole text);
- same organ: N reports of one organ through the audit's cross-check (same-organ notes);
- hostile files (one size each, a second table): a .docx of 800 MB of spaces, a billion
  laughs .docx, a 1 GB flate bomb PDF, 20,000 nested <div>, a nine-level YAML alias bomb as
  the configuration: each linted by a new lawlint, its wall time, peak RSS and exit code
  (refused at once with exit 2, where it once took seconds to minutes and gigabytes);
- memory: `lawlint DIR` on N and 10N small reports (benchmarks/corpus.py) in a new process,
  text, JSON and SARIF output: the peak RSS of its largest process (os.wait4 gives each run
  its own, workers included, read by a small launcher: see _PEAK), which should not grow
  with N.

In-process rows are the best of R runs (the rule set built first), so that a shared machine's
load spikes fall out. Prints the machine, the load average before and after, and a Markdown
table for docs/performance.md: each size's time (or MB) and their ratio. The defaults run in
about a minute on two cores.
"""

from __future__ import annotations

import argparse
import gc
import io
import os
import platform
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import corpus  # noqa: E402
from textlint_compare import cpu_model  # noqa: E402

from lawlint.audit import crosscheck  # noqa: E402
from lawlint.audit.item import Item  # noqa: E402
from lawlint.document import fold, source, structure  # noqa: E402
from lawlint.output import Display, text  # noqa: E402
from lawlint.pipeline import linter  # noqa: E402
from lawlint.pipeline.result import FileResult  # noqa: E402

LAWLINT = [sys.executable, "-m", "lawlint"]
RESOLVER = linter.Resolver(linter.Options(isolated=True, keep_text=True, jobs=1))


def best(run: Callable[[], object], repeat: int) -> float:
    """The fastest of `repeat` runs, in seconds."""
    times = []
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def lint_file(folder: Path, name: str, content: str, output: bool = False) -> Callable[[], object]:
    """Lint one file in this process (and write its text output, when asked)."""
    path = folder / name
    path.write_text(content, encoding="utf-8")

    def run():
        result = linter.lint_path(str(path), RESOLVER)
        if output:
            text.render([result], None, io.StringIO(), Display(width=80))
    return run


def headings(n: int, folder: Path) -> Callable[[], object]:
    title = "某局2023年法治政府建设年度报告\n\n"
    return lint_file(folder, f"headings-{n}.txt", title + "一、\n" * n)


def brackets(n: int, folder: Path) -> Callable[[], object]:
    return lint_file(folder, f"brackets-{n}.txt", "标题\n\n中" + "(" * n + ")" * n + "文。\n")


def long_line(n: int, folder: Path) -> Callable[[], object]:
    unit = "XX" + "内容" * 70 + "13812345678" + "情况" * 73 + "。"   # 300 characters
    return lint_file(folder, f"line-{n}.txt", "标题\n\n" + unit * (n // len(unit)) + "\n", output=True)


def citations(n: int, folder: Path) -> Callable[[], object]:
    unit = "按照《合同法》" + "推进" * 146 + "。"   # 300 characters, a repealed law cited in each
    title = "某局2023年法治政府建设年度报告\n\n"
    return lint_file(folder, f"citations-{n}.txt", title + unit * (n // len(unit)) + "\n")


def short_lines(n: int, folder: Path) -> Callable[[], object]:
    src = source.from_text("标题\n\n" + "## 小标题\n短行正文。\n" * n, f"short-{n}.md")
    folded = fold.fold(src)
    grammar = RESOLVER.ruleset(RESOLVER.settings(None)).grammar
    return lambda: structure.parse(src, folded, None, grammar)


def same_organ(n: int, folder: Path) -> Callable[[], object]:
    items = [Item(FileResult(f"r{i:06d}.txt", organ="某市司法局", report_year=2023 - i % 2))
             for i in range(n)]
    return lambda: crosscheck.notes(items)


SHAPES = (   # name, what is timed, N at --scale 1
    ("headings 「一、」 ×N", "lint", headings, 10_000),
    ("nested brackets ×N pairs", "lint", brackets, 10_000),
    ("one line of N chars, 2 findings per 300", "lint + text output", long_line, 300_000),
    ("one line of N chars, a repealed law cited every 300", "lint", citations, 300_000),
    ("N Markdown headings and short lines", "parse", short_lines, 10_000),
    ("N reports of one organ", "audit cross-check", same_organ, 2_000),
)


# Started from a small Python of its own: Linux keeps a process's peak RSS across exec, so a
# child forked from this (by now large) process would report at least this one's size.
_PEAK = ("import os, subprocess, sys, time\n"
         "start = time.perf_counter()\n"
         "child = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)\n"
         "_, status, usage = os.wait4(child.pid, 0)\n"
         "print(usage.ru_maxrss, time.perf_counter() - start, os.waitstatus_to_exitcode(status))")


def launched(command: list[str]) -> tuple[float, float, int]:
    """(peak RSS in MB, wall seconds, exit code) of a new process (workers included)."""
    done = subprocess.run([sys.executable, "-c", _PEAK, *command], capture_output=True,
                          text=True, check=True, env={**os.environ, "CI": "1"})
    peak, seconds, code = done.stdout.split()
    return int(peak) / 1024, float(seconds), int(code)


def peak_mb(command: list[str]) -> float:
    """Peak RSS in MB of a new process (and of the workers it waited for)."""
    return launched(command)[0]


def memory_rows(n: int, folder: Path) -> list[tuple[str, str, int, float, float]]:
    small, large = folder / f"corpus-{n}", folder / f"corpus-{10 * n}"
    corpus.build(n, small)
    corpus.build(10 * n, large)
    rows = []
    for output in ("text", "json", "sarif"):
        command = [*LAWLINT, "--isolated", "--no-cache", "--format", output]
        rows.append((f"`lawlint DIR --format {output}`, N reports", "peak RSS MB", n,
                     peak_mb([*command, str(small)]), peak_mb([*command, str(large)])))
    return rows


# --- hostile files: each refused at once, whatever it would unpack to -------------------------

def _docx_of(document: bytes | None = None, spaces: int = 0) -> bytes:
    """The compliant fixture as a .docx, its document part replaced (or padded to `spaces`
    bytes of spaces, written in chunks: 800 MB never sits in memory)."""
    import io
    import zipfile

    from builders import to_docx

    base = zipfile.ZipFile(io.BytesIO(to_docx((ROOT / "tests" / "fixtures" / "compliant.txt")
                                              .read_text(encoding="utf-8"))))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        for name in base.namelist():
            if name == "word/document.xml" and spaces:
                with package.open(name, "w", force_zip64=True) as part:
                    for _ in range(spaces // (1 << 20)):
                        part.write(b" " * (1 << 20))
            else:
                package.writestr(name, document if name == "word/document.xml" and document
                                 else base.read(name))
    return buffer.getvalue()


def _laughs() -> bytes:
    entities = "".join(f'<!ENTITY e{i} "{f"&e{i - 1};" * 10}">' for i in range(1, 10))
    return _docx_of((f'<?xml version="1.0"?><!DOCTYPE w [<!ENTITY e0 "lol">{entities}]>'
                     '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
                     '<w:body><w:p><w:r><w:t>&e9;</w:t></w:r></w:p></w:body></w:document>').encode())


def _flate_bomb() -> bytes:
    import zlib

    packer = zlib.compressobj(9)
    encoded = b"".join(packer.compress(b"\0" * (1 << 20)) for _ in range(1024)) + packer.flush()
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
               b"<< /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream" % (len(encoded), encoded),
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 3 0 R >>"]
    out, offsets = bytearray(b"%PDF-1.7\n"), []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 5\n0000000000 65535 f \n" + b"".join(b"%010d 00000 n \n" % o for o in offsets)
    return bytes(out + b"trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % xref)


def _alias_bomb() -> bytes:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 10)]
    return ("\n".join(lines) + "\n").encode()


HOSTILE = (   # what it is, its file, how to build it, extra arguments (the file goes last)
    ("a .docx whose document.xml is 800 MB of spaces", "spaces.docx", lambda: _docx_of(spaces=800 << 20), ()),
    ("a .docx with nested entities (billion laughs)", "laughs.docx", _laughs, ()),
    ("a PDF whose one stream inflates to 1 GB", "bomb.pdf", _flate_bomb, ()),
    ("an HTML page of 20,000 nested <div>", "deep.html",
     lambda: ("<html><body>" + "<div>" * 20000 + "报告" + "</div>" * 20000 + "</body></html>").encode(), ()),
    ("a configuration with a nine-level alias bomb", "bomb.yaml", _alias_bomb, ("--config",)),
)


def hostile_rows(folder: Path) -> list[tuple[str, int, float, float, int]]:
    """Each hostile file linted alone by a new lawlint: (what, bytes, seconds, peak MB, exit)."""
    sys.path.insert(0, str(ROOT / "tests"))
    report = ROOT / "tests" / "fixtures" / "compliant.txt"
    rows = []
    for what, name, build, arguments in HOSTILE:
        path = folder / name
        path.write_bytes(build())
        target = [*arguments, str(path), str(report)] if arguments else [str(path)]
        peak, seconds, code = launched([*LAWLINT, "--isolated", *target] if not arguments
                                       else [*LAWLINT, *target])
        rows.append((what, path.stat().st_size, seconds, peak, code))
    return rows


def machine() -> str:
    return (f"{os.cpu_count()} cores (nproc), {cpu_model()}, {platform.system()} "
            f"{platform.release()}, Python {platform.python_version()}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--scale", type=float, default=1.0, help="multiply every N (default 1)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per in-process size (best kept)")
    options = parser.parse_args()
    load_before = os.getloadavg()
    RESOLVER.ruleset(RESOLVER.settings(None))   # compiled before any timing
    rows = []
    with tempfile.TemporaryDirectory(prefix="lawlint-complexity-") as temp:
        folder = Path(temp)
        for name, timed, build, base in SHAPES:
            n = int(base * options.scale)
            small, large = build(n, folder), build(10 * n, folder)
            rows.append((name, f"{timed} s", n, best(small, options.repeat), best(large, options.repeat)))
            print(f"  {name}: done", file=sys.stderr, flush=True)
        rows += memory_rows(int(100 * options.scale), folder)
        hostile = hostile_rows(folder)
    load_after = os.getloadavg()
    print(f"`python benchmarks/complexity.py{' '.join([''] + sys.argv[1:])}`, "
          f"{time.strftime('%Y-%m-%d %H:%M %Z')}\n")
    print(f"- machine: {machine()}")
    print(f"- load average {' / '.join(f'{x:.2f}' for x in load_before)} before, "
          f"{' / '.join(f'{x:.2f}' for x in load_after)} after\n")
    print("| shape | measure | N | at N | at 10N | 10N / N |\n|---|---|---|---|---|---|")
    for name, measure, n, at_n, at_10n in rows:
        digits = 0 if "MB" in measure else 3
        print(f"| {name} | {measure} | {n:,} | {at_n:.{digits}f} | {at_10n:.{digits}f} | "
              f"{at_10n / at_n:.1f}× |")
    print("\n| hostile file | size on disk | `lawlint FILE`: wall s | peak RSS MB | exit |\n|---|---|---|---|---|")
    for what, size, seconds, peak, code in hostile:
        print(f"| {what} | {size / 1024:,.0f} KB | {seconds:.2f} | {peak:.0f} | {code} |")


if __name__ == "__main__":
    main()
