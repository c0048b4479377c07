"""lawlint against textlint with three prh rules, side by side on the same reports (issue 12).

Usage: python benchmarks/textlint_compare.py [--files N] [--rounds R] [--jobs J]
           [--lawlint-cmd CMD] [--check-args ARGS] [--before REV]
                                                            (defaults: 1000 files, 5 rounds, jobs 2)

Why: issue 12 measured that 1,000 reports take `lawlint DIR` 2.27× as long as textlint with
three prh rules on the same files, and `lawlint audit --jobs 2` 1.57×, and set the aim at
≤ 1.0× for both. textlint + prh is what a supervising office would otherwise run: a general
linter that reads every file, parses it and matches a word list. This script is how that ratio
is measured, before and after any change (--lawlint-cmd points at another lawlint).

The corpus: benchmarks/corpus.py builds N reports from the seeds, saved as UTF-8, GB18030 or
UTF-16, into benchmarks/out/textlint-compare/N/mixed/ (cached; benchmarks/out/ is git-ignored).
textlint decodes every file as UTF-8, so for a fair comparison it gets the same reports
re-encoded to UTF-8 in the sibling folder utf8/ (same .txt names). lawlint is timed on both:
mixed/ (what it meets in practice, detecting each encoding) and utf8/ (the very bytes textlint
reads).

textlint runs from benchmarks/textlint/ (package.json and package-lock.json pin textlint and
textlint-rule-prh; `npm ci` installs them there when node_modules/ is missing) with
.textlintrc.json and prh.yml: three prh rules for these reports (法制政府→法治政府, 截止至→截至,
法制轨道→法治轨道). node_modules/.bin/textlint is called directly (npx adds npm's start-up).

Each round runs, as new processes, stdout discarded, wall time by time.perf_counter (Python
with its bytecode cached, as an installed lawlint runs, even in a shell that says
PYTHONDONTWRITEBYTECODE=1):
  textlint --config .textlintrc.json --format json utf8/          (exit 1 = findings: fine)
  lawlint DIR --isolated --format json -o /dev/null --exit-zero   on mixed/ and on utf8/,
      and with --jobs 1 (one process) on mixed/
  lawlint audit DIR --isolated --no-cache --jobs J --format json -o /dev/null   on both
  with --before REV, also `lawlint DIR` and the audit on mixed/ as of git revision REV (checked
      out into a temporary worktree, run as `python -m lawlint`): before and after in one run
The order is reversed every other round, so that a drift in the shared machine's load falls on
every case alike. An untimed warm-up round first fills the page cache and checks that both
tools did work: textlint's findings (it must find the prh words that the seeds contain) and
lawlint's files read. --isolated (no configuration discovery) and --no-cache (the audit's
results cache would make every round after the first a cache read) keep the rounds alike.

Prints the machine (cores, CPU, how much work two processes do against one, load average
before and after, Python, Node, textlint and lawlint versions, git revision) and a Markdown
table: min / median / max seconds per case, the ratio of medians against textlint, and the
ratio within each round (this round's lawlint time / this round's textlint time) with its
median: the figure to read when the machine is noisy.
"""

from __future__ import annotations

import argparse
import atexit
import json
import multiprocessing
import os
import platform
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
TEXTLINT_DIR = Path(__file__).resolve().parent / "textlint"
TEXTLINT = TEXTLINT_DIR / "node_modules" / ".bin" / "textlint"
OUT = Path(__file__).resolve().parent / "out" / "textlint-compare"
# lawlint runs as an installed one does, with its bytecode cached (pip writes the .pyc files;
# a shell with PYTHONDONTWRITEBYTECODE=1 would make every run compile every module, ~35 ms),
# the .pyc files in a folder of their own.
PYTHON_AS_INSTALLED = {**{key: value for key, value in os.environ.items()
                          if key != "PYTHONDONTWRITEBYTECODE"},
                       "PYTHONPYCACHEPREFIX": str(OUT / "pycache")}


def default_lawlint() -> list[str]:
    """The lawlint beside this interpreter (a venv's), else on PATH, else `python -m lawlint`."""
    beside = Path(sys.executable).parent / "lawlint"
    if beside.exists():
        return [str(beside)]
    found = shutil.which("lawlint")
    return [found] if found else [sys.executable, "-m", "lawlint"]


def to_utf8(data: bytes) -> str:
    """Decode a corpus file: UTF-16 has a BOM (corpus.py writes it), else UTF-8, else GB18030."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("gb18030")


def build_corpus(count: int) -> tuple[Path, Path]:
    """mixed/ (as corpus.py writes it) and utf8/ (the same reports in UTF-8), built once per N."""
    base = OUT / str(count)
    mixed, utf8, done = base / "mixed", base / "utf8", base / "complete"
    if done.exists():
        return mixed, utf8
    shutil.rmtree(base, ignore_errors=True)
    corpus.build(count, mixed)
    utf8.mkdir(parents=True)
    for path in sorted(mixed.iterdir()):
        text = to_utf8(path.read_bytes())
        if "\ufffd" in text or "法治" not in text:
            sys.exit(f"{path}: could not be re-encoded to UTF-8 faithfully")
        (utf8 / path.name).write_text(text, encoding="utf-8")
    done.write_text(f"{count} reports\n", encoding="utf-8")
    return mixed, utf8


def install_textlint() -> None:
    if TEXTLINT.exists():
        return
    npm = shutil.which("npm")
    if npm is None:
        sys.exit("textlint is not installed and npm is not on PATH (Node.js ≥ 20.18 is needed)")
    print(f"installing textlint into {TEXTLINT_DIR.relative_to(ROOT)} (npm ci) …", file=sys.stderr)
    subprocess.run([npm, "ci", "--no-audit", "--no-fund"], cwd=TEXTLINT_DIR, check=True,
                   stdout=subprocess.DEVNULL)


def output(command: list[str], **kwargs) -> str:
    try:
        return subprocess.run(command, capture_output=True, text=True, **kwargs).stdout.strip()
    except OSError:
        return "?"


def parallel_work(seconds: float = 0.5) -> float:
    """How much pure-Python work nproc processes do at once, against one process alone."""
    count = os.cpu_count() or 1
    alone = _spin(seconds)
    with multiprocessing.get_context("fork").Pool(count) as pool:
        together = sum(pool.map(_spin, [seconds] * count))
    return together / alone


def _spin(seconds: float) -> int:
    loops, end = 0, time.perf_counter() + seconds
    while time.perf_counter() < end:
        loops += 1
    return loops


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return "?"


def machine(lawlint: list[str]) -> list[str]:
    cpu = cpu_model()
    textlint = json.loads((TEXTLINT_DIR / "node_modules/textlint/package.json").read_text())["version"]
    prh = json.loads((TEXTLINT_DIR / "node_modules/textlint-rule-prh/package.json").read_text())["version"]
    revision = output(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"])
    if output(["git", "-C", str(ROOT), "status", "--porcelain", "--", "lawlint"]):
        revision += " + uncommitted changes under lawlint/"
    cores = output(["nproc"])
    return [
        f"- machine: {cores} cores (nproc), {cpu}, {platform.system()} {platform.release()}; "
        f"{cores} busy processes do {parallel_work():.2f}× the work of one",
        f"- Python {platform.python_version()}, Node {output(['node', '--version'])}, "
        f"textlint {textlint}, textlint-rule-prh {prh}",
        f"- lawlint: `{shlex.join(lawlint)}` ({output([*lawlint, '--version'])}); "
        f"this tree at {revision}",
    ]


class Case:
    def __init__(self, name: str, command: list[str], cwd: Path | None = None,
                 env: dict[str, str] | None = None):
        self.name, self.command, self.cwd, self.env = name, command, cwd, env or {}
        self.times: list[float] = []
        self.log = OUT / "stderr.log"          # the last run's; read only when a run fails

    def run(self, stdout=subprocess.DEVNULL) -> float:
        with open(self.log, "wb") as err:
            start = time.perf_counter()
            done = subprocess.run(self.command, cwd=self.cwd, stdout=stdout, stderr=err,
                                  env={**PYTHON_AS_INSTALLED, "CI": "1", "NO_COLOR": "1", **self.env})
            wall = time.perf_counter() - start
        if done.returncode not in (0, 1):
            tail = self.log.read_text(errors="replace")[-2000:]
            sys.exit(f"{self.name}: exit {done.returncode}\n$ {shlex.join(self.command)}\n{tail}")
        return wall


def cases(lawlint: list[str], mixed: Path, utf8: Path, jobs: int, check_args: list[str]) -> list[Case]:
    help_text = output([*lawlint, "check", "--help"])
    one_process = [Case("`lawlint DIR --jobs 1` (mixed/)",
                        [*lawlint, str(mixed), *_check(help_text, check_args), "--jobs", "1"])] \
        if "--jobs" in help_text else []
    check = _check(help_text, check_args)
    audit = ["--isolated", "--no-cache", "--jobs", str(jobs), "--format", "json", "-o", os.devnull]
    return [
        Case("textlint + 3 prh rules (utf8/)",
             [str(TEXTLINT), "--config", ".textlintrc.json", "--format", "json", str(utf8)],
             cwd=TEXTLINT_DIR),
        Case("`lawlint DIR` (mixed/)", [*lawlint, str(mixed), *check]),
        Case("`lawlint DIR` (utf8/)", [*lawlint, str(utf8), *check]),
        *one_process,
        Case(f"`lawlint audit --jobs {jobs}` (mixed/)", [*lawlint, "audit", str(mixed), *audit]),
        Case(f"`lawlint audit --jobs {jobs}` (utf8/)", [*lawlint, "audit", str(utf8), *audit]),
    ]


def _check(help_text: str, check_args: list[str]) -> list[str]:
    exit_zero = ["--exit-zero"] if "--exit-zero" in help_text else ["--fail-on", "never"]
    return ["--isolated", "--format", "json", "-o", os.devnull, *exit_zero, *check_args]


def before_cases(tree: Path, revision: str, mixed: Path, jobs: int) -> list[Case]:
    """`lawlint DIR` and the audit on mixed/ as of another revision (a worktree of it)."""
    lawlint, env = [sys.executable, "-m", "lawlint"], {"PYTHONPATH": str(tree)}
    help_text = output([*lawlint, "check", "--help"], env={**os.environ, **env}, cwd=tree)
    audit = ["--isolated", "--no-cache", "--jobs", str(jobs), "--format", "json", "-o", os.devnull]
    return [Case(f"before ({revision}): `lawlint DIR` (mixed/)",   # cwd: `-m` puts it on sys.path
                 [*lawlint, str(mixed), *_check(help_text, [])], cwd=tree, env=env),
            Case(f"before ({revision}): `lawlint audit --jobs {jobs}` (mixed/)",
                 [*lawlint, "audit", str(mixed), *audit], cwd=tree, env=env)]


def sanity(textlint: Case, lint: Case, count: int) -> list[str]:
    """One untimed run each with the output kept, to show that both tools did the work."""
    found = OUT / "textlint-findings.json"
    with open(found, "wb") as out:
        textlint.run(stdout=out)
    files = json.loads(found.read_text(encoding="utf-8"))
    messages = [m for f in files for m in f["messages"]]
    by_word: dict[str, int] = {}
    for message in messages:
        word = message["message"].split(" => ")[0]
        by_word[word] = by_word.get(word, 0) + 1
    words = ", ".join(f"{w} {n}" for w, n in sorted(by_word.items(), key=lambda kv: -kv[1]))
    report = OUT / "lawlint-findings.json"
    command = lint.command[:]
    command[command.index("-o") + 1] = str(report)
    Case(lint.name, command).run()
    summary = json.loads(report.read_text(encoding="utf-8"))["summary"]
    lines = [
        f"- textlint read {len(files)} of {count} files and found {len(messages)} prh matches in "
        f"{sum(1 for f in files if f['messages'])} files ({words or 'none'})",
        f"- lawlint (utf8/) read {summary['files']} files, {summary['unreadable']} unreadable: "
        f"{summary['errors']} errors, {summary['warnings']} warnings, {summary['info']} info",
    ]
    if not messages or len(files) != count:
        lines.append("- **textlint did not do the expected work: the ratios below mean nothing**")
    return lines


def fmt_ratio(value: float) -> str:
    return f"{value:.2f}×"


def table(all_cases: list[Case], rounds: int) -> list[str]:
    base = all_cases[0]
    head = "| case | min s | median s | max s | median / textlint median | " + \
           " | ".join(f"round {i + 1} ratio" for i in range(rounds)) + " | median of round ratios |"
    rows = [head, "|" + "---|" * (6 + rounds)]
    for case in all_cases:
        median = statistics.median(case.times)
        per_round = [t / b for t, b in zip(case.times, base.times)]
        rows.append(f"| {case.name} | {min(case.times):.2f} | {median:.2f} | {max(case.times):.2f} | "
                    f"{fmt_ratio(median / statistics.median(base.times))} | "
                    + " | ".join(fmt_ratio(r) for r in per_round)
                    + f" | **{fmt_ratio(statistics.median(per_round))}** |")
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--files", type=int, default=1000, help="reports in the corpus (default 1000)")
    parser.add_argument("--rounds", type=int, default=5, help="timed rounds (default 5)")
    parser.add_argument("--jobs", type=int, default=2, help="lawlint audit --jobs (default 2)")
    parser.add_argument("--lawlint-cmd", default=None,
                        help="the lawlint to time, as a shell-quoted command "
                             "(default: the lawlint beside this Python, e.g. .venv/bin/lawlint)")
    parser.add_argument("--check-args", default="",
                        help="extra options for `lawlint DIR`, shell-quoted (e.g. '--jobs 2')")
    parser.add_argument("--before", metavar="REV", default=None,
                        help="also time `lawlint DIR` and the audit of git revision REV")
    args = parser.parse_args()
    lawlint = shlex.split(args.lawlint_cmd) if args.lawlint_cmd else default_lawlint()

    install_textlint()
    OUT.mkdir(parents=True, exist_ok=True)
    mixed, utf8 = build_corpus(args.files)
    all_cases = cases(lawlint, mixed, utf8, args.jobs, shlex.split(args.check_args))
    if args.before:
        tree = Path(tempfile.mkdtemp(prefix="lawlint-before-")) / "tree"
        subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", str(tree), args.before],
                       check=True, capture_output=True)
        atexit.register(subprocess.run, ["git", "-C", str(ROOT), "worktree", "remove", "--force",
                                         str(tree)], capture_output=True)
        all_cases += before_cases(tree, args.before, mixed, args.jobs)
    facts = machine(lawlint)
    checks = sanity(all_cases[0], all_cases[2], args.files)
    for case in all_cases:                      # warm-up: page cache, first-run costs
        case.run()

    load_before = os.getloadavg()
    started = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    for round_ in range(args.rounds):
        order = all_cases if round_ % 2 == 0 else all_cases[::-1]
        for case in order:
            case.times.append(case.run())
    load_after = os.getloadavg()

    print(f"## lawlint against textlint + 3 prh rules: {args.files} reports, {args.rounds} rounds\n")
    print(f"- started {started}; load average {' / '.join(f'{x:.2f}' for x in load_before)} before, "
          f"{' / '.join(f'{x:.2f}' for x in load_after)} after")
    print("\n".join(facts))
    print("\n".join(checks))
    print(f"- corpus: {mixed.parent.relative_to(ROOT)}/ (mixed/: UTF-8, GB18030, UTF-16; "
          f"utf8/: the same reports in UTF-8)\n")
    print("\n".join(table(all_cases, args.rounds)))
    print("\nRatios are lawlint / textlint (< 1.0× means lawlint is faster); issue 12 aims at ≤ 1.0×.")


if __name__ == "__main__":
    main()
