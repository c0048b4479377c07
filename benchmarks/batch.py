"""Batch throughput, peak memory and scaling of `lawlint audit`, against a floor.

Usage: python benchmarks/batch.py [N ...]     (default: 1000 5000 10000)

For each N: builds a corpus (benchmarks/corpus.py) in a temporary folder, then times
`lawlint audit DIR --no-cache --format json` in a new process at --jobs 1 and --jobs 2 and
reads its peak memory; the floor is reading every file and running one compiled regex over
it in Python. Then times one report of 256 KB, 512 KB and 1 MB (linear, not quadratic).
Prints Markdown tables for docs/performance.md.
"""

from __future__ import annotations

import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus  # noqa: E402

LAWLINT = [sys.executable, "-m", "lawlint"]


def timed(command: list[str]) -> tuple[float, float]:
    """(wall seconds, peak RSS in MB of the process tree's largest member)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                   env={**os.environ, "CI": "1"})
    wall = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return wall, max(peak, before) / 1024


def floor(folder: Path) -> float:
    """Read every file and run one compiled regex pass: the least any linter must do."""
    pattern = re.compile(r"法治政府建设|第一责任人|存在的不足")
    start = time.perf_counter()
    for path in sorted(folder.iterdir()):
        data = path.read_bytes()
        for encoding in ("utf-8", "utf-16", "gb18030"):
            try:
                text = data.decode(encoding)
                break
            except UnicodeDecodeError:
                continue
        sum(1 for _ in pattern.finditer(text))
    return time.perf_counter() - start


def main() -> None:
    sizes = [int(n) for n in sys.argv[1:]] or [1000, 5000, 10000]
    print("| reports | jobs | wall s | reports/s | peak MB | floor s | lawlint / floor |")
    print("|---|---|---|---|---|---|---|")
    for count in sizes:
        with tempfile.TemporaryDirectory() as temp:
            folder = Path(temp) / "corpus"
            corpus.build(count, folder)
            base = floor(folder)
            for jobs in (1, 2):
                wall, peak = timed([*LAWLINT, "audit", str(folder), "--no-cache", "--isolated",
                                    "--jobs", str(jobs), "--format", "json", "-o", os.devnull])
                print(f"| {count} | {jobs} | {wall:.2f} | {count / wall:.0f} | {peak:.0f} | "
                      f"{base:.2f} | {wall / base:.1f}× |")
    print("\n| report size | lint s (one file, in-process) |\n|---|---|")
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from lawlint.pipeline import linter
    resolver = linter.Resolver(linter.Options(isolated=True))
    with tempfile.TemporaryDirectory() as temp:
        for size in (262144, 524288, 1048576):
            path = corpus.build_large(size, Path(temp))
            linter.lint_path(str(path), resolver)
            start = time.perf_counter()
            linter.lint_path(str(path), resolver)
            print(f"| {path.stat().st_size // 1024} KB | {time.perf_counter() - start:.2f} |")


if __name__ == "__main__":
    main()
