"""One-file latency as a pre-commit hook sees it: a new process per run, wall time.

Usage: python benchmarks/startup.py [RUNS]   (prints a Markdown table for docs/performance.md)

Measures a bare interpreter (the floor), `lawlint FILE` with an empty cache (the pack is
schema-validated, jsonschema imported) and with a warm cache (the usual case), and the
in-process time to lint each seed once the pack is loaded.
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
SEED = ROOT / "seeds" / "004_3b8f22655ae3d0b6.txt"


def wall(command: list[str], env: dict[str, str], runs: int, fresh_cache: bool) -> list[float]:
    times = []
    for _ in range(runs):
        run_env = dict(env)
        if fresh_cache:
            run_env["LAWLINT_CACHE_DIR"] = tempfile.mkdtemp(prefix="lawlint-bench-")
        start = time.perf_counter()
        subprocess.run(command, env=run_env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return times


def in_process() -> list[tuple[str, float, int]]:
    sys.path.insert(0, str(ROOT))
    from lawlint.pipeline import linter

    resolver = linter.Resolver(linter.Options(isolated=True))
    linter.lint_path(str(SEED), resolver)  # build the rule set outside the timing
    rows = []
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        start = time.perf_counter()
        for _ in range(20):
            result = linter.lint_path(str(path), resolver)
        rows.append((path.name, (time.perf_counter() - start) / 20, len(result.diagnostics)))
    return rows


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 15
    # As an installed lawlint runs: bytecode cached (pip writes the .pyc files), here in a
    # folder of its own rather than next to the sources.
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(Path(tempfile.gettempdir()) / "lawlint-bench-pycache")
    warm_dir = tempfile.mkdtemp(prefix="lawlint-bench-warm-")
    env_warm = {**env, "LAWLINT_CACHE_DIR": warm_dir}
    lawlint = [sys.executable, "-m", "lawlint", str(SEED)]
    subprocess.run(lawlint, env=env_warm, capture_output=True)  # validate once
    cases = [
        ("python -c pass (floor)", wall([sys.executable, "-c", "pass"], env, runs, False)),
        ("lawlint FILE, cold cache", wall(lawlint, env, runs, True)),
        ("lawlint FILE, warm cache", wall(lawlint, env_warm, runs, False)),
    ]
    print(f"| case ({runs} runs) | min s | median s | max s |\n|---|---|---|---|")
    for name, times in cases:
        print(f"| {name} | {min(times):.3f} | {statistics.median(times):.3f} | {max(times):.3f} |")
    print("\n| seed | lint in-process ms | findings |\n|---|---|---|")
    for name, seconds, count in in_process():
        print(f"| {name} | {seconds * 1000:.1f} | {count} |")


if __name__ == "__main__":
    main()
