"""Before against after, side by side in one run: this tree against a git revision.

Usage: python benchmarks/compare.py REV [RUNS] [REPORTS]   (e.g. REV = HEAD~3; defaults 15, 1000)

Checks REV out into a temporary worktree and runs both lawlints with this interpreter,
alternating run by run so that the machine's load falls on both alike:
  1. one file, new process (what a pre-commit hook pays), RUNS times each;
  2. linting in-process, ms per report over the seeds and the real openings, 5 rounds each;
  3. `lawlint audit` of a generated corpus of REPORTS files at --jobs 2, 3 rounds each.
Prints medians and after/before ratios as Markdown, with the machine's load average.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "004_3b8f22655ae3d0b6.txt"
FILES = sorted((ROOT / "seeds").glob("*.txt")) + sorted((ROOT / "tests/fixtures/real").glob("*.txt"))
IN_PROCESS = """
import sys, time
try:
    from lawlint.pipeline import linter
except ImportError:   # a revision before the packages (issue 12, step 4)
    from lawlint import linter
files = sys.argv[1:]
resolver = linter.Resolver(linter.Options(isolated=True))
for path in files:   # once each: what a process loads once (jieba for a named party) is not per report
    linter.lint_path(path, resolver)
start = time.perf_counter()
for _ in range(10):
    for path in files:
        linter.lint_path(path, resolver)
print((time.perf_counter() - start) / (10 * len(files)) * 1000)
"""


def env_for(tree: Path) -> dict[str, str]:
    """Run `tree`'s lawlint as an installed one runs: with its bytecode cached (pip writes the
    .pyc files; without them every run compiles every module again, and more source reads as
    a slower start), here in a folder of their own, not in the trees."""
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    return {**env, "PYTHONPATH": str(tree), "LAWLINT_CACHE_DIR": str(tree / ".bench-cache"),
            "PYTHONPYCACHEPREFIX": str(Path(tempfile.gettempdir()) / "lawlint-bench-pycache")}


# Every run starts in its tree: `python -c` and `python -m` put the working directory first on
# sys.path, so a run started in this repository would import this tree's lawlint whatever
# PYTHONPATH says (before issue 12 both columns measured this tree).
def wall(command: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, env=env, cwd=env["PYTHONPATH"], stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def check_tree(tree: Path, env: dict[str, str]) -> None:
    """Fail loudly unless a run in `tree` imports that tree's lawlint."""
    found = subprocess.run([sys.executable, "-c", "import lawlint; print(lawlint.__path__[0])"],
                           env=env, cwd=tree, capture_output=True, text=True, check=True).stdout
    if Path(found.strip()).resolve() != (tree / "lawlint").resolve():
        sys.exit(f"{tree}: imports lawlint from {found.strip()}, not from the tree")


def alternate(trees: dict[str, Path], runs: int, measure) -> dict[str, list[float]]:
    times: dict[str, list[float]] = {name: [] for name in trees}
    for _ in range(runs):
        for name, tree in trees.items():
            times[name].append(measure(tree))
    return times


def row(label: str, times: dict[str, list[float]], unit: str) -> str:
    before, after = (statistics.median(times[k]) for k in ("before", "after"))
    return f"| {label} | {before:.3f} {unit} | {after:.3f} {unit} | {after / before:.2f}× |"


def main() -> None:
    revision = sys.argv[1]
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 15
    reports = int(sys.argv[3]) if len(sys.argv) > 3 else 1000
    work = Path(tempfile.mkdtemp(prefix="lawlint-compare-"))
    old = work / "before"
    subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", str(old), revision],
                   check=True, capture_output=True)
    try:
        trees = {"before": old, "after": ROOT}
        python = sys.executable
        for tree in trees.values():   # validate packs once: the warm-cache case
            check_tree(tree, env_for(tree))
            subprocess.run([python, "-m", "lawlint", str(SEED)], env=env_for(tree), cwd=tree,
                           capture_output=True)
        one = alternate(trees, runs, lambda t: wall([python, "-m", "lawlint", str(SEED)], env_for(t)))
        lint = alternate(trees, 5, lambda t: float(subprocess.run(
            [python, "-c", IN_PROCESS, *map(str, FILES)], env=env_for(t), cwd=t,
            capture_output=True, text=True, check=True).stdout))
        batch = work / "corpus"
        corpus.build(reports, batch)
        audit = alternate(trees, 3, lambda t: wall(
            [python, "-m", "lawlint", "audit", str(batch), "--no-cache", "--isolated", "--jobs", "2",
             "--format", "json", "-o", os.devnull], env_for(t)))
        load = " ".join(f"{x:.2f}" for x in os.getloadavg())
        print(f"{revision} against this tree; load average {load}; {os.cpu_count()} cores\n")
        print("| case | before (median) | after (median) | after / before |\n|---|---|---|---|")
        print(row(f"one file, new process ({runs} runs)", one, "s"))
        print(row(f"lint in-process per report ({len(FILES)} reports, 5 rounds)", lint, "ms"))
        print(row(f"audit {reports} reports, --jobs 2 (3 rounds)", audit, "s"))
        print(f"\naudit throughput: before {reports / statistics.median(audit['before']):.0f}/s, "
              f"after {reports / statistics.median(audit['after']):.0f}/s")
    finally:
        subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(old)],
                       capture_output=True)


if __name__ == "__main__":
    main()
