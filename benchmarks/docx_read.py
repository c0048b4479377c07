"""What one .docx costs, this tree against a git revision, side by side (issue 14).

Usage: python benchmarks/docx_read.py REV [ROUNDS]      (defaults: ROUNDS 7)

Issue 14 reads a .docx as Word shows it (list numbers, tracked changes, content controls,
fields, text boxes: lawlint/extract/_wordml.py) instead of python-docx's paragraph text, and
asks that one .docx still cost about what it did. This builds the seeds as .docx twice: as
plain paragraphs (tests/builders.to_docx, what both revisions read alike) and as an author's
Word file (to_word_docx: numbering, a tracked change, a content control, a text box), then
times, alternating the two trees round by round so that the machine's load falls on both:
  1. in-process: read and lint every file 10 times, ms per file (the median of ROUNDS);
  2. one .docx linted by a new process (what a pre-commit hook pays), the median of ROUNDS.
Prints the machine's load average and a Markdown table with after/before ratios.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from compare import IN_PROCESS  # noqa: E402  (ms per file, read and linted 10 times in-process)


def build(folder: Path) -> dict[str, list[str]]:
    from builders import to_docx, to_word_docx

    sets: dict[str, list[str]] = {"plain paragraphs": [], "an author's Word file": []}
    for seed in sorted((ROOT / "seeds").glob("*.txt")):
        text = seed.read_text(encoding="utf-8")
        for label, make in (("plain paragraphs", to_docx), ("an author's Word file", to_word_docx)):
            path = folder / f"{seed.stem}-{len(sets[label])}-{make.__name__}.docx"
            path.write_bytes(make(text))
            sets[label].append(str(path))
    return sets


def in_process(tree: Path, files: list[str]) -> float:
    done = subprocess.run([sys.executable, "-c", IN_PROCESS, *files], capture_output=True, text=True,
                          check=True, env={**os.environ, "PYTHONPATH": str(tree)})
    return float(done.stdout)


def one_file(tree: Path, path: str) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "lawlint", "--isolated", path], capture_output=True,
                   env={**os.environ, "PYTHONPATH": str(tree)})
    return time.perf_counter() - start


def main() -> None:
    revision = sys.argv[1]
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 7
    load_before = os.getloadavg()
    with tempfile.TemporaryDirectory(prefix="lawlint-docx-") as temp:
        before = Path(temp) / "before"
        subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", str(before), revision],
                       check=True, capture_output=True)
        try:
            sets = build(Path(temp))
            trees = {"before": before, "after": ROOT}
            times: dict[tuple[str, str], list[float]] = {}
            for round_number in range(rounds):
                order = list(trees.items()) if round_number % 2 == 0 else list(trees.items())[::-1]
                for side, tree in order:
                    for label, files in sets.items():
                        times.setdefault((label, side), []).append(in_process(tree, files))
                    times.setdefault(("one file, new process", side), []).append(
                        one_file(tree, sets["an author's Word file"][-1]) * 1000)
        finally:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(before)],
                           capture_output=True)
    print(f"`python benchmarks/docx_read.py {revision} {rounds}`, {time.strftime('%Y-%m-%d %H:%M %Z')}; "
          f"load average {' / '.join(f'{x:.2f}' for x in load_before)} before, "
          f"{' / '.join(f'{x:.2f}' for x in os.getloadavg())} after\n")
    print(f"| case | before ({revision}) ms | after ms | after / before |\n|---|---|---|---|")
    for label in (*sets, "one file, new process"):
        old, new = statistics.median(times[label, "before"]), statistics.median(times[label, "after"])
        per = "per file, in-process" if label in sets else ""
        print(f"| {label}{', ' + per if per else ''} | {old:.2f} | {new:.2f} | {new / old:.2f}× |")


if __name__ == "__main__":
    main()
