"""The command line: parse options, call the linter, render, exit 0 / 1 / 2.

`lawlint PATH...` is `lawlint check PATH...`: the default command, whose options `lawlint
--help` shows; the other commands are about rules, packs and batch audits.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

import click

from lawlint import __version__, output
from lawlint.cli.common import (FAIL_LEVELS, DefaultGroup, FormatChoice, check_output, console,
                                debug_option, ids, limit_option, open_output, run_safely,
                                tolerant_stderr)
from lawlint.errors import UsageError


@click.group(cls=DefaultGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="lawlint")
def main() -> None:
    """Lint 法治政府建设年度报告: .txt, .md, .docx, .pdf, .ofd, .html; .doc, .wps, .rtf, .odt
    through LibreOffice (directories recursively;
    '-' for standard input). Exit 0 clean, 1 findings at or above --fail-on, 2 a usage,
    pack or input error, or lawlint's own failure."""
    tolerant_stderr()


@main.command(short_help="Lint reports (the default command: `lawlint PATH...`).")
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@click.option("--format", "--output-format", "output_format", type=FormatChoice(output.LINT),
              default="text", show_default=True, help="Output format (docs/cli.md).")
@click.option("--output", "-o", type=click.Path(),
              help="Write the report to FILE instead of standard output (--format docx: a FOLDER "
                   "for several reports).")
@click.option("--pack", "packs", multiple=True, metavar="PACK",
              help="Rule pack: a built-in name or a YAML path (repeatable; "
                   "default: national and typography).")
@click.option("--select", multiple=True, metavar="IDS",
              help="Only these rules: ids, id prefixes (LL4) or names, comma-separated.")
@click.option("--ignore", multiple=True, metavar="IDS", help="Skip these rules (same forms).")
@click.option("--fail-on", type=click.Choice(FAIL_LEVELS), default=None,
              help="Exit 1 when a finding has at least this severity [default: error].")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even with findings (same as --fail-on never).")
@click.option("--year", type=click.IntRange(1990, 2100),
              help="Report year, when the title and opening do not state it.")
@click.option("--published/--submitted", default=None,
              help="Judge reports as published copies (a missing addressee, signature or date "
                   "is info) or as submitted ones [default: published for .html only].")
@click.option("--config", type=click.Path(exists=True, dir_okay=False),
              help="Use this configuration file for every report (no discovery).")
@click.option("--isolated", is_flag=True, help="Ignore all configuration files.")
@click.option("--require-reason", is_flag=True,
              help="Report suppressions that give no reason (LL002).")
@click.option("--statistics", is_flag=True, help="Show a count per rule instead of each finding.")
@click.option("--all", "every", is_flag=True,
              help="List every finding: do not fold a fixable rule that fires on more than "
                   "habit-threshold lines (default 5) into one finding.")
@click.option("--encoding", help="Decode text files with this codec (gb18030, big5…) instead of detecting.")
@click.option("--stdin-filename", metavar="NAME",
              help="Name (and format, by suffix) of the report read from '-'.")
@click.option("--max-size", type=click.FloatRange(0.001), default=20, show_default=True,
              metavar="MB", help="Report files larger than this are an input error.")
@click.option("--regex-timeout", type=click.FloatRange(0.01), default=2, show_default=True,
              metavar="SECONDS", help="A pack regex running longer fails its rule (LL003).")
@click.option("--jobs", "-j", type=click.IntRange(1), default=None, metavar="N",
              help="Worker processes [default: by batch size, up to all cores].")
@click.option("--fix", is_flag=True,
              help="Apply safe fixes in place (.txt, .md), then report what is left.")
@click.option("--diff", is_flag=True,
              help="Print the safe fixes as a unified diff; change nothing (exit 1 if any).")
@click.option("--tracked-fixes/--no-tracked-fixes", default=True, show_default=True,
              help="--format docx: write safe fixes as tracked changes (修订), or leave them to the comments.")
@click.option("--show-source/--no-show-source", default=True,
              help="Show the report's line and a caret under each finding [default: show].")
@click.option("--quiet", "-q", count=True,
              help="Print findings only: no summary or hints. Twice (-qq): print nothing.")
@click.option("--silent", is_flag=True, help="Print nothing; only the exit code tells (same as -qq).")
@click.option("--color/--no-color", default=None, help="Colour text output (default: on a terminal).")
@click.option("--no-cache", is_flag=True,
              help="Read nothing from the cache and keep nothing in it (also: LAWLINT_NO_CACHE=1).")
@limit_option
@debug_option
def check(paths, output_format, output, packs, select, ignore, fail_on, exit_zero, year, published,
          config, isolated, require_reason, statistics, every, encoding, stdin_filename, max_size,
          regex_timeout, jobs, fix, diff, tracked_fixes, show_source, quiet, silent, color, no_cache,
          limit) -> None:
    """Lint reports: .txt, .md, .docx, .pdf, .ofd, .html; .doc, .wps, .rtf, .odt via LibreOffice
    (directories recursively; '-' for stdin)."""
    from lawlint.pipeline.linter import Options

    from lawlint import usercache

    quiet = 2 if silent else min(quiet, 2)
    fail_on = "never" if exit_zero else fail_on
    options = Options(config, isolated, packs, ids(select), ids(ignore), fail_on, require_reason,
                      year, encoding, stdin_filename, int(max_size * 1024 * 1024),
                      keep_text=output_format == "docx" or (output_format == "text" and not statistics
                                                             and show_source),
                      published=published, regex_timeout=regex_timeout, jobs=jobs, limits=limit,
                      habit_threshold=0 if every else None)
    view = _View(output_format, output, statistics, color, show_source, quiet, tracked_fixes)
    with usercache.session(off=no_cache):
        run_safely(lambda: _check(paths, options, view, _fixing(fix, diff, paths)))


class _View:
    """What the user asked to see and where."""

    def __init__(self, output_format, path, statistics, color, show_source, quiet, tracked_fixes=True):
        self.format = "statistics" if statistics and output_format == "text" else output_format
        self.output, self.color, self.show_source, self.quiet = path, color, show_source, quiet
        self.tracked_fixes = tracked_fixes

    def display(self, stream) -> output.Display:
        if self.output:   # a file asked for by name is written even with --silent
            return output.Display(False, min(self.quiet, 1), self.show_source, _columns(None),
                                  self.tracked_fixes)
        color = self.color if self.color is not None else (stream.isatty() and "NO_COLOR" not in os.environ)
        return output.Display(color, self.quiet, self.show_source, _columns(stream))


def _columns(stream) -> int:
    """The width excerpts fit: $COLUMNS, else the terminal's, else 80."""
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        return int(columns)
    try:
        return os.get_terminal_size(stream.fileno()).columns if stream and stream.isatty() else 80
    except (OSError, ValueError, AttributeError):
        return 80


def _fixing(fix: bool, diff: bool, paths) -> str | None:
    if fix and diff:
        raise UsageError("--fix and --diff exclude each other", hint="--diff shows what --fix would write")
    mode = "fix" if fix else "diff" if diff else None
    if mode and "-" in paths:
        raise UsageError(f"--{mode} works on files, not on '-'", hint="save the report to a file first")
    return mode


def _check(paths, options, view: _View, fixing=None) -> int:
    from lawlint import limits
    from lawlint.pipeline import linter

    if output.find(view.format).files:
        if not view.output:
            raise UsageError(f"--format {view.format} writes files: name one with -o",
                             hint="-o 审查稿.docx for one report, -o FOLDER for several")
        if not Path(view.output).is_dir():
            check_output(view.output)
    else:
        check_output(view.output)
    resolver = linter.Resolver(options)
    with limits.applied(resolver.limits(resolver.settings(None))):   # packs and config load under them
        return _lint(paths, resolver, view, fixing)


def _lint(paths, resolver, view: _View, fixing) -> int:
    from lawlint.pipeline import linter

    stdin = sys.stdin.buffer.read() if "-" in paths else None
    if fixing:
        outcomes = _fix(paths, resolver, write=fixing == "fix", quiet=view.quiet)
        if fixing == "diff" and outcomes:
            return _show_diffs(outcomes, view.quiet)
        results: Iterable = [outcome.result for outcome in outcomes]
    else:
        results = linter.lint_paths(paths, resolver, stdin)
    tally = _ExitCode()
    results = tally.watch(_not_empty(results, paths))
    first = next(results)   # the run's first result, or the usage error that there is none
    render = output.get(view.format)
    ruleset = resolver.ruleset(resolver.settings(None))
    stream = _prepend(first, results)
    if output.find(view.format).files:   # a reviewed .docx per report, written where -o says
        render(stream, ruleset, view.output, view.display(None))
    elif view.output:
        with open_output(view.output) as out:
            render(stream, ruleset, out, view.display(None))
    elif view.quiet < 2:   # --silent prints nothing, in any format; the loop below lints on
        out = console(sys.stdout, output.find(view.format).for_people)
        render(stream, ruleset, out, view.display(out))
    for _ in results:   # a format that stopped early still leaves every file counted
        pass
    return tally.code


def _not_empty(results: Iterable, paths) -> Iterator:
    seen = False
    for result in results:
        seen = True
        yield result
    if not seen:
        from lawlint.extract import SUFFIXES   # the input formats there are, so a new one is named

        raise UsageError(f"no report files ({' '.join(SUFFIXES)}) found in " + ", ".join(paths),
                         hint="name the files, or a directory that holds them")


def _prepend(first, rest: Iterator) -> Iterator:
    yield first
    yield from rest


class _ExitCode:
    """The exit code of the results that went past, counted as they stream to the output:
    2 if a file could not be linted, else 1 if one fails its fail level, else 0."""

    def __init__(self) -> None:
        self.code = 0

    def watch(self, results: Iterable) -> Iterator:
        from lawlint.pipeline.result import exit_code

        for result in results:
            self.code = max(self.code, exit_code([result]))
            yield result


def _fix(paths, resolver, write: bool, quiet: int = 0) -> list:
    """Fix every report (in place when `write`); say on stderr what --fix changed."""
    from lawlint.pipeline import linter

    outcomes = [_fix_one(path, resolver, write) for path in linter.collect(paths, resolver)]
    fixed = [outcome for outcome in outcomes if outcome.changed]
    if write and fixed and not quiet:
        applied = sum(o.applied for o in fixed)
        click.echo(f"lawlint: fixed {applied} finding{'s' if applied != 1 else ''} in {len(fixed)} "
                   f"file{'s' if len(fixed) != 1 else ''}", err=True)
    return outcomes


def _fix_one(path, resolver, write: bool):
    """One file's fix behind the same boundary as a batch: lawlint failing on it is its error."""
    from lawlint.pipeline import fixer, linter

    try:
        return fixer.fix_path(path, resolver, write)
    except Exception as error:   # noqa: BLE001 - this file only; the others are still fixed
        return fixer.Outcome(linter.failure(path, error))


def _show_diffs(outcomes, quiet: int = 0) -> int:
    """--diff: the fixes as one unified diff on stdout; exit 1 when there is any (as ruff
    does), 2 when a file could not be read."""
    out = console(sys.stdout, for_people=True)
    for outcome in outcomes:
        if quiet >= 2:
            break
        if outcome.result.error:
            click.echo(f"{outcome.result.path}: error: {outcome.result.error}", err=True)
        elif outcome.changed:
            out.write(outcome.diff())
    if any(outcome.result.error for outcome in outcomes):
        return 2
    return 1 if any(outcome.changed for outcome in outcomes) else 0
