"""`lawlint audit DIR...`: every report in parallel, a table against every requirement."""

from __future__ import annotations

import datetime
import os
import sys
from dataclasses import dataclass

import click

from lawlint import output as outputs
from lawlint.cli.common import (FAIL_LEVELS, FormatChoice, check_output, console, debug_option,
                                ids, limit_option, open_output, run_safely)


def register(group: click.Group) -> None:
    @group.command()
    @click.argument("paths", nargs=-1, required=True, metavar="PATH...")
    @click.option("--format", "--output-format", "output_format", type=FormatChoice(outputs.AUDIT),
                  default="text", show_default=True,
                  help="Summary, spreadsheet (UTF-8 BOM), JSON, one HTML page, or a workbook "
                       "(xlsx, with -o).")
    @click.option("--output", "-o", type=click.Path(dir_okay=False, writable=True),
                  help="Write to FILE instead of standard output.")
    @click.option("--jobs", "-j", type=click.IntRange(1), default=None,
                  help="Worker processes [default: all cores].")
    @click.option("--no-cache", is_flag=True,
                  help="Lint every file: read nothing from the cache, keep nothing in it "
                       "(also: LAWLINT_NO_CACHE=1).")
    @click.option("--similarity", type=click.FloatRange(0.05, 1.0), default=0.6, show_default=True,
                  help="Share of the shorter report's clauses (organs, figures and dates "
                       "masked) from which two reports count as copies of one template.")
    @click.option("--pack", "packs", multiple=True, metavar="PACK", help="Rule pack (repeatable).")
    @click.option("--select", multiple=True, metavar="IDS", help="Only these rules.")
    @click.option("--ignore", multiple=True, metavar="IDS", help="Skip these rules.")
    @click.option("--fail-on", type=click.Choice(FAIL_LEVELS), default=None,
                  help="What makes a report fail [default: error].")
    @click.option("--config", type=click.Path(exists=True, dir_okay=False), help="Configuration file.")
    @click.option("--isolated", is_flag=True, help="Ignore all configuration files.")
    @click.option("--year", type=click.IntRange(1990, 2100), help="Report year for every file.")
    @click.option("--published/--submitted", default=None,
                  help="Judge submissions as published copies or as submitted ones "
                       "[default: published for .html only].")
    @click.option("--annotate", type=click.Path(file_okay=False), metavar="OUTDIR",
                  help="Also write each readable submission's reviewed copy (Word comments and "
                       "tracked fixes) to OUTDIR, same relative path, .docx (docs/review.md).")
    @click.option("--previous", "previous", multiple=True, type=click.Path(exists=True),
                  metavar="DIR|JSON",
                  help="Last year's submissions (a folder) or last year's `audit --format json`: "
                       "a report mostly copied from one of them is noted (照搬上年报告).")
    @click.option("--roster", type=click.Path(exists=True, dir_okay=False), metavar="名单.xlsx|csv",
                  help="The units that must report (单位名称, 简称, 层级, 上级单位): lists 未报送, "
                       "unmatched, duplicate and late submissions; one matrix row per unit.")
    @click.option("--received", type=click.Path(exists=True, dir_okay=False), metavar="FILE",
                  help="Receipt dates (文件名, 收文日期; .csv or .xlsx): lateness by receipt, "
                       "else by 成文日期.")
    @click.option("--deadline", type=click.DateTime(["%Y-%m-%d"]), metavar="YYYY-MM-DD",
                  help="The reporting deadline [default: the packs' `deadline` (03-01) of the year "
                       "after the batch's report year].")
    @click.option("--verbose", "-v", is_flag=True,
                  help="The summary lists every ring member, unit and note, not the first ten.")
    @limit_option
    @debug_option
    def audit(paths, output_format, output, jobs, no_cache, similarity, packs, select, ignore,
              fail_on, config, isolated, year, published, annotate, previous, roster, received,
              deadline, verbose, limit) -> None:
        """Audit a batch of submissions: summary, CSV, JSON, HTML or a workbook (exit 1 if any
        fails); copy rings, last year's reports copied (--previous), the roster (--roster)."""
        from lawlint import usercache
        from lawlint.pipeline.linter import Options

        def body() -> int:
            chosen, alone = _the_offices_configuration(config, isolated)
            options = Options(chosen, alone, packs, ids(select), ids(ignore), fail_on, year=year,
                              published=published, limits=limit)
            return _audit(paths, options, output_format, output, jobs or os.cpu_count() or 1,
                          usercache.enabled(), similarity, annotate, verbose, previous,
                          _Roster(roster, received, deadline.date() if deadline else None))

        with usercache.session(off=no_cache):
            run_safely(body)


def _the_offices_configuration(config: str | None, isolated: bool) -> tuple[str | None, bool]:
    """An audit judges every submission by the office's rules: --config, else the
    configuration of the working folder (and its parents), never a .lawlint.yaml that came
    with a submission (which could ignore the rules it breaks, or exclude itself)."""
    if config or isolated:
        return config, isolated
    from pathlib import Path

    from lawlint.packs import config as configuration

    found = configuration.discover(Path.cwd())
    return (found.source, False) if found is not None and found.source else (None, True)


def _audit(paths, options, output_format, output, jobs, use_cache, similarity, annotate=None,
           verbose=False, previous=(), roster: _Roster | None = None) -> int:
    from lawlint.audit import crosscheck, matrix, pool, rings
    from lawlint.audit import previous as from_last_year
    from lawlint.audit.report import Audit
    from lawlint.pipeline.result import exit_code
    from lawlint.errors import UsageError
    from lawlint import limits
    from lawlint.pipeline.linter import Resolver

    _refuse_the_impossible(output_format, output, roster)
    resolver = Resolver(options)
    with limits.applied(resolver.limits(resolver.settings(None))):
        ruleset = resolver.ruleset(resolver.settings(None))   # a pack error: before the batch
        earlier = _last_year_audits(previous)                 # a broken JSON too
        units, receipts = roster.load() if roster else ((), None)   # and a broken roster
        files = list(pool.collect(list(paths), options))
        if not files:
            raise UsageError("no report files found in " + ", ".join(paths))
        with _progress(len(files)) as advance:
            items = pool.run(files, options, jobs, use_cache, advance)
        found_rings = rings.find(items, similarity, _clause_text(resolver))
        earlier += _last_year_reports(previous, options, jobs, use_cache)
    notes = crosscheck.notes(items) + (
        from_last_year.notes(items, earlier, similarity, ruleset.grammar.organs) if previous else [])
    rules = ruleset.all_rules
    accounting = roster.account(units, receipts, items, ruleset) if roster and roster.path else None
    names = {rule.id: rule.name for rule in rules}
    titles = {rule.id: rule.title for rule in rules if rule.title}
    copies = _annotate(items, paths, annotate, output, resolver) if annotate else {}
    report = Audit(tuple(items), tuple(sorted(notes, key=lambda n: (n.path, n.kind))), names,
                   matrix.roles_of(rules), copies, rings=found_rings, accounting=accounting,
                   rule_titles=titles, verbose=verbose)
    _write(report, output_format, output)
    return exit_code(report.results)


def _refuse_the_impossible(output_format, output, roster) -> None:
    """What the command line cannot mean, said before a batch of thousands is linted."""
    from lawlint.errors import UsageError

    check_output(output)
    if roster and not roster.path and (roster.received or roster.deadline):
        raise UsageError("--received and --deadline judge submissions against a roster: add --roster 名单.xlsx")
    if outputs.find(output_format, outputs.AUDIT).files and not output:
        raise UsageError(f"--format {output_format} writes a file: name it with -o FILE")


def _write(report, output_format: str, output: str | None) -> None:
    chosen = outputs.find(output_format, outputs.AUDIT)
    write = chosen.load()
    if chosen.files:
        write(report, output)
    elif output:
        with open_output(output, newline="") as out:
            write(report, out)
    else:
        write(report, console(sys.stdout, chosen.for_people))


@dataclass(frozen=True)
class _Roster:
    """--roster, --received and --deadline: the office's list of units and when they must
    have reported."""

    path: str | None
    received: str | None
    deadline: datetime.date | None

    def load(self):
        from lawlint.audit import roster

        units = roster.load_units(self.path) if self.path else ()
        return units, roster.load_received(self.received) if self.received else None

    def account(self, units, receipts, items, ruleset):
        """The roster against the batch; the deadline by default the packs' (03-01) of the
        year after the report year most submissions are about."""
        from collections import Counter

        from lawlint.audit import roster

        results = [item.result for item in items]
        deadline = self.deadline
        if deadline is None:
            years = Counter(r.report_year for r in results if r.report_year)
            year = years.most_common(1)[0][0] if years else datetime.date.today().year - 1
            deadline = roster.default_deadline(year, str(ruleset.parameters.get("deadline", "03-01")))
        return roster.account(units, results, deadline, receipts, ruleset.grammar.organs)


def _last_year_audits(sources) -> list:
    """The previous audits' JSON among --previous (read first: a broken one stops the run
    before the batch is linted)."""
    from lawlint.audit import previous as from_last_year

    return [report for source in sources if source.lower().endswith(".json")
            for report in from_last_year.from_audit_json(source)]


def _last_year_reports(sources, options, jobs, use_cache) -> list:
    """Last year's submissions among --previous, linted like this year's (from the cache
    when they were before)."""
    from lawlint.audit import pool
    from lawlint.audit import previous as from_last_year

    folders = [source for source in sources if not source.lower().endswith(".json")]
    files = list(pool.collect(folders, options)) if folders else []
    return from_last_year.from_items(pool.run(files, options, jobs, use_cache)) if files else []


def _clause_text(resolver):
    """A ring member's clauses as written, read and parsed again (not linted) from its file:
    the batch keeps only shingles (4 bytes a clause), and a ring quotes one member."""
    from pathlib import Path

    from lawlint import extract
    from lawlint.audit import similarity
    from lawlint.errors import InputError
    from lawlint.pipeline import linter

    options = resolver.options

    def clauses_of(path: str) -> dict[int, str]:
        ruleset = resolver.ruleset(resolver.settings(Path(path)))
        try:
            src = extract.read(path, Path(path).as_posix(), options.encoding, options.max_bytes)
        except InputError:
            return {}   # gone or changed since it was linted: the ring is shown without quotes
        document = linter.parse(src, ruleset, options.year)
        found: dict[int, str] = {}
        for shingle, text in similarity.clauses(document, ruleset.grammar.organs, ruleset.boilerplate):
            found.setdefault(shingle, text)
        return found
    return clauses_of


def _annotate(items, paths, folder: str, output: str | None, resolver) -> dict[str, str]:
    """A reviewed copy of each readable submission under `folder`, at its path relative to
    the folder it was found in (a file named alone: its name), as .docx; returns each
    submission's copy as the audit page links it (relative to the page)."""
    from pathlib import Path

    from lawlint.output import docx_review

    ruleset = resolver.ruleset(resolver.settings(None))
    roots = [Path(p) for p in paths]
    base = Path(output).resolve().parent if output else Path.cwd()
    copies = {}
    for item in items:
        result = item.result
        if result.error:
            continue
        found = Path(result.path)
        root = next((r for r in roots if r.is_dir() and r.resolve() in found.resolve().parents), None)
        relative = found.resolve().relative_to(root.resolve()) if root else Path(found.name)
        target = Path(folder) / relative.with_suffix(".docx")
        target.parent.mkdir(parents=True, exist_ok=True)
        docx_review.write(result, target, ruleset)
        copies[result.path] = os.path.relpath(target.resolve(), base)
    return copies


class _progress:
    """A rich progress bar on a terminal (never when piped or in CI); otherwise nothing."""

    def __init__(self, total: int):
        self.total = total
        self.bar = None

    def __enter__(self):
        if not sys.stderr.isatty() or os.environ.get("CI"):
            return lambda: None
        from rich.progress import Progress

        self.bar = Progress(console=None, transient=True)
        self.bar.start()
        task = self.bar.add_task("lawlint audit", total=self.total)
        return lambda: self.bar.advance(task)

    def __exit__(self, *exc) -> None:
        if self.bar is not None:
            self.bar.stop()
