"""Where worker processes start to pay: `lint_paths` of N files in this process against N files
in worker processes, alternating, for a range of N (issue 12: the batch runner's THRESHOLD).

Usage: python benchmarks/threshold.py [ROUNDS] [N ...]   (defaults: 9 rounds; 2 4 8 … 128)

The files come from the textlint comparison's corpus (benchmarks/out/, built if missing), a
different slice each round so that no round reads the same files twice. The rule set is
compiled before timing (both ways pay nothing for it then), so each row is the batch itself:
for the pool, starting and stopping the workers, shipping paths and results, and the linting
spread over the cores. Prints the machine, the load average before and after, and per N the
median wall time each way and their ratio; the break-even is the smallest N from which the
pool's median stays below the in-process median.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import textlint_compare  # noqa: E402  (the corpus and the machine facts)
from lawlint.pipeline import batch, linter  # noqa: E402


def main() -> None:
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 9
    sizes = [int(n) for n in sys.argv[2:]] or [2, 4, 8, 12, 16, 24, 32, 48, 64, 128]
    mixed, _ = textlint_compare.build_corpus(1000)
    files = sorted(str(path) for path in mixed.iterdir())
    processes = batch.cpu_count()
    alone = linter.Resolver(linter.Options(isolated=True, jobs=1))
    pooled = linter.Resolver(linter.Options(isolated=True, jobs=processes))
    list(linter.lint_paths(files[:1], alone))          # compile the rule set, warm the caches
    times: dict[tuple[int, str], list[float]] = {(n, way): [] for n in sizes for way in "ap"}
    load_before = os.getloadavg()
    for round_ in range(rounds):
        for n in sizes:
            start = (round_ * max(sizes)) % (len(files) - n)
            chunk = files[start:start + n]
            ways = (("a", alone), ("p", pooled)) if round_ % 2 == 0 else (("p", pooled), ("a", alone))
            for way, resolver in ways:
                begin = time.perf_counter()
                for _ in linter.lint_paths(chunk, resolver):
                    pass
                times[(n, way)].append(time.perf_counter() - begin)
    load_after = os.getloadavg()
    print(f"## In-process against {processes} worker processes, {rounds} rounds\n")
    print(f"- load average {' / '.join(f'{x:.2f}' for x in load_before)} before, "
          f"{' / '.join(f'{x:.2f}' for x in load_after)} after")
    print(f"- {os.cpu_count()} cores (nproc), {textlint_compare.cpu_model()}; {processes} busy "
          f"processes do {textlint_compare.parallel_work():.2f}× the work of one\n")
    print("| files | in-process median ms | pool median ms | pool / in-process |\n|---|---|---|---|")
    ratios = {}
    for n in sizes:
        a, p = (statistics.median(times[(n, way)]) for way in "ap")
        ratios[n] = p / a
        print(f"| {n} | {a * 1000:.1f} | {p * 1000:.1f} | {p / a:.2f}× |")
    even = next((n for n in sizes if all(ratios[m] < 1 for m in sizes if m >= n)), None)
    print(f"\nbreak-even: {even if even else 'not reached'} files "
          f"(batch.THRESHOLD is {batch.THRESHOLD})")


if __name__ == "__main__":
    main()
