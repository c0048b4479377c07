"""The audit at scale: lint time, ring time, peak memory and ring recall on batches with copy rings.

Usage: python benchmarks/audit_scale.py [--sizes 200,2000,20000] [--jobs N] [--similarity T] [--command]

For each size N: builds a batch with benchmarks/ring_corpus.py (20 templates copied N/20
times on average, and N/10 originals) in a temporary folder, then audits it in a fresh
process the way `lawlint audit` does (lawlint/cli/audit.py `_audit`): `pool.run(files,
options, jobs, use_cache=False)`, then `rings.find(items, similarity)`, then the batch notes.
Records the wall time of each step, the peak RSS of the auditing process and of its largest
worker (resource.getrusage), the milliseconds per report, and scores the rings found against
the batch's manifest:

- rings whole: true rings with ≥ 90% of their members in one ring found, that ring ≥ 90% theirs;
- member recall: the share of ring members found in the ring that holds most of their ring;
- member precision: the share of the members of the rings found that belong to the true ring
  most of that found ring belongs to (an original in a ring, or a second template, counts
  against it);
- originals in rings: originals put in any ring (must be 0).

With --command, times the whole `lawlint audit DIR --no-cache --isolated --format json -o
FILE` as a subprocess instead (peak RSS: its largest process, as /usr/bin/time reports) and
scores the rings of its JSON. Prints Markdown tables.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import ring_corpus  # noqa: E402

LAWLINT = [sys.executable, "-m", "lawlint"]
TEMPLATES = 20


def _arguments(argv: list[str]) -> dict:
    args = {"sizes": [200, 2000, 20000], "jobs": os.cpu_count() or 1, "similarity": 0.6,
            "command": False, "one": None}
    rest = list(argv)
    while rest:
        flag = rest.pop(0)
        if flag == "--command":
            args["command"] = True
        elif flag in ("--sizes", "--jobs", "--similarity", "--one") and rest:
            value = rest.pop(0)
            if flag == "--sizes":
                args["sizes"] = [int(n) for n in value.split(",") if n]
            elif flag == "--jobs":
                args["jobs"] = int(value)
            elif flag == "--similarity":
                args["similarity"] = float(value)
            else:
                args["one"] = value
        else:
            sys.exit(__doc__.split("\n\n")[1])
    return args


def build(size: int, folder: Path) -> tuple[dict, float]:
    """The batch of about `size` reports (and N/10 originals), and the seconds it took."""
    start = time.perf_counter()
    manifest = ring_corpus.build(folder, TEMPLATES, ring_corpus.copies_for(size, TEMPLATES), size // 10)
    return manifest, time.perf_counter() - start


def score(found: list[list[str]], manifest: dict) -> dict:
    """The rings found (lists of paths) against the manifest's."""
    truth = {name: number for number, ring in enumerate(manifest["rings"]) for name in ring}
    members = sum(len(ring) for ring in manifest["rings"])
    best: dict[int, int] = defaultdict(int)           # true ring → most of it in one found ring
    holder: dict[int, tuple[int, int]] = {}           # true ring → (found ring, its size)
    placed = correct = originals = 0
    for index, ring in enumerate(found):
        labels = Counter(truth.get(Path(path).name, -1) for path in ring)
        originals += labels.pop(-1, 0)
        placed += len(ring)
        if labels:
            correct += labels.most_common(1)[0][1]
        for label, count in labels.items():
            if count > best[label]:
                best[label], holder[label] = count, (index, len(ring))
    whole = sum(1 for label, ring in enumerate(manifest["rings"])
                if best[label] >= 0.9 * len(ring) and best[label] >= 0.9 * holder[label][1])
    return {"true rings": len(manifest["rings"]), "rings found": len(found), "rings whole": whole,
            "member recall": sum(best.values()) / members if members else 1.0,
            "member precision": correct / placed if placed else 1.0,
            "originals in rings": originals}


def audit_in_process(folder: Path, jobs: int, similarity: float) -> dict:
    """Run in a fresh process (--one): the audit's steps as lawlint/cli/audit.py runs them."""
    from lawlint import limits, usercache
    from lawlint.audit import crosscheck, pool, rings
    from lawlint.cli import audit as cli_audit
    from lawlint.pipeline.linter import Options, Resolver

    options = Options(isolated=True)
    resolver = Resolver(options)
    with usercache.session(off=True), limits.applied(resolver.limits(resolver.settings(None))):
        resolver.ruleset(resolver.settings(None))
        files = list(pool.collect([str(folder)], options))
        start = time.perf_counter()
        items = pool.run(files, options, jobs, False)
        lint = time.perf_counter() - start
        start = time.perf_counter()
        quoted = cli_audit._clause_text(resolver) if hasattr(cli_audit, "_clause_text") else None
        found = rings.find(items, similarity, quoted)
        ring_time = time.perf_counter() - start
        start = time.perf_counter()
        crosscheck.notes(items)
        notes = time.perf_counter() - start
    return {"files": len(files), "lint s": lint, "rings s": ring_time, "notes s": notes,
            "peak MB": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            "worker MB": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
            "rings": [list(ring.members) for ring in found]}


def run_one(folder: Path, jobs: int, similarity: float) -> dict:
    """The in-process audit of `folder` in a new Python, so each size's peak RSS is its own."""
    done = subprocess.run([sys.executable, __file__, "--one", str(folder), "--jobs", str(jobs),
                           "--similarity", str(similarity)], capture_output=True, text=True,
                          env={**os.environ, "CI": "1"})
    if done.returncode:
        sys.exit(f"audit of {folder} failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


_PEAK = ("import resource, subprocess, sys\n"
         "code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode\n"
         "print(code, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n")


def run_command(folder: Path, jobs: int, similarity: float) -> dict:
    """`lawlint audit` as a subprocess, timed; its largest process's peak RSS (like
    /usr/bin/time), read through a small wrapper so that each run's peak is its own."""
    output = folder.parent / "audit.json"
    command = [*LAWLINT, "audit", str(folder), "--no-cache", "--isolated", "--jobs", str(jobs),
               "--similarity", str(similarity), "--format", "json", "-o", str(output)]
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", _PEAK, *command], capture_output=True, text=True,
                          env={**os.environ, "CI": "1"})
    wall = time.perf_counter() - start
    code, peak = done.stdout.split()
    if int(code) not in (0, 1):
        sys.exit(f"lawlint audit exited {code}:\n{done.stderr}")
    report = json.loads(output.read_text(encoding="utf-8"))
    found = [ring["members"] for ring in report.get("rings", [])]
    return {"files": report["summary"]["files"], "wall s": wall, "peak MB": int(peak) / 1024,
            "rings": found}


def main() -> None:
    args = _arguments(sys.argv[1:])
    if args["one"] is not None:
        print(json.dumps(audit_in_process(Path(args["one"]), args["jobs"], args["similarity"])))
        return
    jobs, similarity = args["jobs"], args["similarity"]
    rows, scores = [], []
    for size in args["sizes"]:
        with tempfile.TemporaryDirectory() as temp:
            folder = Path(temp) / "batch"
            manifest, built = build(size, folder)
            run = run_command if args["command"] else run_one
            measured = run(folder, jobs, similarity)
        count = measured["files"]
        scored = score(measured["rings"], manifest)
        scores.append((count, scored))
        if args["command"]:
            rows.append(f"| {count} | {jobs} | {built:.1f} | {measured['wall s']:.1f} | "
                        f"{1000 * measured['wall s'] / count:.1f} | {measured['peak MB']:.0f} |")
        else:
            rows.append(f"| {count} | {jobs} | {built:.1f} | {measured['lint s']:.1f} | "
                        f"{measured['rings s']:.2f} | {measured['notes s']:.2f} | "
                        f"{1000 * (measured['lint s'] + measured['rings s']) / count:.1f} | "
                        f"{measured['peak MB']:.0f} | {measured['worker MB']:.0f} |")
    if args["command"]:
        print("| reports | jobs | build s | `lawlint audit` wall s | ms / report | peak MB |")
        print("|---|---|---|---|---|---|")
    else:
        print("| reports | jobs | build s | lint s | rings s | notes s | ms / report | peak MB | "
              "worker peak MB |")
        print("|---|---|---|---|---|---|---|---|---|")
    print("\n".join(rows))
    print(f"\n| reports | true rings | rings found | rings whole | member recall | member precision | "
          f"originals in rings |  (similarity {similarity})\n|---|---|---|---|---|---|---|")
    for count, scored in scores:
        print(f"| {count} | {scored['true rings']} | {scored['rings found']} | {scored['rings whole']} | "
              f"{scored['member recall']:.3f} | {scored['member precision']:.3f} | "
              f"{scored['originals in rings']} |")


if __name__ == "__main__":
    main()
